// Worker-side parsing jobs. Loaded by worker-entry.mjs inside a worker thread,
// never by the request thread; relative imports keep them loadable by tsx alone.
import { extractDocument } from "../../../ingest/extract";
import type { ExtractResult, IngestStage } from "../../../ingest/types";
import { readBankFile } from "../../../interchange/read-bank";
import type { ImportResult } from "../../../interchange/types";

export type StageProgress = { stage: IngestStage; fraction: number };
type Context<P> = { progress: (value: P) => void };

export async function extractDocumentJob(
  input: { fileName: string; bytes: Uint8Array },
  ctx: Context<StageProgress>,
): Promise<ExtractResult> {
  let last = "";
  return extractDocument(input, {
    onStage: (stage, fraction) => {
      // A long PDF reports every page; only whole percents cross the thread boundary.
      const key = `${stage}:${Math.floor(fraction * 100)}`;
      if (key === last) return;
      last = key;
      ctx.progress({ stage, fraction });
    },
  });
}

export async function parseBankJob(input: { fileName: string; bytes: Uint8Array }): Promise<ImportResult> {
  return readBankFile(input.fileName, input.bytes);
}
