import { deleteDocument, findDocumentName, setGenerationStatus } from "@/lib/data/documents";
import { deleteConflictsOf } from "@/lib/data/questions";
import { databaseUrl } from "./database-url";
import type { StoredGeneration } from "./generation/document-job";
import { GENERATE_DOCUMENT, generationLimits } from "./workers/jobs";
import { runInWorker } from "./workers/run-in-worker";

export type GenerationOutcome = ({ ok: true } & StoredGeneration) | { ok: false; file: string; reason: string };

/**
 * Generates one document's questions and stores the difference, in a worker
 * thread (time and memory bounded): reading the pool and writing thousands of
 * rows through Prisma costs as much CPU as generating, and none of it may hold
 * the request thread. A failure is stored on the document with its reason and
 * reported, never thrown.
 */
export async function generateDocumentQuestions(documentId: string): Promise<GenerationOutcome> {
  const target = await findDocumentName(documentId);
  if (!target) return { ok: false, file: documentId, reason: "That document does not exist." };
  const name = target.contentPath ?? target.fileName;
  const outcome = await runInWorker(
    GENERATE_DOCUMENT,
    { documentId, databaseUrl: databaseUrl(), exhaustMemory: forcedToFail(target.fileName) },
    generationLimits(),
  );
  if (outcome.ok) return { ok: true, ...outcome.value };
  const reason = `${name}: questions could not be generated: ${stoppedBecause(outcome)}`;
  await setGenerationStatus(documentId, "failed", reason.slice(0, 1000));
  return { ok: false, file: name, reason };
}

/** Deletes a document with its questions, cards and conflicts. */
export async function removeDocument(documentId: string): Promise<void> {
  await deleteConflictsOf(documentId);
  await deleteDocument(documentId);
}

/** Why a generation job failed, e.g. "it needed more than 1536 MB of memory and was stopped". */
function stoppedBecause(outcome: { reason: string; message: string }): string {
  if (outcome.reason === "timeout" || outcome.reason === "memory") return `it ${outcome.message} and was stopped`;
  // An error thrown by the job itself carries its own message.
  return outcome.reason === "error" ? outcome.message : `it failed (${outcome.message})`;
}

// For tests of the failure path: QUARRY_FAIL_GENERATION_FOR names a file whose
// generation job uses memory until the worker's limit stops it.
function forcedToFail(fileName: string): boolean {
  const names = (process.env.QUARRY_FAIL_GENERATION_FOR ?? "").split(",").filter(Boolean);
  return names.includes(fileName);
}
