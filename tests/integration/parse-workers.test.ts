import { describe, expect, it } from "vitest";
import { runInWorker } from "@/lib/server/workers/run-in-worker";
import { createWorkerPool } from "@/lib/server/workers/pool";
import { extractDocumentInWorker, parseBankFileInWorker } from "@/lib/server/workers/parsing";
import { fixture } from "../unit/ingest/helpers";
import { manyPagePdf, recursiveViewApkg, zerosApkg } from "../helpers/hostile-files";

const TASKS = { module: "tests/fixtures/workers/tasks.ts" };
const timed = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
};

describe("runInWorker", () => {
  it("runs a task in a worker thread and relays its progress", async () => {
    const seen: number[] = [];
    const r = await runInWorker(
      { ...TASKS, exportName: "echo" },
      { text: "hello" },
      { timeoutMs: 20_000, maxHeapMb: 128, onProgress: (p: number) => seen.push(p) },
    );
    expect(r).toMatchObject({ ok: true, value: "HELLO" });
    expect(seen).toEqual([0.5]);
  });

  it("terminates a job past its wall-clock limit, and keeps the calling thread free meanwhile", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const { value, ms } = await timed(() =>
      runInWorker({ ...TASKS, exportName: "spin" }, {}, { timeoutMs: 3_000, maxHeapMb: 64 }),
    );
    clearInterval(timer);
    expect(value).toMatchObject({ ok: false, reason: "timeout" });
    expect(ms).toBeLessThan(6_000);
    // The event loop kept turning while the worker spun (50 ticks a second, minus start-up).
    expect(ticks).toBeGreaterThan(50);
  });

  it("stops a job past its heap limit", async () => {
    const r = await runInWorker({ ...TASKS, exportName: "hog" }, {}, { timeoutMs: 20_000, maxHeapMb: 64 });
    expect(r).toMatchObject({ ok: false, reason: "memory", message: "needed more than 64 MB of memory" });
  });

  it("reports a task that throws", async () => {
    const r = await runInWorker({ ...TASKS, exportName: "explode" }, {}, { timeoutMs: 20_000, maxHeapMb: 64 });
    expect(r).toMatchObject({ ok: false, reason: "error", message: "exploded on purpose" });
  });
});

describe("the worker pool", () => {
  const pool = (maxWorkers: number) =>
    createWorkerPool({ maxWorkers, warmWorkers: 1, idleMs: 1_000, maxJobsPerWorker: 3, root: () => process.cwd() });
  const limits = { timeoutMs: 20_000, maxHeapMb: 128 };
  const task = <I, T>(exportName: string) =>
    ({ ...TASKS, exportName }) as { module: string; exportName: string; types?: (i: I) => T };

  it("keeps a worker warm between jobs and replaces it after its job allowance", async () => {
    const p = pool(1);
    const who = task<object, { threadId: number; jobs: number }>("whoAmI");
    const first = await p.run(who, {}, limits);
    const second = await p.run(who, {}, limits);
    const third = await p.run(who, {}, limits);
    const fourth = await p.run(who, {}, limits);
    if (!first.ok || !second.ok || !third.ok || !fourth.ok) throw new Error("a job failed");
    expect([second.value.threadId, third.value.threadId]).toEqual([first.value.threadId, first.value.threadId]);
    expect(third.value.jobs).toBe(3);
    // Warm: no start-up (tsx, the task module) the second time.
    expect(second.ms).toBeLessThan(first.ms);
    expect(fourth.value).toMatchObject({ jobs: 1 });
    expect(fourth.value.threadId).not.toBe(first.value.threadId);
    p.closeIdle();
  });

  it("replaces a worker that crashed or ran out of time, and the next job runs normally", async () => {
    const p = pool(1);
    const crashed = await p.run(task("crash"), {}, limits);
    expect(crashed).toMatchObject({ ok: false, reason: "crashed", message: "stopped unexpectedly (exit 3)" });
    const late = await p.run(task("spin"), {}, { timeoutMs: 2_000, maxHeapMb: 64 });
    expect(late).toMatchObject({ ok: false, reason: "timeout" });
    expect(await p.run(task("echo"), { text: "after" }, limits)).toMatchObject({ ok: true, value: "AFTER" });
    p.closeIdle();
    expect(p.size()).toBe(0);
  });

  it("runs at most maxWorkers jobs at once; the rest wait their turn", async () => {
    const p = pool(2);
    const sleep = task<{ ms: number }, { start: number; end: number }>("sleep");
    const runs = await Promise.all([0, 1, 2, 3].map(() => p.run(sleep, { ms: 700 }, limits)));
    const spans = runs.map((r) => (r.ok ? r.value : { start: NaN, end: NaN }));
    const overlapping = (t: number) => spans.filter((s) => s.start <= t && t < s.end).length;
    expect(Math.max(...spans.map((s) => overlapping(s.start)))).toBe(2);
    p.closeIdle();
  });

  it("moves large results to the caller instead of copying them", async () => {
    const r = await runInWorker(task<{ size: number }, Uint8Array>("bytes"), { size: 1_000_000 }, limits);
    expect(r.ok && r.value.byteLength).toBe(1_000_000);
    expect(r.ok && r.value[999_999]).toBe(7);
  });
});

