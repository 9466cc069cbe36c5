// Review submissions under load: 200 guest learners, one connection each,
// POST /api/reviews against `next start` on a fresh database, then the same
// load against a bare node:http server doing the same SQLite writes. Run by hand:
//   npx tsx bench/review-load.ts [--seconds 30] [--learners 200] [--no-build] [--rollback-journal]
// Goals: throughput >= 50% of the baseline's, p99 < 50 ms.
// Two phases per server: one connection alone (latency without queueing), then
// saturation (every connection sends its next answer as soon as the last is answered).
// It runs `next build` first when the sources are newer than .next (--no-build keeps the
// existing build). Both databases use WAL, as `npm start` sets up (scripts/tune-sqlite.mjs);
// --rollback-journal measures SQLite's default journal instead.
// BENCH_APP_DIR=/path/to/other/checkout measures that app instead (its own node_modules and build).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { flagOption, numberOption } from "./lib/args";
import { copyDb, countRows, setWalMode, waitUntilQuiet } from "./lib/db-files";
import { ensureNextBuild } from "./lib/next-build";
import { startServer, type Server } from "./lib/process";
import { freePort } from "../tests/helpers/free-port";
import { runGetLoad, runReviewLoad, type LoadResult } from "./lib/review-load-run";
import { ms } from "./lib/stats";
import { createLearners, type BenchLearner } from "./lib/study-traffic";
import { APP_ROOT, bin, createMigratedDb, type TempDb } from "./lib/temp-db";

const SECONDS = numberOption("seconds", "BENCH_SECONDS", 30);
const LEARNERS = Math.round(numberOption("learners", "BENCH_LEARNERS", 200));
const WARMUP_SECONDS = Math.min(5, Math.max(1, Math.round(SECONDS / 6)));
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 50;
const WAL = !flagOption("rollback-journal", "BENCH_ROLLBACK_JOURNAL");

type Measured = { warm: LoadResult; saturated: LoadResult; alone: LoadResult };

const running = new Set<Server>();
let temp: TempDb | undefined;

async function cleanUp() {
  for (const server of running) await server.stop();
  running.clear();
  temp?.remove();
}

/** A short warm-up (JIT, caches), then the two measured phases, each on an idle server. */
async function measure(label: string, server: Server, learners: BenchLearner[], dbFile: string): Promise<Measured> {
  for (const l of learners) l.answered = 0;
  const warm = await runReviewLoad(server.baseUrl, learners, WARMUP_SECONDS);
  await waitUntilQuiet(dbFile, "ReviewLog");
  console.log(`${label}: one connection for ${SECONDS} s…`);
  const alone = await runReviewLoad(server.baseUrl, learners.slice(0, 1), SECONDS);
  await waitUntilQuiet(dbFile, "ReviewLog");
  console.log(`${label}: saturation, ${learners.length} connections for ${SECONDS} s…`);
  const saturated = await runReviewLoad(server.baseUrl, learners, SECONDS);
  await waitUntilQuiet(dbFile, "ReviewLog");
  return { warm, saturated, alone };
}

