import type { ImportResult } from "./types";

const MAX_LISTED = 50;

/**
 * The import report a teacher sees: what the file was read as, what was
 * imported, what was changed on the way in, and what was skipped and why.
 */
export function importReport(fileName: string, result: ImportResult): string[] {
  const lines: string[] = [`${fileName}: read as ${result.readAs ?? "an unknown format"}`];
  if (!result.ok) {
    lines.push(`Nothing imported: ${result.errors.length} problem${result.errors.length === 1 ? "" : "s"}`);
    for (const e of result.errors.slice(0, MAX_LISTED)) lines.push(`  ${e.message}`);
    if (result.errors.length > MAX_LISTED) lines.push(`  … and ${result.errors.length - MAX_LISTED} more`);
    return lines;
  }
  if (result.title) lines.push(`Deck name in the file: ${result.title}`);
  const n = result.questions.length;
  const byType = new Map<string, number>();
  for (const q of result.questions) byType.set(q.type, (byType.get(q.type) ?? 0) + 1);
  const types = [...byType].map(([t, c]) => `${c} ${t.replace("_", " ")}`).join(", ");
  lines.push(`Imported ${n} question${n === 1 ? "" : "s"}${n ? ` (${types})` : ""}`);
  const tagged = result.questions.filter((q) => q.tags?.length).length;
  if (tagged) lines.push(`Tags kept on ${tagged} question${tagged === 1 ? "" : "s"}`);
  const explained = result.questions.filter((q) => q.explanation).length;
  if (explained) lines.push(`Explanation shown after answering on ${explained} question${explained === 1 ? "" : "s"}`);
  const notes = new Map<string, number>();
  for (const q of result.questions) if (q.noteId) notes.set(q.noteId, (notes.get(q.noteId) ?? 0) + 1);
  const grouped = [...notes.values()].filter((c) => c > 1).length;
  if (grouped)
    lines.push(`${grouped} note${grouped === 1 ? "" : "s"} gave more than one question (variants of one note)`);
  if (result.media?.length) lines.push(`Images imported: ${result.media.map((m) => m.name).join(", ")}`);
  for (const c of result.changes ?? []) lines.push(`Changed: ${c}`);
  const skipped = result.skipped ?? [];
  if (skipped.length) {
    lines.push(`Skipped ${skipped.length}:`);
    const noun = /Anki/.test(result.readAs ?? "") ? "note" : /CSV|Tab/.test(result.readAs ?? "") ? "row" : "question";
    for (const s of skipped.slice(0, MAX_LISTED))
      lines.push(`  ${s.line ? `line ${s.line}` : `${noun} ${s.record}`}: ${s.reason}`);
    if (skipped.length > MAX_LISTED) lines.push(`  … and ${skipped.length - MAX_LISTED} more`);
  }
  return lines;
}
