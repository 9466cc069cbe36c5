// Reading an uploaded file in a worker: parse it to text and split the text
// into sentences, the two steps whose cost grows with the file.
import { extractDocument, extractPastedText, type ExtractResult, type IngestStage } from "../../ingest";
import { splitSentences, type Sentence } from "../../text/sentences";
import { MAX_DOCUMENT_SENTENCES } from "./limits";

export type ReadJob =
  { kind: "read-file"; fileName: string; bytes: Uint8Array } | { kind: "read-paste"; title: string; text: string };

export type ReadResult = ExtractResult & { sentences?: Sentence[] };
export type JobProgress = { stage: IngestStage; fraction: number };

export async function runReadJob(job: ReadJob, ctx: { progress: (p: JobProgress) => void }): Promise<ReadResult> {
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
  const sentences = splitSentences(read.text, MAX_DOCUMENT_SENTENCES);
  if (sentences.length > MAX_DOCUMENT_SENTENCES) {
    const name = job.kind === "read-file" ? job.fileName : job.title || "Pasted text";
    return {
      ok: false,
      fileName: name,
      code: "too_large",
      message: `${name}: has more than ${MAX_DOCUMENT_SENTENCES.toLocaleString("en-US")} sentences; split it into parts of that size.`,
    };
  }
  return { ...read, sentences };
}
