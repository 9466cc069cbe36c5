import type { ExtractResult, IngestStage } from "@/lib/ingest";
import type { ImportResult } from "@/lib/interchange";
import { EXTRACT_DOCUMENT, PARSE_BANK, PARSE_LIMITS } from "./jobs";
import { failureMessage, runInWorker, type WorkerLimits } from "./run-in-worker";

/** extractDocument, run in a worker thread under PARSE_LIMITS. Never throws. */
export async function extractDocumentInWorker(
  file: { fileName: string; bytes: Uint8Array },
  onStage?: (stage: IngestStage, fraction: number) => void,
  limits: WorkerLimits = PARSE_LIMITS,
): Promise<ExtractResult> {
  const outcome = await runInWorker(EXTRACT_DOCUMENT, file, {
    ...limits,
    onProgress: (p) => onStage?.(p.stage, p.fraction),
  });
  if (outcome.ok) return outcome.value;
  const code = outcome.reason === "timeout" || outcome.reason === "memory" ? "too_complex" : "corrupt";
  return { ok: false, fileName: file.fileName, code, message: failureMessage(file.fileName, "reading it", outcome) };
}

/** parseBankFile, run in a worker thread under PARSE_LIMITS. Never throws. */
export async function parseBankFileInWorker(
  fileName: string,
  bytes: Uint8Array,
  limits: WorkerLimits = PARSE_LIMITS,
): Promise<ImportResult> {
  const outcome = await runInWorker(PARSE_BANK, { fileName, bytes }, limits);
  if (outcome.ok) return outcome.value;
  return { ok: false, errors: [{ code: "corrupt", message: failureMessage(fileName, "reading it", outcome) }] };
}
