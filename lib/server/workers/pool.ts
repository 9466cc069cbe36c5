import path from "node:path";
import { Worker } from "node:worker_threads";
import { createSemaphore } from "./semaphore";

/** A task: a module (path relative to the project root) and the async function it exports. */
export type WorkerTask<I = unknown, T = unknown, P = unknown> = {
  module: string;
  exportName: string;
  /** Carries the task's input, output and progress types; never set. */
  readonly types?: (input: I, progress: P) => T;
};

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
  /** Buffers of the input to move to the worker instead of copying (the caller must not use them after). */
  transfer?: ArrayBuffer[];
};

export type PoolOptions = {
  /** Jobs running at once; the rest wait in order. */
  maxWorkers: number;
  /** Workers kept started while idle, so the next job skips start-up (loading tsx and the parsers). */
  warmWorkers: number;
  /** Idle workers beyond `warmWorkers` stop after this long. */
  idleMs: number;
  /** A worker is replaced after this many jobs, so nothing one job left behind grows for ever. */
  maxJobsPerWorker: number;
  /** The project root, from which task modules and the entry file are found. */
  root: () => string;
};

type Message =
  | { type: "progress"; id: number; value: unknown }
  | { type: "result"; id: number; value: unknown; heapUsedMb: number }
  | { type: "error"; id: number; message: string };

type Job = {
  id: number;
  maxHeapMb: number;
  settle: (outcome: WorkerOutcome<unknown>) => void;
  onProgress?: (value: unknown) => void;
};

type Slot = { worker: Worker; maxHeapMb: number; jobs: number; job: Job | null; idleTimer?: NodeJS.Timeout };

const WORKER_ENTRY = "lib/server/workers/worker-entry.mjs";

/**
 * A small pool of worker threads that run task modules. Each worker runs one
 * job at a time under its heap cap; a job past its wall-clock limit, or one
 * that is aborted, takes its worker with it (terminated, replaced on demand).
 * Idle workers are unreferenced, so they never keep a script alive.
 */
export function createWorkerPool(options: PoolOptions) {
  const slots = createSemaphore(options.maxWorkers);
  const live = new Set<Slot>();
  let nextId = 1;

  function spawn(maxHeapMb: number): Slot {
    const root = options.root();
    // Loaded by Node from the source tree at run time; the bundler must neither follow nor bundle it.
    const entry = path.join(/* turbopackIgnore: true */ root, WORKER_ENTRY);
    const worker = new Worker(/* webpackIgnore: true */ /* turbopackIgnore: true */ entry, {
      // The parent's loader flags (tsx, vitest) are not wanted: the entry registers its own.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, maxHeapMb, jobs: 0, job: null };
    live.add(slot);
    worker.on("message", (msg: Message) => {
      const job = slot.job;
      if (!job || msg.id !== job.id) return;
      if (msg.type === "progress") job.onProgress?.(msg.value);
      else if (msg.type === "result") {
        finishJob(slot, { ok: true, value: msg.value, ms: 0 });
        // A worker that ends a job holding much of its heap starts afresh next time.
        if (msg.heapUsedMb > maxHeapMb / 2) retire(slot);
      } else finishJob(slot, { ok: false, reason: "error", message: msg.message, ms: 0 });
    });
    worker.on("error", (err: Error & { code?: string }) => {
      const memory = err.code === "ERR_WORKER_OUT_OF_MEMORY";
      lose(slot, memory ? "memory" : "crashed", memory ? `needed more than ${maxHeapMb} MB of memory` : err.message);
    });
    worker.on("exit", (code) => lose(slot, "crashed", `stopped unexpectedly (exit ${code})`));
    return slot;
  }

  /** Settles the slot's job and puts the worker back, idle. */
  function finishJob(slot: Slot, outcome: WorkerOutcome<unknown>) {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    job.settle(outcome);
    if (!live.has(slot)) return;
    if (slot.jobs >= options.maxJobsPerWorker) return retire(slot);
    slot.worker.unref();
    const idle = [...live].filter((s) => !s.job);
    if (idle.length > options.warmWorkers) slot.idleTimer = setTimeout(() => retire(slot), options.idleMs).unref();
  }

  /** The worker is gone (crash, heap limit, exit): fail its job; the next job starts a fresh one. */
  function lose(slot: Slot, reason: WorkerFailureReason, message: string) {
    if (!live.delete(slot)) return;
    clearTimeout(slot.idleTimer);
    const job = slot.job;
    slot.job = null;
    job?.settle({ ok: false, reason, message, ms: 0 });
    void slot.worker.terminate();
  }

  function retire(slot: Slot) {
    if (!live.delete(slot)) return;
    clearTimeout(slot.idleTimer);
    void slot.worker.terminate();
  }

  /** An idle worker with this heap cap, or a new one (idle workers with another cap make room). */
  function checkout(maxHeapMb: number): Slot {
    const idle = [...live].filter((s) => !s.job);
    const same = idle.find((s) => s.maxHeapMb === maxHeapMb);
    if (same) {
      clearTimeout(same.idleTimer);
      return same;
    }
    const room = options.maxWorkers + options.warmWorkers;
    for (const other of idle) if (live.size >= room) retire(other);
    return spawn(maxHeapMb);
  }

  async function run<I, T, P>(task: WorkerTask<I, T, P>, input: I, run: RunOptions<P>): Promise<WorkerOutcome<T>> {
    const release = await slots.acquire();
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      if (run.signal?.aborted) return { ok: false, reason: "error", message: "was cancelled", ms: 0 };
      const slot = checkout(run.maxHeapMb);
      const outcome = await new Promise<WorkerOutcome<unknown>>((resolve) => {
        const id = nextId++;
        const settle = (o: WorkerOutcome<unknown>) => {
          clearTimeout(timer);
          run.signal?.removeEventListener("abort", onAbort);
          resolve({ ...o, ms: ms() });
        };
        const stop = (reason: WorkerFailureReason, message: string) => {
          if (slot.job?.id === id) lose(slot, reason, message);
        };
        const timer = setTimeout(
          () => stop("timeout", `took longer than ${Math.round(run.timeoutMs / 1000)} s`),
          run.timeoutMs,
        );
        const onAbort = () => stop("error", "was cancelled");
        run.signal?.addEventListener("abort", onAbort);
        slot.job = { id, maxHeapMb: run.maxHeapMb, settle, onProgress: run.onProgress as (v: unknown) => void };
        slot.jobs++;
        slot.worker.ref();
        const modulePath = path.resolve(/* turbopackIgnore: true */ options.root(), task.module);
        try {
          slot.worker.postMessage({ type: "run", id, modulePath, exportName: task.exportName, input }, run.transfer);
        } catch (err) {
          // The input could not be cloned: the worker never saw the job and stays usable.
          finishJob(slot, { ok: false, reason: "error", message: (err as Error).message, ms: 0 });
        }
      });
      return outcome as WorkerOutcome<T>;
    } finally {
      release();
    }
  }

  return {
    run,
    /** Workers started now (busy or idle), for tests. */
    size: () => live.size,
    /** Stops every idle worker (tests, shutdown). */
    closeIdle: () => [...live].filter((s) => !s.job).forEach(retire),
  };
}

export type WorkerPool = ReturnType<typeof createWorkerPool>;
