/**
 * Which documents a document's generation may read besides itself: for
 * distractors, conflicts and repeated sentences. For the content/ corpus that
 * is the content documents; for anything else, the other documents of the
 * owner's decks that hold it (`relatedDocumentIds` in lib/server/decks.ts).
 */
export type PoolScope = { kind: "content" } | { kind: "documents"; ids: readonly string[] };

export function poolScopeOf(doc: { id: string; origin: string }, related: readonly string[]): PoolScope {
  return doc.origin === "content" ? { kind: "content" } : { kind: "documents", ids: [doc.id, ...related] };
}
