import os from "node:os";
import { createWorkerPool, type RunOptions, type WorkerOutcome, type WorkerPool, type WorkerTask } from "./pool";

export type { RunOptions, WorkerLimits, WorkerOutcome, WorkerTask } from "./pool";

/** A typed handle on a task module's export (path relative to the project root). */
export function workerTask<I, T, P = never>(module: string, exportName: string): WorkerTask<I, T, P> {
  return { module, exportName };
}

/**
 * Jobs at once. On two cores: two, so a bank import need not wait for a long
 * generation; workers run at a lower OS priority than the request thread.
 */
export function maxWorkers(): number {
  const configured = Number(process.env.QUARRY_WORKERS);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.max(2, os.availableParallelism() - 1);
}

// One pool per process: Next may load this module in several bundles, so it lives on globalThis.
const KEY = Symbol.for("quarry.workerPool");
const holder = globalThis as unknown as { [KEY]?: WorkerPool };

export function workerPool(): WorkerPool {
  holder[KEY] ??= createWorkerPool({
    maxWorkers: maxWorkers(),
    warmWorkers: 1,
    idleMs: 60_000,
    maxJobsPerWorker: 50,
    root: () => process.env.QUARRY_ROOT ?? process.cwd(),
  });
  return holder[KEY];
}

/**
 * Runs `task` in a worker thread of the pool, so heavy or hostile work never
 * blocks the request thread. The job is stopped past its wall-clock limit or
 * heap cap, or on abort, and its worker replaced. Never throws: failures come
 * back with a reason (see `failureMessage`).
 */
export function runInWorker<I, T, P = unknown>(
  task: WorkerTask<I, T, P>,
  input: I,
  options: RunOptions<P>,
): Promise<WorkerOutcome<T>> {
  return workerPool().run(task, input, options);
}

/**
 * A failed job as a message naming its file, e.g. "report.pdf: reading it took
 * longer than 60 s, so it was stopped. Split it or simplify it."
 */
export function failureMessage(
  fileName: string,
  doing: string,
  outcome: Extract<WorkerOutcome<unknown>, { ok: false }>,
): string {
  if (outcome.reason === "timeout" || outcome.reason === "memory")
    return `${fileName}: ${doing} ${outcome.message}, so it was stopped. Split it or simplify it.`;
  return `${fileName}: ${doing} failed (${outcome.message}).`;
}
