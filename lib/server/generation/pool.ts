/**
 * Which documents a document's generation may read besides itself: for
 * distractors, conflicts and repeated sentences. Today that is the owner's
 * own documents, and for the content/ corpus the content documents. It is
 * the one place to point at decks once documents belong to decks.
 */
export type PoolScope = { kind: "content" } | { kind: "owner"; ownerId: string | null };

export function poolScopeOf(doc: { origin: string; ownerId: string | null }): PoolScope {
  return doc.origin === "content" ? { kind: "content" } : { kind: "owner", ownerId: doc.ownerId };
}
