import { listDocumentsForGeneration } from "@/lib/data/documents";
import {
  syncGeneratedQuestions,
  type ConflictRecord,
  type QuestionRecord,
  type SyncReport,
} from "@/lib/data/questions";
import { sha256Hex } from "@/lib/text/normalize";
import { generateBank, type Bank } from "@/lib/qgen";

/** Fixed so a given corpus always yields the same bank (choice order, true/false statements). */
export const BANK_SEED = 1;

/**
 * Regenerates the bank from every stored document and syncs it into the
 * database. The whole corpus is generated together so that repeats across
 * documents collapse and conflicts between documents are found; it takes
 * milliseconds, and only differences are written.
 */
export async function regenerateQuestionBank(): Promise<SyncReport> {
  const docs = await listDocumentsForGeneration();
  const bank = generateBank(
    docs.map((d) => ({ id: d.id, title: d.title, path: d.contentPath ?? d.fileName, text: d.text, sha256: d.sha256 })),
    { seed: BANK_SEED },
  );
  const sentenceAt = new Map(docs.map((d) => [d.id, new Map(d.sentences.map((s) => [s.start, s.index]))]));
  const indexOf = (documentId: string, start: number) => sentenceAt.get(documentId)?.get(start) ?? null;
  // The maintainers' corpus is published as generated; uploads start as drafts for review.
  const drafts = new Set(docs.filter((d) => d.origin !== "content").map((d) => d.id));
  const records = toQuestionRecords(bank, indexOf).map((q) =>
    drafts.has(q.documentId) ? { ...q, status: "draft" } : q,
  );
  return syncGeneratedQuestions(records, toConflictRecords(bank, docs));
}

function toQuestionRecords(bank: Bank, indexOf: (doc: string, start: number) => number | null): QuestionRecord[] {
  const out: QuestionRecord[] = [];
  for (const q of bank.questions) {
    const sentenceIndex = indexOf(q.source.documentId, q.source.start);
    if (sentenceIndex === null) continue; // cannot link to a source sentence: not a grounded question
    out.push({
      id: q.id,
      documentId: q.source.documentId,
      type: q.type,
      prompt: q.prompt,
      answer: q.answer,
      choices: q.type === "multiple_choice" ? q.choices : null,
      statementIsTrue: q.type === "true_false" ? q.statementIsTrue : null,
      factType: q.factType,
      sentenceIndex,
      sentenceStart: q.source.start,
      sentenceEnd: q.source.end,
      sentence: q.source.sentence,
      score: q.score,
      status: "published",
      origin: "generated",
    });
  }
  return out;
}

function toConflictRecords(
  bank: Bank,
  docs: Array<{ id: string; text: string; sentences: Array<{ index: number; start: number }> }>,
): ConflictRecord[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return bank.conflicts.map((c) => ({
    id: sha256Hex(JSON.stringify([c.factType, c.values, c.sources])).slice(0, 24),
    factType: c.factType,
    values: c.values,
    sources: c.sources.map((s) => {
      const doc = byId.get(s.documentId);
      const start = doc?.text.indexOf(s.sentence) ?? -1;
      const sentence = doc?.sentences.find((x) => x.start === start);
      return { ...s, sentenceIndex: sentence?.index ?? null };
    }),
  }));
}