async function main() {
  ensureNextBuild(flagOption("no-build", "BENCH_SKIP_BUILD"));
  temp = createMigratedDb("reviews");
  const env = { ...process.env, DATABASE_URL: temp.url, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  execFileSync(bin("tsx"), ["scripts/import-content.ts"], { cwd: APP_ROOT, env, stdio: "pipe", timeout: 300_000 });
  if (WAL) setWalMode(temp.file);
  console.log(
    `Journal mode: ${WAL ? "WAL (synchronous=NORMAL, better-sqlite3's default in WAL)" : "rollback journal (SQLite default)"}.`,
  );

  const appPort = await freePort();
  const app = await startServer(bin("next"), ["start", "-H", "127.0.0.1", "-p", String(appPort)], {
    cwd: APP_ROOT,
    env: { ...env, PORT: String(appPort) },
    port: appPort,
    healthPath: "/api/health",
    timeoutMs: 120_000,
  });
  running.add(app);
  const learners = await createLearners(app.baseUrl, LEARNERS);
  const cards = learners.reduce((n, l) => n + l.cards.length, 0);
  console.log(
    `Created ${learners.length} learners on ${app.baseUrl} (${(cards / learners.length).toFixed(0)} cards each).`,
  );

  // The baseline starts from the same rows: learners, questions, no reviews yet.
  const baselineFile = path.join(temp.dir, "baseline.db");
  copyDb(temp.file, baselineFile);
  if (WAL) setWalMode(baselineFile);

  const appRuns = await measure("next start", app, learners, temp.file);
  const floorSeconds = Math.min(10, SECONDS);
  console.log(`next start: GET /api/health, ${LEARNERS} connections for ${floorSeconds} s…`);
  const floor = await runGetLoad(`${app.baseUrl}/api/health`, LEARNERS, floorSeconds);
  printServerErrors(app.output());
  await app.stop();
  running.delete(app);
  const stored = countRows(temp.file, "ReviewLog");

  const basePort = await freePort();
  const base = await startServer(bin("tsx"), [path.join(import.meta.dirname, "lib", "baseline-server.ts")], {
    cwd: APP_ROOT,
    env: { ...process.env, BENCH_DB_FILE: baselineFile, BENCH_PORT: String(basePort) },
    port: basePort,
    healthPath: "/api/health",
    timeoutMs: 60_000,
  });
  running.add(base);
  const baseRuns = await measure("baseline node:http", base, learners, baselineFile);
  await cleanUp();

  console.log(`\nPOST /api/reviews, one connection, ${SECONDS} s (after a ${WARMUP_SECONDS} s warm-up):`);
  printResult("next start (Quarry)", appRuns.alone);
  printResult("baseline (node:http)", baseRuns.alone);
  console.log(`POST /api/reviews, saturation: ${LEARNERS} connections, ${SECONDS} s:`);
  printResult("next start (Quarry)", appRuns.saturated);
  printResult("baseline (node:http)", baseRuns.saturated);
  console.log(`The framework's floor: GET /api/health (one SELECT 1), ${LEARNERS} connections, ${floorSeconds} s:`);
  printResult("next start (Quarry)", floor);
  const answered = appRuns.warm.ok + appRuns.saturated.ok + appRuns.alone.ok;
  console.log(
    `Review rows the app stored: ${stored} (2xx answers counted: ${answered}; requests cut off by the end of a phase or a timeout can still be stored).`,
  );

  const ratio = appRuns.saturated.throughput / baseRuns.saturated.throughput;
  const p99 = appRuns.saturated.latency.p99;
  console.log(`\nThroughput ratio app / baseline: ${(ratio * 100).toFixed(1)}%`);
  console.log(`Goal throughput >= ${GOAL_RATIO * 100}% of baseline: ${ratio >= GOAL_RATIO ? "met" : "NOT met"}`);
  console.log(
    `(GET /api/health on the same server reaches ${((floor.throughput / baseRuns.saturated.throughput) * 100).toFixed(1)}% of the baseline's review throughput.)`,
  );
  console.log(`Goal p99 < ${GOAL_P99_MS} ms at saturation: ${p99 < GOAL_P99_MS ? "met" : "NOT met"} (${ms(p99)})`);
  console.log(
    `p99 with one connection (no queueing): ${ms(appRuns.alone.latency.p99)} (${appRuns.alone.latency.p99 < GOAL_P99_MS ? "under" : "over"} ${GOAL_P99_MS} ms)`,
  );
  // Little's law: a closed loop of N connections waits N / throughput on average.
  console.log(
    `Note: ${LEARNERS} closed-loop connections average ${LEARNERS} / throughput per answer; p99 < ${GOAL_P99_MS} ms there needs > ${Math.round(LEARNERS / (GOAL_P99_MS / 1000))} req/s.`,
  );
}

function printResult(label: string, r: LoadResult) {
  const l = r.latency;
  const codes =
    Object.entries(r.statusCodes)
      .map(([c, n]) => `${c}×${n}`)
      .join(", ") || "none";
  console.log(
    `  ${label.padEnd(22)} ${r.throughput.toFixed(0).padStart(6)} req/s   p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  max ${ms(l.max)}\n` +
      `  ${"".padEnd(22)} ${r.ok} answered 2xx; non-2xx ${r.non2xx}; timed out (10 s) ${r.timeouts}; other socket errors ${r.errors - r.timeouts} (codes: ${codes})`,
  );
}

function printServerErrors(log: string) {
  const lines = log.split("\n").filter((l) => /error|unable/i.test(l));
  if (lines.length > 0)
    console.log(`Server log, ${lines.length} error lines; the last few:\n${lines.slice(-8).join("\n")}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(cleanUp);
