/**
 * A bank file's own title, read from the text formats: the last part of a
 * GIFT `$CATEGORY` ("$course$/top/The Panama Canal" → "The Panama Canal") or
 * the title of a Quarry JSON bank's document. Null when the file names none.
 */
export function textBankTitle(fileName: string, text: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith(".json")) return jsonTitle(text);
  if (name.endsWith(".gift") || name.endsWith(".txt")) return giftCategory(text);
  return null;
}

const GENERIC = new Set(["", "top", "default", "imported questions", "$course$", "$system$", "$module$", "$cat1$"]);

function giftCategory(text: string): string | null {
  const m = /^\s*\$CATEGORY:\s*(.+?)\s*$/im.exec(text.slice(0, 100_000));
  if (!m) return null;
  const parts = m[1]!
    .split("/")
    .map((p) => p.trim())
    .filter((p) => !GENERIC.has(p.toLowerCase()));
  return parts.length ? parts[parts.length - 1]!.slice(0, 200) : null;
}

function jsonTitle(text: string): string | null {
  try {
    const data = JSON.parse(text.replace(/^\uFEFF/, "")) as { documents?: Array<{ title?: unknown }> };
    const title = data.documents?.find((d) => typeof d.title === "string")?.title;
    return typeof title === "string" && !GENERIC.has(title.trim().toLowerCase()) ? title.trim().slice(0, 200) : null;
  } catch {
    return null;
  }
}