describe("parsing uploads in workers", () => {
  it("reads real documents as before", async () => {
    const stages: string[] = [];
    const pdf = await extractDocumentInWorker({ fileName: "two-pages.pdf", bytes: fixture("two-pages.pdf") }, (s) =>
      stages.push(s),
    );
    expect(pdf).toMatchObject({ ok: true, kind: "pdf" });
    expect(stages).toContain("extracting");
    const docx = await extractDocumentInWorker({ fileName: "handout.docx", bytes: fixture("handout.docx") });
    expect(docx).toMatchObject({ ok: true, kind: "docx" });
    const html = await extractDocumentInWorker({ fileName: "volcanoes.html", bytes: fixture("volcanoes.html") });
    expect(html).toMatchObject({ ok: true, kind: "html" });
  });

  it("refuses a 60,000-page PDF from its page count, quickly", async () => {
    const bytes = manyPagePdf(60_000);
    const { value, ms } = await timed(() => extractDocumentInWorker({ fileName: "huge.pdf", bytes }));
    expect(value).toMatchObject({ ok: false, code: "too_many_pages" });
    if (!value.ok) expect(value.message).toMatch(/^huge\.pdf: has 60,000 pages; at most 500/);
    console.log(`60,000-page PDF (${(bytes.length / 1e6).toFixed(1)} MB) refused in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(10_000);
  });

  it("names the file when parsing runs past its time limit", async () => {
    const bytes = manyPagePdf(400);
    const r = await extractDocumentInWorker({ fileName: "slow.pdf", bytes }, undefined, {
      timeoutMs: 300,
      maxHeapMb: 256,
    });
    expect(r).toMatchObject({ ok: false, code: "too_complex" });
    if (!r.ok) expect(r.message).toMatch(/^slow\.pdf: reading it took longer than/);
  });
});

describe("Anki packages in workers", () => {
  it("refuses a collection whose notes table is a recursive view, without running it", async () => {
    const { value, ms } = await timed(async () => parseBankFileInWorker("view.apkg", await recursiveViewApkg()));
    expect(value.ok).toBe(false);
    if (!value.ok) expect(value.errors[0]!.message).toMatch(/holds a view \(notes\)/);
    expect(ms).toBeLessThan(10_000);
  });

  it("refuses a 190 MB database of zeros before inflating it, with bounded memory", async () => {
    const bytes = zerosApkg(190);
    const before = process.memoryUsage().rss;
    const { value, ms } = await timed(() => parseBankFileInWorker("zeros.apkg", bytes));
    const grewMb = (process.memoryUsage().rss - before) / 1024 / 1024;
    expect(value).toMatchObject({ ok: false, errors: [{ code: "zip_bomb" }] });
    console.log(
      `190 MB zeros .apkg (${Math.round(bytes.length / 1024)} KB) refused in ${Math.round(ms)} ms, RSS +${Math.round(grewMb)} MB`,
    );
    expect(ms).toBeLessThan(10_000);
    expect(grewMb).toBeLessThan(150);
  });
});
