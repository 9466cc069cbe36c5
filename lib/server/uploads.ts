import type { UploadEvent } from "@/lib/api/uploads";
import { findOwnDocumentBySha, saveDocument } from "@/lib/data/documents";
import { createDocumentDeck } from "./decks";
import { checkUploadBatch, extractDocument, extractPastedText, type ExtractResult } from "@/lib/ingest";
import { splitSentences } from "@/lib/text/sentences";
import { regenerateQuestionBank } from "./question-bank";
import { countQuestionsForDocuments } from "@/lib/data/questions";

export type UploadInput = {
  files: Array<{ name: string; bytes: Uint8Array }>;
  paste?: { title: string; text: string };
};

/**
 * Reads each file, saves it as a document owned by the uploader, then
 * generates draft questions for the review queue. Every step reports
 * progress through `emit`; a bad file is reported and skipped, the others
 * still go through. A file whose bytes were uploaded before is recognised.
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
  let failed = 0;
  const jobs: Array<{ file: string; read: () => Promise<ExtractResult> }> = input.files.map((f) => ({
    file: f.name,
    read: () =>
      extractDocument(
        { fileName: f.name, bytes: f.bytes },
        { onStage: (stage, fraction) => emit({ type: "progress", file: f.name, stage, fraction }) },
      ),
  }));
  if (input.paste) {
    const { title, text } = input.paste;
    jobs.push({ file: title || "Pasted text", read: async () => extractPastedText(text, title) });
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
    const earlier = await findOwnDocumentBySha(ownerId, result.sha256);
    if (earlier) {
      emit({
        type: "duplicate",
        file: job.file,
        documentId: earlier.id,
        title: earlier.title,
        message: `${job.file}: this exact file was uploaded before, as “${earlier.title}”.`,
      });
      continue;
    }
    emit({ type: "progress", file: job.file, stage: "saving", fraction: 0 });
    const documentId = await saveDocument({
      contentPath: null,
      fileName: job.file,
      title: result.title,
      source: null,
      text: result.text,
      sha256: result.sha256,
      sentences: splitSentences(result.text),
      ownerId,
      origin: result.kind === "paste" ? "paste" : "upload",
    });
    await createDocumentDeck(ownerId, documentId, result.title);
    emit({ type: "progress", file: job.file, stage: "saving", fraction: 1 });
    saved.push({ file: job.file, documentId, title: result.title });
  }

  if (saved.length) {
    for (const s of saved) emit({ type: "progress", file: s.file, stage: "generating", fraction: 0 });
    await regenerateQuestionBank();
    const byDoc = await countQuestionsForDocuments(saved.map((s) => s.documentId));
    for (const s of saved) {
      emit({ type: "progress", file: s.file, stage: "generating", fraction: 1 });
      emit({
        type: "done",
        file: s.file,
        documentId: s.documentId,
        title: s.title,
        questions: byDoc.get(s.documentId) ?? 0,
      });
    }
  }
  emit({ type: "finished", added: saved.length, failed });
}
