/**
 * Sibling burying, as Anki does it: the variants of one note (cloze, multiple
 * choice, flashcard, true/false of the same fact) give each other away, so a
 * learner sees at most one of them per day. Pure; the caller says which
 * questions the learner already answered today (in their time zone).
 */

export type NoteMember = { id: string; noteId: string | null };

/** The note a question belongs to; a question without one is its own note. */
export function noteKeyOf(q: NoteMember): string {
  return q.noteId ?? `q:${q.id}`;
}

/**
 * Keeps candidates in order, dropping any whose note already has another
 * variant in the list or was answered today through another variant. The
 * same question may come back (a learning step due again the same day).
 */
export function burySiblings<T>(
  candidates: readonly T[],
  questionOf: (c: T) => NoteMember,
  answeredToday: ReadonlyArray<NoteMember>,
): T[] {
  const todayByNote = new Map<string, string>();
  for (const q of answeredToday) if (!todayByNote.has(noteKeyOf(q))) todayByNote.set(noteKeyOf(q), q.id);
  const taken = new Map(todayByNote);
  const out: T[] = [];
  for (const c of candidates) {
    const q = questionOf(c);
    const key = noteKeyOf(q);
    const holder = taken.get(key);
    if (holder !== undefined && holder !== q.id) continue;
    if (holder === q.id && out.some((o) => questionOf(o).id === q.id)) continue;
    taken.set(key, q.id);
    out.push(c);
  }
  return out;
}

/** Groups questions by note, keeping the order of each note's first question. */
export function groupByNote<T extends NoteMember>(questions: readonly T[]): Array<{ key: string; variants: T[] }> {
  const groups = new Map<string, T[]>();
  for (const q of questions) {
    const key = noteKeyOf(q);
    const list = groups.get(key);
    if (list) list.push(q);
    else groups.set(key, [q]);
  }
  return [...groups].map(([key, variants]) => ({ key, variants }));
}
