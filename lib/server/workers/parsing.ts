import type { ExtractResult, IngestStage } from "@/lib/ingest";
import type { ImportResult } from "@/lib/interchange";
import { runInWorker, type WorkerLimits, type WorkerOutcome } from "./run-in-worker";
import type { StageProgress } from "./tasks/parse";

const TASKS = "lib/server/workers/tasks/parse.ts";

/** Limits for one uploaded document or bank file. Real files take well under a tenth of these. */
export const PARSE_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxHeapMb: 512 };

function limitMessage(fileName: string, outcome: Extract<WorkerOutcome<unknown>, { ok: false }>): string {
  if (outcome.reason === "timeout")
    return `${fileName}: reading it ${outcome.message}, so it was stopped. Split it or simplify it.`;
  if (outcome.reason === "memory")
    return `${fileName}: reading it ${outcome.message}, so it was stopped. Split it or simplify it.`;
  return `${fileName}: could not be read (${outcome.message}).`;
}

/** extractDocument, run in a worker thread under PARSE_LIMITS. Never throws. */
export async function extractDocumentInWorker(
  file: { fileName: string; bytes: Uint8Array },
  onStage?: (stage: IngestStage, fraction: number) => void,
  limits: WorkerLimits = PARSE_LIMITS,
): Promise<ExtractResult> {
  const outcome = await runInWorker<typeof file, ExtractResult, StageProgress>(
    { module: TASKS, exportName: "extractDocumentJob" },
    file,
    { ...limits, onProgress: (p) => onStage?.(p.stage, p.fraction) },
  );
  if (outcome.ok) return outcome.value;
  const code = outcome.reason === "timeout" || outcome.reason === "memory" ? "too_complex" : "corrupt";
  return { ok: false, fileName: file.fileName, code, message: limitMessage(file.fileName, outcome) };
}

/** parseBankFile, run in a worker thread under PARSE_LIMITS. Never throws. */
export async function parseBankFileInWorker(
  fileName: string,
  bytes: Uint8Array,
  limits: WorkerLimits = PARSE_LIMITS,
): Promise<ImportResult> {
  const outcome = await runInWorker<{ fileName: string; bytes: Uint8Array }, ImportResult>(
    { module: TASKS, exportName: "parseBankJob" },
    { fileName, bytes },
    limits,
  );
  if (outcome.ok) return outcome.value;
  return { ok: false, errors: [{ code: "corrupt", message: limitMessage(fileName, outcome) }] };
}
