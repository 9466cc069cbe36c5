// Reading an uploaded file in a worker: parse it to text and split the text
// into sentences, the two steps whose cost grows with the file.
import { extractDocument, extractPastedText, type ExtractResult, type IngestStage } from "../../ingest";
import { splitSentences, type Sentence } from "../../text/sentences";

export type ReadJob =
  { kind: "read-file"; fileName: string; bytes: Uint8Array } | { kind: "read-paste"; title: string; text: string };

export type ReadResult = ExtractResult & { sentences?: Sentence[] };
export type JobProgress = { stage: IngestStage; fraction: number };

export async function runReadJob(job: ReadJob, onProgress: (p: JobProgress) => void): Promise<ReadResult> {
  const read =
    job.kind === "read-file"
      ? await extractDocument(
          { fileName: job.fileName, bytes: job.bytes },
          { onStage: (stage, fraction) => onProgress({ stage, fraction }) },
        )
      : extractPastedText(job.text, job.title);
  return read.ok ? { ...read, sentences: splitSentences(read.text) } : read;
}
