// Worker task: reads an uploaded file (parse to text, split into sentences)
// and stores it as a document, the steps whose cost grows with the file. The
// sentences are written here, in batches, rather than sent back: thousands of
// rows cost the thread that writes them seconds of Prisma work.
import { findOwnDocumentBySha, saveDocument } from "@/lib/data/documents";
import { extractDocument, extractPastedText, type ExtractResult, type IngestStage } from "../../ingest";
import { splitSentences } from "../../text/sentences";
import { followDatabase } from "../db";
import { MAX_DOCUMENT_SENTENCES } from "./limits";

export type ReadJob = (
  { kind: "read-file"; fileName: string; bytes: Uint8Array } | { kind: "read-paste"; title: string; text: string }
) & { ownerId: string | null; databaseUrl: string };

export type ReadResult =
  { ok: true; saved: "new" | "duplicate"; documentId: string; title: string } | Extract<ExtractResult, { ok: false }>;
export type JobProgress = { stage: IngestStage | "saving"; fraction: number };

export async function runReadJob(job: ReadJob, ctx: { progress: (p: JobProgress) => void }): Promise<ReadResult> {
  await followDatabase(job.databaseUrl);
  let last = "";
  const onStage = (stage: IngestStage, fraction: number) => {
    // A long PDF reports every page; only whole percents cross the thread boundary.
    const key = `${stage}:${Math.floor(fraction * 100)}`;
    if (key === last) return;
    last = key;
    ctx.progress({ stage, fraction });
  };
  const read =
    job.kind === "read-file"
      ? await extractDocument({ fileName: job.fileName, bytes: job.bytes }, { onStage })
      : extractPastedText(job.text, job.title);
  if (!read.ok) return read;
  const name = job.kind === "read-file" ? job.fileName : job.title || "Pasted text";
  const sentences = splitSentences(read.text, MAX_DOCUMENT_SENTENCES);
  if (sentences.length > MAX_DOCUMENT_SENTENCES) {
    return {
      ok: false,
      fileName: name,
      code: "too_large",
      message: `${name}: has more than ${MAX_DOCUMENT_SENTENCES.toLocaleString("en-US")} sentences; split it into parts of that size.`,
    };
  }
  const earlier = await findOwnDocumentBySha(job.ownerId, read.sha256);
  if (earlier) return { ok: true, saved: "duplicate", documentId: earlier.id, title: earlier.title };
  ctx.progress({ stage: "saving", fraction: 0 });
  const documentId = await saveDocument({
    contentPath: null,
    fileName: name,
    title: read.title,
    source: null,
    text: read.text,
    sha256: read.sha256,
    sentences,
    ownerId: job.ownerId,
    origin: read.kind === "paste" ? "paste" : "upload",
  });
  return { ok: true, saved: "new", documentId, title: read.title };
}
