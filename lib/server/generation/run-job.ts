import path from "node:path";
import type { Worker as WorkerType } from "node:worker_threads";
import type { Job, JobProgress, JobResult } from "./job";
import { jobLimits, type JobLimits } from "./limits";

/**
 * Found from the project root at run time: bundling moves this module, not the
 * worker file. The bundler must not follow it (it would try to bundle tsx and
 * esbuild's binary), so the Worker class is fetched at run time and the worker
 * is started from a one-line script that requires the file.
 */
const { Worker } = process.getBuiltinModule("node:worker_threads") as { Worker: typeof WorkerType };
const workerScript = () =>
  `require(${JSON.stringify(path.resolve(/*turbopackIgnore: true*/ process.cwd(), ["lib", "server", "generation", "worker.cjs"].join("/")))});`;
/** Jobs at once; more wait their turn, so a burst of uploads cannot exhaust the server. */
const MAX_CONCURRENT_JOBS = 2;

export class JobFailure extends Error {
  constructor(
    readonly reason: "time" | "memory" | "crash",
    message: string,
  ) {
    super(message);
    this.name = "JobFailure";
  }
}

let running = 0;
const waiting: Array<() => void> = [];

/**
 * Runs one job in a fresh worker thread, stopped past its wall-clock or memory
 * limit. The request thread only waits, so it keeps answering (e.g. /api/health).
 */
export async function runJob<J extends Job>(
  job: J,
  onProgress?: (p: JobProgress) => void,
  limits: JobLimits = jobLimits(),
): Promise<JobResult<J>> {
  if (running >= MAX_CONCURRENT_JOBS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await runInWorker(job, limits, onProgress);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runInWorker<J extends Job>(
  job: J,
  limits: JobLimits,
  onProgress?: (p: JobProgress) => void,
): Promise<JobResult<J>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), {
      eval: true,
      workerData: job,
      // The parent's loader flags (tsx, vitest) are not wanted: the worker registers its own.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64 },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new JobFailure("time", `it took longer than ${Math.round(limits.timeMs / 1000)} s and was stopped`)),
        ),
      limits.timeMs,
    );
    worker.on(
      "message",
      (m: { type: "progress"; progress: JobProgress } | { type: "result"; result: JobResult<J> }) => {
        if (m.type === "progress") onProgress?.(m.progress);
        else finish(() => resolve(m.result));
      },
    );
    worker.on("error", (err: Error & { code?: string }) =>
      finish(() =>
        reject(
          err.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new JobFailure("memory", `it needed more than ${limits.memoryMb} MB of memory and was stopped`)
            : new JobFailure("crash", `it failed (${err.message})`),
        ),
      ),
    );
    worker.on("exit", (code) =>
      finish(() => reject(new JobFailure("crash", `it stopped unexpectedly (exit code ${code})`))),
    );
  });
}
