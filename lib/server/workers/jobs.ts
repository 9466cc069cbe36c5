// Every job the app runs in the worker pool, with its limits. Task modules
// are loaded inside the worker only; this file imports nothing but their types.
import type { DocumentJob, StoredGeneration } from "../generation/document-job";
import { jobLimits } from "../generation/limits";
import type { JobProgress, ReadJob, ReadResult } from "../generation/read-job";
import { workerTask, type WorkerLimits } from "./run-in-worker";
import type { FormJob, FormResult } from "./tasks/form";
import type { StageProgress } from "./tasks/parse";
import type { ExtractResult } from "../../ingest";
import type { ImportResult } from "../../interchange";

/** Parsing one document or bank file. Real files take well under a tenth of these. */
export const PARSE_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxHeapMb: 512 };

/** Reading an upload (parse, sentence split) and generating questions: env-adjustable for small servers. */
export function generationLimits(): WorkerLimits {
  const { timeMs, memoryMb } = jobLimits();
  return { timeoutMs: timeMs, maxHeapMb: memoryMb };
}

export const PARSE_FORM = workerTask<FormJob, FormResult>("lib/server/workers/tasks/form.ts", "parseFormJob");
export const READ_UPLOAD = workerTask<ReadJob, ReadResult, JobProgress>(
  "lib/server/generation/read-job.ts",
  "runReadJob",
);
export const GENERATE_DOCUMENT = workerTask<DocumentJob, StoredGeneration>(
  "lib/server/generation/document-job.ts",
  "runDocumentJob",
);
export const EXTRACT_DOCUMENT = workerTask<{ fileName: string; bytes: Uint8Array }, ExtractResult, StageProgress>(
  "lib/server/workers/tasks/parse.ts",
  "extractDocumentJob",
);
export const PARSE_BANK = workerTask<{ fileName: string; bytes: Uint8Array }, ImportResult>(
  "lib/server/workers/tasks/parse.ts",
  "parseBankJob",
);
