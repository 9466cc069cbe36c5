// Review submissions (POST /api/reviews) against `next start` on a fresh database,
// each figure beside its reference measured in the same run on the same server:
// GET /api/health (one SELECT 1 through the same framework and database client).
// Run by hand:
//   npx tsx bench/review-load.ts [--seconds 30] [--learners 200] [--no-build] [--pg] [--no-baseline]
//                                [--rollback-journal]
// Targets (issue 14):
//   server CPU per review, one connection     <= 3 ms
//   one-connection p50                        <= 2x GET /api/health's one-connection p50
//   --learners connections (200): throughput  >= 60% of GET /api/health's throughput, no timeouts
// Phases per server, each on an idle server: a warm-up (JIT, caches, pools), one connection alone
// (latency without queueing), GET /api/health on one connection, saturation (every connection sends
// its next answer as soon as the last is answered), then GET /api/health on as many connections.
// Server CPU is the server process's user + system time from /proc/<pid>/stat, read before a phase
// and after the requests it started have finished, divided by the review rows it stored (so requests
// a load generator gave up on still count). It is steadier than wall time on a shared machine; the
// load average at each phase is printed because other work on the machine inflates wall times.
// FSRS refits (a child process every few hundred answers) are turned off: bench/fsrs-fit.ts measures them.
// --pg runs the app on a fresh PostgreSQL database (BENCH_PG_URL, a role with CREATEDB; default the
// local `quarry` role), migrated and imported as `npm start` does. SQLite uses WAL, as `npm start` sets
// up (--rollback-journal: SQLite's default journal). On SQLite the same load also runs against a bare
// node:http server doing the same writes (bench/lib/baseline-server.ts; --no-baseline skips it).
// BENCH_NODE_ARGS adds node flags to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (profiles
// are written when the server stops). BENCH_APP_DIR=/path/to/other/checkout measures that app instead.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { flagOption, numberOption } from "./lib/args";
import { copyDb, setWalMode, sqliteRowCounter, waitUntilQuiet } from "./lib/db-files";
import { processCpuS } from "./lib/live-game";
import { ensureNextBuild } from "./lib/next-build";
import { startServer, type Server } from "./lib/process";
import { freePort } from "../tests/helpers/free-port";
import { runGetLoad, runReviewLoad, type LoadResult } from "./lib/review-load-run";
import { ms } from "./lib/stats";
import { createLearners, type BenchLearner } from "./lib/study-traffic";
import { APP_ROOT, bin, createMigratedDb } from "./lib/temp-db";

const SECONDS = numberOption("seconds", "BENCH_SECONDS", 30);
const LEARNERS = Math.round(numberOption("learners", "BENCH_LEARNERS", 200));
const WARMUP_SECONDS = Math.min(5, Math.max(1, Math.round(SECONDS / 6)));
const HEALTH_SECONDS = Math.min(10, SECONDS);
const PG = flagOption("pg", "BENCH_PG");
const PG_URL = process.env.BENCH_PG_URL || "postgresql://quarry:quarry@localhost:5432/quarry";
const BASELINE = !PG && !flagOption("no-baseline", "BENCH_NO_BASELINE");
const WAL = !flagOption("rollback-journal", "BENCH_ROLLBACK_JOURNAL");

const TARGET_CPU_MS = 3;
const TARGET_P50_RATIO = 2;
const TARGET_THROUGHPUT_RATIO = 0.6;

/** A load phase: what the load generator saw, and what it cost the server. */
type Phase = { load: LoadResult; cpuS: number; rows: number; loadAvg: number };

type BenchDb = {
  label: string;
  url: string;
  countReviews: () => Promise<number>;
  /** A copy of the database as it stands, for the node:http baseline (SQLite only). */
  copyFile?: (to: string) => void;
  dir?: string;
  remove: () => Promise<void>;
};

const cleanups: Array<() => Promise<void>> = [];

async function cleanUp() {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
}

const baseEnv = (url: string) => ({
  ...process.env,
  DATABASE_URL: url,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production" as const,
  QUARRY_FSRS_FIT: "off",
});

async function sqliteDb(): Promise<BenchDb> {
  const temp = createMigratedDb("reviews");
  execFileSync(bin("tsx"), ["scripts/import-content.ts"], {
    cwd: APP_ROOT,
    env: baseEnv(temp.url),
    stdio: "pipe",
    timeout: 300_000,
  });
  if (WAL) setWalMode(temp.file);
  const count = sqliteRowCounter(temp.file, "ReviewLog");
  return {
    label: `SQLite (${WAL ? "WAL, synchronous=NORMAL" : "rollback journal"})`,
    url: temp.url,
    countReviews: async () => count(),
    copyFile: (to) => {
      copyDb(temp.file, to);
      if (WAL) setWalMode(to);
    },
    dir: temp.dir,
    remove: async () => temp.remove(),
  };
}

