import "server-only";

import type { UploadEvent } from "@/lib/api/uploads";
import { checkUploadBatch } from "@/lib/ingest";
import { createDocumentDeck } from "./decks";
import { countQuestionsForDocuments } from "@/lib/data/questions";
import { databaseUrl } from "./database-url";
import type { JobProgress, ReadJob, ReadResult } from "./generation/read-job";
import type { FormResult } from "./workers/tasks/form";
import { generationLimits, PARSE_FORM, READ_UPLOAD } from "./workers/jobs";
import { failureMessage, runInWorker } from "./workers/run-in-worker";
import { generateDocumentQuestions } from "./question-bank";

export type UploadInput = {
  files: Array<{ name: string; bytes: Uint8Array }>;
  paste?: { title: string; text: string };
};

/**
 * Reads each file, saves it as a document owned by the uploader, then
 * generates draft questions for the review queue. Reading (parse, sentence
 * split) and generation run in worker threads with time and memory limits,
 * so a huge file cannot stall the server. Every step reports progress through
 * `emit`; a bad file is reported and skipped, the others still go through. A
 * file whose bytes were uploaded before is recognised. A document whose
 * generation fails is kept, marked failed, and offered for retry or deletion.
 */
export async function ingestUploads(ownerId: string | null, input: UploadInput, emit: (e: UploadEvent) => void) {
  const batch = checkUploadBatch([
    ...input.files.map((f) => ({ fileName: f.name, size: f.bytes.byteLength })),
    ...(input.paste ? [{ fileName: "pasted.txt", size: 0 }] : []),
  ]);
  if (batch.batchError) {
    emit({ type: "failed", file: "", code: batch.batchError.code, message: batch.batchError.message });
    emit({ type: "finished", added: 0, failed: input.files.length });
    return;
  }
  const refused = new Map(batch.problems.map((p) => [p.fileName, p]));
  const names = input.files.map((f) => f.name);
  if (input.paste) names.push(input.paste.title || "Pasted text");
  emit({ type: "accepted", files: names });

  const saved: Array<{ file: string; documentId: string; title: string }> = [];
  // The read job also stores the document (read-job.ts), on the caller's database.
  const saveAs = { ownerId, databaseUrl: databaseUrl() };
  let failed = 0;
  const jobs: Array<{ file: string; read: () => Promise<ReadResult> }> = input.files.map((f) => ({
    file: f.name,
    read: () =>
      readInWorker(f.name, { kind: "read-file", fileName: f.name, bytes: f.bytes, ...saveAs }, (stage, fraction) =>
        emit({ type: "progress", file: f.name, stage, fraction }),
      ),
  }));
  if (input.paste) {
    const { title, text } = input.paste;
    const file = title || "Pasted text";
    jobs.push({
      file,
      read: () =>
        readInWorker(file, { kind: "read-paste", title, text, ...saveAs }, (stage, fraction) =>
          emit({ type: "progress", file, stage, fraction }),
        ),
    });
  }

  for (const job of jobs) {
    const problem = refused.get(job.file);
    if (problem) {
      emit({ type: "failed", file: job.file, code: problem.code, message: problem.message });
      failed++;
      continue;
    }
    const result = await job.read();
    if (!result.ok) {
      emit({ type: "failed", file: job.file, code: result.code, message: result.message });
      failed++;
      continue;
    }
    if (result.saved === "duplicate") {
      emit({
        type: "duplicate",
        file: job.file,
        documentId: result.documentId,
        title: result.title,
        message: `${job.file}: this exact file was uploaded before, as “${result.title}”.`,
      });
      continue;
    }
    const { documentId } = result;
    await createDocumentDeck(ownerId, documentId, result.title);
    emit({ type: "progress", file: job.file, stage: "saving", fraction: 1 });
    saved.push({ file: job.file, documentId, title: result.title });
  }

  // Each document is generated on its own: it reads only its pool and writes only its own questions.
  for (const s of saved) {
    emit({ type: "progress", file: s.file, stage: "generating", fraction: 0 });
    const outcome = await generateDocumentQuestions(s.documentId);
    emit({ type: "progress", file: s.file, stage: "generating", fraction: 1 });
    if (!outcome.ok) {
      emit({
        type: "failed",
        file: s.file,
        code: "generation_failed",
        message: `${outcome.reason}. The document was kept: retry or delete it from its page.`,
        documentId: s.documentId,
      });
      failed++;
      continue;
    }
    const byDoc = await countQuestionsForDocuments([s.documentId]);
    emit({
      type: "done",
      file: s.file,
      documentId: s.documentId,
      title: s.title,
      questions: byDoc.get(s.documentId) ?? 0,
    });
  }
  emit({ type: "finished", added: saved.length, failed });
}

async function readInWorker(
  file: string,
  job: ReadJob,
  onStage?: (stage: JobProgress["stage"], fraction: number) => void,
): Promise<ReadResult> {
  const outcome = await runInWorker(READ_UPLOAD, job, {
    ...generationLimits(),
    onProgress: onStage && ((p) => onStage(p.stage, p.fraction)),
  });
  if (outcome.ok) return outcome.value;
  return { ok: false, fileName: file, code: "too_large", message: failureMessage(file, "reading it", outcome) };
}

/**
 * Reads a multipart upload; the parsing runs in a worker so the request thread
 * stays free. The body's buffer moves to the worker (up to 202 MB need not be
 * copied): the caller must not use `body` afterwards.
 */
export async function parseUploadForm(contentType: string, body: Uint8Array): Promise<FormResult> {
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return { ok: false };
  const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
  const outcome = await runInWorker(
    PARSE_FORM,
    { body, contentType },
    {
      ...generationLimits(),
      transfer: own ? [body.buffer as ArrayBuffer] : [],
    },
  );
  return outcome.ok ? outcome.value : { ok: false };
}
