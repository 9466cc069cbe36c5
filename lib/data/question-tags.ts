/* Not marked server-only: lib/data/cards.ts, which benchmarks load, reads tags with it. */

/** Question.tags holds a JSON array of strings; anything else reads as no tags. */
export function parseTags(raw: string | null | undefined): string[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

export function serializeTags(tags: readonly string[] | undefined): string | null {
  return tags?.length ? JSON.stringify(tags) : null;
}
