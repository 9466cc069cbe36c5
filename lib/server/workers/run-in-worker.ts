import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { createSemaphore } from "./semaphore";

/** A task: a module (path relative to the project root) and the async function it exports. */
export type WorkerTask = { module: string; exportName: string };

export type WorkerLimits = {
  /** Wall-clock limit for the job once it has started (queueing not counted). */
  timeoutMs: number;
  /** V8 old-generation heap cap for the worker (`resourceLimits.maxOldGenerationSizeMb`). */
  maxHeapMb: number;
};

export type WorkerFailureReason = "timeout" | "memory" | "crashed" | "error";

export type WorkerOutcome<T> =
  { ok: true; value: T; ms: number } | { ok: false; reason: WorkerFailureReason; message: string; ms: number };

export type RunOptions<P> = WorkerLimits & {
  /** Called with each value the task passes to `progress`. */
  onProgress?: (value: P) => void;
  /** Aborts the job (the worker is terminated). */
  signal?: AbortSignal;
};

// Two cores are common: by default one core parses while the other serves.
const slots = createSemaphore(
  Math.max(1, Number(process.env.QUARRY_WORKERS) || Math.max(1, os.availableParallelism() - 1)),
);

const WORKER_ENTRY = "lib/server/workers/worker-entry.mjs";

function projectRoot(): string {
  return process.env.QUARRY_ROOT ?? process.cwd();
}

/**
 * Runs `task` once in a fresh worker thread, so heavy or hostile work never
 * blocks the request thread. The worker is terminated past the time limit or
 * the heap limit, or on abort. Never throws: failures come back with a reason.
 */
export async function runInWorker<I, T, P = unknown>(
  task: WorkerTask,
  input: I,
  options: RunOptions<P>,
): Promise<WorkerOutcome<T>> {
  const release = await slots.acquire();
  try {
    return await runNow<I, T, P>(task, input, options);
  } finally {
    release();
  }
}

function runNow<I, T, P>(task: WorkerTask, input: I, options: RunOptions<P>): Promise<WorkerOutcome<T>> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const root = projectRoot();
    // Loaded by Node from the source tree at run time; the bundler must neither follow nor bundle it.
    const entry = path.join(/* turbopackIgnore: true */ root, WORKER_ENTRY);
    const worker = new Worker(/* webpackIgnore: true */ /* turbopackIgnore: true */ entry, {
      workerData: {
        modulePath: path.resolve(/* turbopackIgnore: true */ root, task.module),
        exportName: task.exportName,
        input,
      },
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    const finish = (outcome: WorkerOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      resolve(outcome);
    };
    const fail = (reason: WorkerFailureReason, message: string) => finish({ ok: false, reason, message, ms: ms() });
    const timer = setTimeout(
      () => fail("timeout", `took longer than ${Math.round(options.timeoutMs / 1000)} s`),
      options.timeoutMs,
    );
    const onAbort = () => fail("error", "was cancelled");
    options.signal?.addEventListener("abort", onAbort);
    worker.on("message", (msg: { type: string; value?: unknown; message?: string }) => {
      if (msg.type === "progress") options.onProgress?.(msg.value as P);
      else if (msg.type === "result") finish({ ok: true, value: msg.value as T, ms: ms() });
      else fail("error", msg.message ?? "failed");
    });
    worker.on("error", (err: Error & { code?: string }) => {
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") fail("memory", `needed more than ${options.maxHeapMb} MB of memory`);
      else fail("crashed", err.message);
    });
    worker.on("exit", (code) => fail("crashed", `stopped unexpectedly (exit ${code})`));
  });
}
