/**
 * Scale-out on one machine, run by hand (never in tests):
 *   npx tsx bench/scale-out.ts [--seconds 20] [--learners 100] [--players 2000] [--no-build]
 *
 * Setups, each behind nginx run from deploy/nginx.conf (as tests/cluster does):
 *   SQLite, 1 instance (the baseline, measured in the same run);
 *   PostgreSQL + Redis, 1, 2 and 3 instances (scripts/server.mjs, as start:cluster runs them).
 * For each: review submissions (POST /api/reviews, closed loop, one connection per learner):
 * throughput, p50/p99, and CPU time per request: the app instances' own (from /proc), and the
 * whole machine's busy time (app, nginx, PostgreSQL, Redis, the load client and anything else
 * running). Then a live game of --players phones over the SQLite instance and over the 3
 * instances (ack and fan-out p95, answers not acknowledged, which must be 0).
 * On a 2-core machine more instances add no CPU; the CPU per request is what sizes a bigger
 * machine, and the script prints the capacity that figure implies per core count.
 * Needs PostgreSQL (BENCH_PG_URL, a role with CREATEDB; default the local `quarry` role),
 * Redis (BENCH_REDIS_URL) and nginx. Measure on a quiet machine: other work skews every figure.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import Redis from "ioredis";
import pg from "pg";
import { flagOption, numberOption } from "./lib/args";
import { setWalMode } from "./lib/db-files";
import { fmt, machineCpuS, playGame, processCpuS, summarizeFailures } from "./lib/live-game";
import { ensureNextBuild } from "./lib/next-build";
import { freePort } from "../tests/helpers/free-port";
import { runReviewLoad, type LoadResult } from "./lib/review-load-run";
import { ms } from "./lib/stats";
import { createLearners } from "./lib/study-traffic";
import { APP_ROOT, bin, createMigratedDb } from "./lib/temp-db";
import { startNginx, stopNginx, type Nginx } from "../tests/cluster/cluster-helpers";

const SECONDS = numberOption("seconds", "BENCH_SECONDS", 20);
const LEARNERS = Math.round(numberOption("learners", "BENCH_LEARNERS", 100));
const PLAYERS = Math.round(numberOption("players", "BENCH_PLAYERS", 2000));
const QUESTIONS = 3;
const PG_URL = process.env.BENCH_PG_URL || "postgresql://quarry:quarry@localhost:5432/quarry";
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://localhost:6379";
const NGINX = process.env.BENCH_NGINX || "nginx";

type Instance = { child: ChildProcess; port: number };
type Setup = { label: string; databaseUrl: string; instances: number };

const cleanups: (() => Promise<void> | void)[] = [];

async function startInstances(count: number, env: NodeJS.ProcessEnv): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, ["scripts/server.mjs"], {
      cwd: APP_ROOT,
      env: { ...env, PORT: String(port), NODE_ENV: "production", QUARRY_INSTANCE_URL: `http://127.0.0.1:${port}` },
      stdio: ["ignore", "ignore", "inherit"],
    });
    instances.push({ child, port });
  }
  for (const { port } of instances) {
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        // not up yet
      }
      if (attempt > 600) throw new Error(`instance on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return instances;
}

async function stopInstances(instances: Instance[]): Promise<void> {
  await Promise.all(
    instances.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
}

type Cpu = { appS: number; machineBusyS: number };

/** Runs `work` and returns its result with the CPU seconds the instances and the whole machine spent. */
async function withCpu<T>(instances: Instance[], work: () => Promise<T>): Promise<{ result: T; cpu: Cpu }> {
  const appBefore = instances.reduce((s, i) => s + processCpuS(i.child.pid!), 0);
  const machineBefore = machineCpuS();
  const result = await work();
  const appS = instances.reduce((s, i) => s + processCpuS(i.child.pid!), 0) - appBefore;
  return { result, cpu: { appS, machineBusyS: machineCpuS().busy - machineBefore.busy } };
}

type ReviewFigures = { label: string; load: LoadResult; cpu: Cpu };

async function reviewRun(setup: Setup, env: NodeJS.ProcessEnv): Promise<ReviewFigures> {
  const instances = await startInstances(setup.instances, env);
  let nginx: Nginx | null = null;
  try {
    nginx = await startNginx(
      NGINX,
      instances.map((i) => i.port),
      8192,
    );
    const learners = await createLearners(nginx.base, LEARNERS);
    await runReviewLoad(nginx.base, learners, Math.min(5, SECONDS)); // warm-up: JIT, caches, pools
    console.log(`${setup.label}: ${LEARNERS} connections for ${SECONDS} s…`);
    const { result: load, cpu } = await withCpu(instances, () => runReviewLoad(nginx!.base, learners, SECONDS));
    return { label: setup.label, load, cpu };
  } finally {
    if (nginx) await stopNginx(nginx);
    await stopInstances(instances);
  }
}

async function liveRun(setup: Setup, env: NodeJS.ProcessEnv) {
  const instances = await startInstances(setup.instances, env);
  let nginx: Nginx | null = null;
  try {
    nginx = await startNginx(
      NGINX,
      instances.map((i) => i.port),
      16_384,
    );
    console.log(`${setup.label}: a live game of ${PLAYERS} players…`);
    return await withCpu(instances, () => playGame(nginx!.base, PLAYERS, QUESTIONS));
  } finally {
    if (nginx) await stopNginx(nginx);
    await stopInstances(instances);
  }
}

