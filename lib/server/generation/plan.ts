// Pure: decides how a document's stored generated questions follow a new
// generation run. The rules keep what learners study stable:
// - a published question never changes by itself (prompt, answer, choices, status);
//   it is retired only when its sentence is gone from the document;
// - new questions arrive with the given status (drafts, except a content/
//   document's first import, which is published);
// - drafts follow the generator; rejected ones and teachers' edits stay as they are.
import type { QuestionRecord } from "@/lib/data/questions";

/** A generated question as stored: the data layer's question record. */
export type GeneratedRecord = QuestionRecord;

export type StoredRecord = GeneratedRecord & { editedAt: Date | null };

export type QuestionPlan = {
  create: GeneratedRecord[];
  update: GeneratedRecord[];
  retire: string[];
  unchanged: number;
};

const CONTENT_FIELDS = [
  "noteId",
  "type",
  "prompt",
  "answer",
  "statementIsTrue",
  "factType",
  "sentenceIndex",
  "sentenceStart",
  "sentenceEnd",
  "sentence",
  "score",
] as const;

function sameContent(a: GeneratedRecord, b: GeneratedRecord): boolean {
  return CONTENT_FIELDS.every((k) => a[k] === b[k]) && JSON.stringify(a.choices) === JSON.stringify(b.choices);
}

export function planQuestionSync(
  generated: GeneratedRecord[],
  stored: StoredRecord[],
  sentencesNow: ReadonlySet<string>,
  newStatus: "draft" | "published",
): QuestionPlan {
  const byId = new Map(stored.map((q) => [q.id, q]));
  const plan: QuestionPlan = { create: [], update: [], retire: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const q of generated) {
    seen.add(q.id);
    const old = byId.get(q.id);
    if (!old) plan.create.push({ ...q, status: newStatus });
    else if (old.editedAt !== null || old.status === "published" || old.status === "rejected") plan.unchanged++;
    // A retired question whose sentence came back returns for review, not straight to learners.
    else if (old.status === "retired") plan.update.push({ ...q, status: "draft" });
    else if (!sameContent(old, q)) plan.update.push({ ...q, status: old.status });
    else plan.unchanged++;
  }
  for (const old of stored) {
    if (seen.has(old.id) || old.status === "retired" || old.editedAt !== null) continue;
    if (old.status === "draft" || !sentencesNow.has(old.sentence)) plan.retire.push(old.id);
  }
  return plan;
}

/**
 * Generated ids come from a sentence's content, so the same sentence in two
 * documents yields the same id. A question keeps the plain id unless another
 * document already holds it; then it gets one scoped to its own document.
 * Note ids follow their questions, so variants stay together.
 */
export function scopeIds(
  generated: GeneratedRecord[],
  ownerOf: ReadonlyMap<string, string>,
  documentId: string,
  scope: string,
): GeneratedRecord[] {
  const scoped = (id: string) => `${id}.${scope}`;
  const idFor = (id: string) => {
    if (ownerOf.get(id) === documentId) return id;
    if (ownerOf.get(scoped(id)) === documentId || ownerOf.has(id)) return scoped(id);
    return id;
  };
  const noteScoped = new Set(generated.filter((q) => idFor(q.id) !== q.id && q.noteId).map((q) => q.noteId!));
  return generated.map((q) => ({
    ...q,
    id: idFor(q.id),
    noteId: q.noteId && noteScoped.has(q.noteId) ? scoped(q.noteId) : q.noteId,
  }));
}