async function postgresDb(): Promise<BenchDb> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const name = `quarry_bench_reviews_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const reader = new pg.Client({ connectionString: url.toString() });
  const remove = async () => {
    await reader.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  };
  try {
    // Migrations and the content import, as `npm start` runs them, without building.
    execFileSync(process.execPath, ["scripts/start.mjs", "--prepare-only"], {
      cwd: APP_ROOT,
      env: { ...baseEnv(url.toString()), QUARRY_SKIP_BUILD: "1" },
      stdio: "pipe",
      timeout: 300_000,
    });
    await reader.connect();
  } catch (err) {
    await remove();
    throw err;
  }
  return {
    label: "PostgreSQL",
    url: url.toString(),
    countReviews: async () => Number((await reader.query('SELECT count(*) AS n FROM "ReviewLog"')).rows[0].n),
    remove,
  };
}

/** Runs one load phase and waits for the requests it started to finish; CPU and rows cover both. */
async function phase(server: Server, db: BenchDb, label: string, run: () => Promise<LoadResult>): Promise<Phase> {
  console.log(`${label}…`);
  const loadAvg = os.loadavg()[0]!;
  const rowsBefore = await db.countReviews();
  const cpuBefore = processCpuS(server.pid);
  const load = await run();
  await waitUntilQuiet(db.countReviews);
  return {
    load,
    cpuS: processCpuS(server.pid) - cpuBefore,
    rows: (await db.countReviews()) - rowsBefore,
    loadAvg: Math.max(loadAvg, os.loadavg()[0]!),
  };
}

type Measured = { alone: Phase; saturated: Phase; healthAlone?: Phase; healthSaturated?: Phase };

async function measure(label: string, server: Server, db: BenchDb, learners: BenchLearner[], health: boolean) {
  for (const l of learners) l.answered = 0;
  await runReviewLoad(server.baseUrl, learners, WARMUP_SECONDS);
  await runGetLoad(`${server.baseUrl}/api/health`, 1, WARMUP_SECONDS);
  await waitUntilQuiet(db.countReviews);
  const healthUrl = `${server.baseUrl}/api/health`;
  const m: Measured = {
    alone: await phase(server, db, `${label}: POST /api/reviews, one connection, ${SECONDS} s`, () =>
      runReviewLoad(server.baseUrl, learners.slice(0, 1), SECONDS),
    ),
    saturated: await phase(
      server,
      db,
      `${label}: POST /api/reviews, ${learners.length} connections, ${SECONDS} s`,
      () => runReviewLoad(server.baseUrl, learners, SECONDS),
    ),
  };
  if (health) {
    m.healthAlone = await phase(server, db, `${label}: GET /api/health, one connection, ${HEALTH_SECONDS} s`, () =>
      runGetLoad(healthUrl, 1, HEALTH_SECONDS),
    );
    m.healthSaturated = await phase(
      server,
      db,
      `${label}: GET /api/health, ${learners.length} connections, ${HEALTH_SECONDS} s`,
      () => runGetLoad(healthUrl, learners.length, HEALTH_SECONDS),
    );
  }
  return m;
}

async function startApp(db: BenchDb): Promise<Server> {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const nextCli = path.join(APP_ROOT, "node_modules", "next", "dist", "bin", "next");
  const server = await startServer(
    process.execPath,
    [...nodeArgs, nextCli, "start", "-H", "127.0.0.1", "-p", `${port}`],
    {
      cwd: APP_ROOT,
      env: { ...baseEnv(db.url), PORT: String(port) },
      port,
      healthPath: "/api/health",
      timeoutMs: 120_000,
    },
  );
  cleanups.push(() => server.stop());
  return server;
}

async function main() {
  ensureNextBuild(flagOption("no-build", "BENCH_SKIP_BUILD"));
  const db = PG ? await postgresDb() : await sqliteDb();
  cleanups.push(db.remove);
  console.log(`Database: ${db.label}. Cores: ${os.cpus().length}. Load average now: ${loadAverages()}.`);

  const app = await startApp(db);
  const learners = await createLearners(app.baseUrl, LEARNERS);
  const cards = learners.reduce((n, l) => n + l.cards.length, 0);
  console.log(
    `${learners.length} guest learners on ${app.baseUrl} (${(cards / learners.length).toFixed(0)} cards each).`,
  );

  // The baseline starts from the same rows: learners, questions, no reviews yet.
  const baselineFile = BASELINE && db.dir ? path.join(db.dir, "baseline.db") : null;
  if (baselineFile) db.copyFile?.(baselineFile);

  const appRuns = await measure("next start", app, db, learners, true);
  printServerErrors(app.output());
  await app.stop();

  let baseRuns: Measured | null = null;
  if (baselineFile) {
    const basePort = await freePort();
    const base = await startServer(bin("tsx"), [path.join(import.meta.dirname, "lib", "baseline-server.ts")], {
      cwd: APP_ROOT,
      env: { ...process.env, BENCH_DB_FILE: baselineFile, BENCH_PORT: String(basePort) },
      port: basePort,
      healthPath: "/api/health",
      timeoutMs: 60_000,
    });
    cleanups.push(() => base.stop());
    const counter = sqliteRowCounter(baselineFile, "ReviewLog");
    const baseDb: BenchDb = { label: "baseline", url: "", countReviews: async () => counter(), remove: async () => {} };
    baseRuns = await measure("baseline node:http", base, baseDb, learners, false);
    await base.stop();
  }

  report(db, appRuns, baseRuns);
}

function report(db: BenchDb, app: Measured, base: Measured | null) {
  const healthAlone = app.healthAlone!;
  const healthSaturated = app.healthSaturated!;
  console.log(`\n${db.label}; next start; ${LEARNERS} learners; phases of ${SECONDS} s (health ${HEALTH_SECONDS} s).`);
  console.log("Wall time per request (load generator) and server CPU (user + system, /proc) per request:");
  printPhase("reviews, one connection", app.alone, "review");
  printPhase("health, one connection", healthAlone, "request");
  printPhase(`reviews, ${LEARNERS} connections`, app.saturated, "review");
  printPhase(`health, ${LEARNERS} connections`, healthSaturated, "request");
  if (base) {
    console.log("The same review load on a bare node:http server doing the same SQLite writes (no framework):");
    printPhase("baseline, one connection", base.alone, "review");
    printPhase(`baseline, ${LEARNERS} connections`, base.saturated, "review");
  }

  const cpuAlone = cpuMsPer(app.alone, "review");
  const p50 = app.alone.load.latency.p50;
  const p50Ref = healthAlone.load.latency.p50;
  const tput = app.saturated.load.throughput;
  const tputRef = healthSaturated.load.throughput;
  const timeouts = app.saturated.load.timeouts + app.alone.load.timeouts;
  console.log(`\nTargets (references measured on the same server in this run):`);
  const rows: Array<[string, string, string, boolean]> = [
    ["server CPU per review, one connection", ms(cpuAlone), `<= ${TARGET_CPU_MS} ms`, cpuAlone <= TARGET_CPU_MS],
    [
      "review p50, one connection",
      ms(p50),
      `<= ${TARGET_P50_RATIO}x health p50 ${ms(p50Ref)} = ${ms(p50Ref * TARGET_P50_RATIO)} (${(p50 / p50Ref).toFixed(1)}x)`,
      p50 <= p50Ref * TARGET_P50_RATIO,
    ],
    [
      `review throughput, ${LEARNERS} connections`,
      `${tput.toFixed(0)} req/s`,
      `>= ${TARGET_THROUGHPUT_RATIO * 100}% of health ${tputRef.toFixed(0)} req/s = ${(tputRef * TARGET_THROUGHPUT_RATIO).toFixed(0)} (${((tput / tputRef) * 100).toFixed(0)}%)`,
      tput >= tputRef * TARGET_THROUGHPUT_RATIO,
    ],
    ["review timeouts (10 s), both phases", String(timeouts), "0", timeouts === 0],
  ];
  for (const [what, value, target, met] of rows) {
    console.log(`  ${what.padEnd(40)} ${value.padStart(11)}   target ${target}: ${met ? "met" : "NOT met"}`);
  }
  console.log(
    `Review CPU per request / health CPU per request: ${(cpuAlone / cpuMsPer(healthAlone, "request")).toFixed(1)}x (one connection), ` +
      `${(cpuMsPer(app.saturated, "review") / cpuMsPer(healthSaturated, "request")).toFixed(1)}x (${LEARNERS} connections).`,
  );
  console.log(
    `Load average (1, 5, 15 min) now: ${loadAverages()}. This bench's own server and load generator account for ` +
      `about 1.5 on a 2-core machine; more than that is other work, which inflates wall times (CPU less so).`,
  );
}

/** CPU milliseconds per stored review, or per completed request for GET phases. */
function cpuMsPer(p: Phase, unit: "review" | "request"): number {
  const n = unit === "review" ? p.rows : p.load.completed;
  return n > 0 ? (p.cpuS * 1000) / n : NaN;
}

function printPhase(label: string, p: Phase, unit: "review" | "request") {
  const l = p.load.latency;
  const codes =
    Object.entries(p.load.statusCodes)
      .map(([c, n]) => `${c}×${n}`)
      .join(", ") || "none";
  const stored = unit === "review" ? `, ${p.rows} rows stored` : "";
  console.log(
    `  ${label.padEnd(26)} ${p.load.throughput.toFixed(0).padStart(6)} req/s  p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  max ${ms(l.max)}\n` +
      `  ${"".padEnd(26)} CPU ${ms(cpuMsPer(p, unit))} per ${unit} (${p.cpuS.toFixed(2)} s${stored}); load avg ${p.loadAvg.toFixed(2)}; ` +
      `${p.load.ok} 2xx, non-2xx ${p.load.non2xx}, timeouts ${p.load.timeouts}, other errors ${p.load.errors - p.load.timeouts} (${codes})`,
  );
}

const loadAverages = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");

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