const perRequestMs = (seconds: number, requests: number) => (requests > 0 ? (seconds * 1000) / requests : NaN);

async function main() {
  ensureNextBuild(flagOption("no-build", "BENCH_SKIP_BUILD"));
  const common = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    QUARRY_TRUST_PROXY: "loopback",
    // Every simulated phone and learner shares 127.0.0.1; the per-player limits stay as in production.
    QUARRY_LIVE_IP_LIMIT: "1000000",
  };

  const sqlite = createMigratedDb("scale-out");
  cleanups.push(() => sqlite.remove());
  execFileSync(bin("tsx"), ["scripts/import-content.ts"], {
    cwd: APP_ROOT,
    env: { ...common, DATABASE_URL: sqlite.url },
    stdio: "pipe",
  });
  setWalMode(sqlite.file);

  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const dbName = `quarry_bench_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${dbName}"`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  });
  const pgUrl = new URL(PG_URL);
  pgUrl.pathname = `/${dbName}`;
  const prefix = `quarry-bench:${process.pid}:`;
  cleanups.push(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  const pgEnv = { ...common, DATABASE_URL: pgUrl.toString(), REDIS_URL, QUARRY_REDIS_PREFIX: prefix };
  execFileSync(process.execPath, ["scripts/start.mjs", "--prepare-only"], {
    cwd: APP_ROOT,
    env: { ...pgEnv, QUARRY_SKIP_BUILD: "1" },
    stdio: "pipe",
  });
  const sqliteEnv = { ...common, DATABASE_URL: sqlite.url };

  console.log(`cores ${os.cpus().length}; load client, nginx, databases and instances share the machine\n`);
  const setups: [Setup, NodeJS.ProcessEnv][] = [
    [{ label: "SQLite, 1 instance", databaseUrl: sqlite.url, instances: 1 }, sqliteEnv],
    [{ label: "PostgreSQL + Redis, 1 instance", databaseUrl: pgEnv.DATABASE_URL, instances: 1 }, pgEnv],
    [{ label: "PostgreSQL + Redis, 2 instances", databaseUrl: pgEnv.DATABASE_URL, instances: 2 }, pgEnv],
    [{ label: "PostgreSQL + Redis, 3 instances", databaseUrl: pgEnv.DATABASE_URL, instances: 3 }, pgEnv],
  ];
  const reviews: ReviewFigures[] = [];
  for (const [setup, env] of setups) reviews.push(await reviewRun(setup, env));

  const live = [];
  for (const [setup, env] of [setups[0]!, setups[3]!]) {
    try {
      live.push({ setup, ...(await liveRun(setup, env)) });
    } catch (error) {
      console.log(`${setup.label}: live game FAILED: ${(error as Error).message}`);
    }
  }

  console.log(`\nPOST /api/reviews through nginx, ${LEARNERS} closed-loop connections, ${SECONDS} s:`);
  for (const r of reviews) {
    const l = r.load.latency;
    const appMs = perRequestMs(r.cpu.appS, r.load.ok);
    const machineMs = perRequestMs(r.cpu.machineBusyS, r.load.ok);
    console.log(
      `  ${r.label.padEnd(34)} ${r.load.throughput.toFixed(0).padStart(6)} req/s  p50 ${ms(l.p50)}  p99 ${ms(l.p99)}  ` +
        `non-2xx ${r.load.non2xx}  CPU/request: app ${appMs.toFixed(2)} ms, whole machine ${machineMs.toFixed(2)} ms`,
    );
  }
  const base = reviews[0]!;
  for (const r of reviews.slice(1)) {
    console.log(
      `  ${r.label}: ${((r.load.throughput / base.load.throughput) * 100).toFixed(0)}% of the SQLite baseline's throughput`,
    );
  }

  console.log(`\nLive game, ${PLAYERS} players, ${QUESTIONS} questions, through nginx:`);
  for (const { setup, result, cpu } of live) {
    console.log(`  ${setup.label}`);
    console.log(`    answer ack:         ${fmt(result.acks)} (${result.acks.length} answers)`);
    console.log(`    fan-out (next → all): ${fmt(result.fanout)}`);
    console.log(`    answers not acked:  ${result.failed.length} ${summarizeFailures(result.failed)}`);
    console.log(`    dropped players:    ${result.dropped}`);
    console.log(
      `    CPU per answer:     app ${perRequestMs(cpu.appS, result.acks.length).toFixed(2)} ms (all game work)`,
    );
  }

  // Capacity: with the whole stack's CPU per request known, N cores serve about N / that, as long as
  // PostgreSQL and the proxy scale with them (more instances, one per core). The load client's own
  // CPU is inside the whole-machine figure, so this estimate is conservative.
  const pg3 = reviews[3]!;
  const perReqS = pg3.cpu.machineBusyS / Math.max(1, pg3.load.ok);
  const appPerReqS = pg3.cpu.appS / Math.max(1, pg3.load.ok);
  console.log(`\nCapacity implied by ${pg3.label} (CPU-bound, one instance per core):`);
  for (const cores of [2, 4, 8, 16]) {
    console.log(
      `  ${String(cores).padStart(2)} cores: about ${(cores / perReqS).toFixed(0)} reviews/s (whole-stack CPU), ` +
        `at most ${(cores / appPerReqS).toFixed(0)} if only the app's CPU counted`,
    );
  }
}

async function cleanUp() {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    process.exit();
  });
