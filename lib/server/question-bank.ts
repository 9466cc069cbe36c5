import {
  deleteDocument,
  findSentenceIndex,
  getDocumentForGeneration,
  listPoolDocuments,
  setGenerationStatus,
} from "@/lib/data/documents";
import {
  deleteConflictsOf,
  findQuestionOwners,
  listGeneratedQuestions,
  saveDocumentGeneration,
  type ConflictRecord,
  type SyncReport,
} from "@/lib/data/questions";
import type { Bank } from "@/lib/qgen";
import { sha256Hex } from "@/lib/text/normalize";
import { MAX_GENERATION_SENTENCES, MAX_QUESTIONS_PER_DOCUMENT } from "./generation/limits";
import { planQuestionSync, scopeIds, type GeneratedRecord } from "./generation/plan";
import { relatedDocumentIds } from "./decks";
import { poolScopeOf } from "./generation/pool";
import { GENERATE_QUESTIONS, generationLimits } from "./workers/jobs";
import { runInWorker } from "./workers/run-in-worker";

/** Fixed so a given corpus always yields the same bank (choice order, true/false statements). */
export const BANK_SEED = 1;

export type GenerationOutcome =
  { ok: true; report: SyncReport; capped: boolean; warnings: string[] } | { ok: false; file: string; reason: string };

/**
 * Generates one document's questions in a worker (time and memory bounded)
 * and stores the difference. It reads the document and its pool (see
 * generation/pool.ts) and writes only this document's questions; published
 * questions are never changed (generation/plan.ts). A failure is stored on
 * the document with its reason and reported, never thrown.
 */
export async function generateDocumentQuestions(documentId: string): Promise<GenerationOutcome> {
  const target = await getDocumentForGeneration(documentId);
  if (!target) return { ok: false, file: documentId, reason: "That document does not exist." };
  const name = target.contentPath ?? target.fileName;
  try {
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
    const job = { docs, target: documentId, seed: BANK_SEED, maxQuestions: MAX_QUESTIONS_PER_DOCUMENT };
    const outcome = await runInWorker(
      GENERATE_QUESTIONS,
      { ...job, exhaustMemory: forcedToFail(target.fileName) },
      generationLimits(),
    );
    if (!outcome.ok) throw new Error(stoppedBecause(outcome));
    const result = outcome.value;
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
      ok: true,
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
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const reason = `${name}: questions could not be generated: ${detail}`;
    await setGenerationStatus(documentId, "failed", reason.slice(0, 1000));
    return { ok: false, file: name, reason };
  }
}

/** Deletes a document with its questions, cards and conflicts. */
export async function removeDocument(documentId: string): Promise<void> {
  await deleteConflictsOf(documentId);
  await deleteDocument(documentId);
}

/** Why a generation job was stopped, e.g. "it needed more than 1536 MB of memory and was stopped". */
function stoppedBecause(outcome: { reason: string; message: string }): string {
  return outcome.reason === "timeout" || outcome.reason === "memory"
    ? `it ${outcome.message} and was stopped`
    : `it failed (${outcome.message})`;
}

const idScope = (documentId: string) => sha256Hex(documentId).slice(0, 8);

// For tests of the failure path: QUARRY_FAIL_GENERATION_FOR names a file whose
// generation job uses memory until the worker's limit stops it.
function forcedToFail(fileName: string): boolean {
  const names = (process.env.QUARRY_FAIL_GENERATION_FOR ?? "").split(",").filter(Boolean);
  return names.includes(fileName);
}

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
