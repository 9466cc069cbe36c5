/**
 * How fast /api/health answers while heavy uploads run: `npx tsx bench/upload-health.ts`.
 *
 * Starts the production server (scripts/server.mjs over the current build,
 * built first if the sources are newer) on a fresh temp database with no
 * accounts, so a guest may upload. For each scenario it probes /api/health
 * from a separate process on one keep-alive connection, first idle (the baseline of this run),
 * then every 20 ms while the upload or import runs, and prints p50/p95/max and
 * how many probes took 100 ms or more. Scenarios:
 *   text     9.5 MB of varied sentences (refused past the sentence cap)
 *   text-mid 1 MB of varied sentences (read, stored, generated)
 *   pdf      a 450-page PDF (parsed) and a 60,000-page PDF (refused)
 *   html     4 MB of Cyrillic HTML (parsed, refused as not English)
 *   apkg     an .apkg with a recursive view and one of 190 MB of zeros
 * Options (flag or env): --repeat N (BENCH_REPEAT, 3), --only a,b (BENCH_ONLY),
 * --no-build (BENCH_SKIP_BUILD), BENCH_NODE_ARGS (extra node flags for the
 * server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import path from "node:path";
import { flagOption, numberOption } from "./lib/args";
import { ensureNextBuild } from "./lib/next-build";
import { startServer, type Server } from "./lib/process";
import { freePort } from "../tests/helpers/free-port";
import { summarize } from "./lib/stats";
import { APP_ROOT, createMigratedDb } from "./lib/temp-db";
import { probeHealthWhile } from "../tests/helpers/health-probe";
import { manyPagePdf, variedText, recursiveViewApkg, zerosApkg } from "../tests/helpers/hostile-files";

const REPEAT = numberOption("repeat", "BENCH_REPEAT", 3);
const onlyArg = process.argv.find((a) => a.startsWith("--only="))?.slice(7) ?? process.env.BENCH_ONLY;
const ONLY = onlyArg ? new Set(onlyArg.split(",")) : null;
const SLOW_MS = 100;

function cyrillicHtml(bytes: number): Uint8Array {
  const paragraph = "<p>Вулканы образуются там, где магма поднимается к поверхности через трещины в земной коре.</p>\n";
  const body = paragraph.repeat(Math.floor(bytes / Buffer.byteLength(paragraph)));
  return new TextEncoder().encode(
    `<html><head><title>Вулканы</title></head><body><article>${body}</article></body></html>`,
  );
}

type Outcome = { label: string; detail: string };
/** `run` returns the request to make; the payload is built before health is probed (it blocks this process). */
type Job = { name: string; run: (url: string, round: number) => Promise<() => Promise<Outcome>> };

async function upload(url: string, name: string, bytes: Uint8Array, type: string) {
  return () => uploadNow(url, name, bytes, type);
}

async function uploadNow(url: string, name: string, bytes: Uint8Array, type: string): Promise<Outcome> {
  const form = new FormData();
  form.append("files", new Blob([Buffer.from(bytes)], { type }), name);
  const res = await fetch(`${url}/api/uploads`, { method: "POST", body: form });
  const events = (await res.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string; file?: string; code?: string; questions?: number });
  const end = events.find(
    (e) => e.file === name && (e.type === "done" || e.type === "failed" || e.type === "duplicate"),
  );
  return {
    label: name,
    detail: end
      ? `${end.type}${end.code ? ` (${end.code})` : ""}${end.questions ? `, ${end.questions} questions` : ""}`
      : `HTTP ${res.status}`,
  };
}

async function importBank(url: string, name: string, bytes: Uint8Array) {
  return async (): Promise<Outcome> => {
    const form = new FormData();
    form.append("file", new Blob([Buffer.from(bytes)]), name);
    const res = await fetch(`${url}/api/banks/import`, { method: "POST", body: form });
    await res.arrayBuffer();
    return { label: name, detail: `HTTP ${res.status}` };
  };
}

const JOBS: Job[] = [
  {
    name: "text",
    // A different seed each round, so no round is a duplicate of the last.
    run: (url, round) =>
      upload(url, `huge-${round}.txt`, Buffer.from(variedText(9.5 * 1024 * 1024, 7 + round)), "text/plain"),
  },
  {
    name: "text-mid",
    run: (url, round) =>
      upload(url, `mid-${round}.txt`, Buffer.from(variedText(1024 * 1024, 11 + round)), "text/plain"),
  },
  {
    name: "pdf-450",
    run: (url, round) => upload(url, `long-${round}.pdf`, manyPagePdf(450 + round), "application/pdf"),
  },
  { name: "pdf-60000", run: (url) => upload(url, "huge.pdf", manyPagePdf(60_000), "application/pdf") },
  {
    name: "html",
    run: (url, round) => upload(url, `volcanoes-${round}.html`, cyrillicHtml(4 * 1024 * 1024 + round), "text/html"),
  },
  { name: "apkg-view", run: async (url) => importBank(url, "view.apkg", await recursiveViewApkg()) },
  { name: "apkg-zeros", run: (url) => importBank(url, "zeros.apkg", zerosApkg(190)) },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (xs: number[]) => {
  const s = summarize(xs);
  const slow = xs.filter((x) => x >= SLOW_MS).length;
  return `p50 ${s.p50.toFixed(0).padStart(3)} ms  p95 ${s.p95.toFixed(0).padStart(3)} ms  max ${s.max.toFixed(0).padStart(4)} ms  ${String(slow).padStart(2)}/${s.runs} ≥ ${SLOW_MS} ms`;
};

async function measure(server: Server, job: Job, round: number) {
  const { health: idle } = await probeHealthWhile(server.baseUrl, 20, () => sleep(600));
  const request = await job.run(server.baseUrl, round);
  let t0 = 0;
  const { value: outcome, health: during } = await probeHealthWhile(server.baseUrl, 20, () => {
    t0 = performance.now();
    return request();
  });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${job.name.padEnd(10)} #${round + 1}  ${outcome.detail} in ${seconds} s`);
  console.log(`  idle (baseline)   ${fmt(idle)}`);
  console.log(`  during            ${fmt(during)}`);
  return { idle, during };
}

async function main() {
  ensureNextBuild(flagOption("no-build", "BENCH_SKIP_BUILD"));
  const db = createMigratedDb("upload-health");
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = await startServer(process.execPath, [...nodeArgs, path.join(APP_ROOT, "scripts/server.mjs")], {
    cwd: APP_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    port,
    healthPath: "/api/health",
    timeoutMs: 120_000,
  });
  const worst: Record<string, number[]> = {};
  try {
    for (const job of JOBS.filter((j) => !ONLY || ONLY.has(j.name))) {
      for (let round = 0; round < REPEAT; round++) {
        const { during } = await measure(server, job, round);
        (worst[job.name] ??= []).push(Math.max(...during));
      }
    }
  } finally {
    await server.stop();
    db.remove();
  }
  console.log("\nWorst /api/health probe per round (ms):");
  for (const [name, xs] of Object.entries(worst))
    console.log(`  ${name.padEnd(10)} ${xs.map((x) => x.toFixed(0)).join(", ")}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
