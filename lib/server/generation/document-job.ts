// Worker task: generates one document's questions and stores the difference
// (see question-bank.ts `generateDocumentQuestions`, which runs it). Reading
// the pool and writing thousands of rows cost as much CPU as generating (Prisma
// compiles and maps every row on the thread that runs it), so all of it runs
// here, off the request thread. Only worker threads load this module.
import { findSentenceIndex, getDocumentForGeneration, listPoolDocuments } from "@/lib/data/documents";
import {
  findQuestionOwners,
  listGeneratedQuestions,
  saveDocumentGeneration,
  type ConflictRecord,
  type SyncReport,
} from "@/lib/data/questions";
import type { Bank } from "@/lib/qgen";
import { sha256Hex } from "@/lib/text/normalize";
import { followDatabase } from "../db";
import { relatedDocumentIds } from "../decks";
import { generateQuestions } from "./generate-job";
import { MAX_GENERATION_SENTENCES, MAX_QUESTIONS_PER_DOCUMENT } from "./limits";
import { planQuestionSync, scopeIds, type GeneratedRecord } from "./plan";
import { poolScopeOf } from "./pool";

/** Fixed so a given corpus always yields the same bank (choice order, true/false statements). */
export const BANK_SEED = 1;

export type DocumentJob = { documentId: string; databaseUrl: string; exhaustMemory?: boolean };

export async function runDocumentJob(job: DocumentJob): Promise<StoredGeneration> {
  await followDatabase(job.databaseUrl);
  return generateAndStore(job.documentId, job.exhaustMemory);
}

export type StoredGeneration = { report: SyncReport; capped: boolean; warnings: string[] };

/**
 * Reads the
 * document and its pool (see generation/pool.ts), generates, and writes only
 * this document's questions; published questions are never changed
 * (generation/plan.ts). Throws on failure; the caller records it.
 */
async function generateAndStore(documentId: string, exhaustMemory = false): Promise<StoredGeneration> {
  const target = await getDocumentForGeneration(documentId);
  if (!target) throw new Error("the document was deleted");
  const related = target.origin === "content" ? [] : await relatedDocumentIds(documentId);
  const scope = poolScopeOf(target, related);
  const pool = await listPoolDocuments(scope, documentId, MAX_GENERATION_SENTENCES - 1);
  const docs = pool.map((d) => ({
    id: d.id,
    title: d.title,
    path: d.contentPath ?? d.fileName,
    // Past the sentence cap only the sentences' text is kept, not questions on it.
    text: d.sentences[0] ? d.text.slice(0, d.sentences[0].end) : d.text,
    sha256: d.sha256,
  }));
  const result = generateQuestions({
    docs,
    target: documentId,
    seed: BANK_SEED,
    maxQuestions: MAX_QUESTIONS_PER_DOCUMENT,
    exhaustMemory,
  });
  const indexAt = new Map(target.sentences.map((s) => [s.start, s.index]));
  const existing = await listGeneratedQuestions(documentId);
  // The maintainers' corpus is published on its first import; everything else waits for a teacher.
  const newStatus = target.origin === "content" && existing.length === 0 ? "published" : "draft";
  const generated = toRecords(result.questions, documentId, indexAt);
  const owners = await findQuestionOwners(generated.flatMap((q) => [q.id, `${q.id}.${idScope(documentId)}`]));
  const records = scopeIds(generated, owners, documentId, idScope(documentId));
  const plan = planQuestionSync(records, existing, new Set(target.sentences.map((s) => s.text)), newStatus);
  await saveDocumentGeneration(documentId, plan, await toConflictRecords(result.conflicts, docs));
  return {
    capped: result.capped,
    warnings: result.warnings,
    report: {
      created: plan.create.length,
      updated: plan.update.length,
      retired: plan.retire.length,
      unchanged: plan.unchanged,
      conflicts: result.conflicts.length,
    },
  };
}

const idScope = (documentId: string) => sha256Hex(documentId).slice(0, 8);

function toRecords(questions: Bank["questions"], documentId: string, indexAt: Map<number, number>): GeneratedRecord[] {
  const out: GeneratedRecord[] = [];
  for (const q of questions) {
    const sentenceIndex = indexAt.get(q.source.start);
    if (q.source.documentId !== documentId || sentenceIndex === undefined) continue; // not grounded in this document
    out.push({
      id: q.id,
      noteId: q.noteId ?? null,
      documentId,
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
      status: "draft",
      origin: "generated",
    });
  }
  return out;
}

async function toConflictRecords(
  conflicts: Bank["conflicts"],
  docs: Array<{ id: string; text: string }>,
): Promise<ConflictRecord[]> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const out: ConflictRecord[] = [];
  for (const c of conflicts) {
    const sources: ConflictRecord["sources"] = [];
    for (const s of c.sources) {
      const start = byId.get(s.documentId)?.text.indexOf(s.sentence) ?? -1;
      sources.push({ ...s, sentenceIndex: start < 0 ? null : await findSentenceIndex(s.documentId, start) });
    }
    out.push({
      id: sha256Hex(JSON.stringify([c.factType, c.values, c.sources])).slice(0, 24),
      factType: c.factType,
      values: c.values,
      sources,
    });
  }
  return out;
}
