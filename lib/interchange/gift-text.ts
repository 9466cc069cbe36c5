/** Escaping rules shared by the GIFT reader and writer. */
const SPECIAL = new Set(["~", "=", "#", "{", "}", ":", "\\"]);

export function escapeGift(text: string): string {
  let out = "";
  for (const ch of text) out += SPECIAL.has(ch) ? `\\${ch}` : ch === "\n" ? "\\n" : ch;
  return out;
}

/**
 * Inside an answer block "->" would make a matching pair and a leading
 * "%50%" a weight. GIFT has no escape for either, so the ">" and "%" get a
 * backslash, which keeps parsers (Moodle's, gift-pegjs, Quarry's) from
 * reading them as syntax.
 */
export function escapeGiftAnswer(text: string): string {
  return escapeGift(text).replace(/->/g, "-\\>").replace(/^%/, "\\%");
}

export function unescapeGift(text: string): string {
  return text.replace(/\\(.)/gs, (_, ch: string) => (ch === "n" ? "\n" : ch));
}

/** Index of the first unescaped `needle` at or after `from`, or -1. */
export function findUnescaped(text: string, needle: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Splits on an unescaped single-character separator, keeping escapes in the parts. */
export function splitUnescaped(text: string, isSeparator: (ch: string) => boolean): { sep: string; text: string }[] {
  const parts: { sep: string; text: string }[] = [];
  let cur = { sep: "", text: "" };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\\" && i + 1 < text.length) {
      cur.text += ch + text[i + 1];
      i++;
    } else if (isSeparator(ch)) {
      parts.push(cur);
      cur = { sep: ch, text: "" };
    } else cur.text += ch;
  }
  parts.push(cur);
  return parts;
}
