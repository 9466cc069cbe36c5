/**
 * Live quiz load test on loopback: `npx tsx bench/live-load.ts 100 500 2000`.
 *
 * For each player count: a fresh production server (scripts/server.mjs) (built once, if the sources are
 * newer than .next) on a temp SQLite database with content/ imported, a host
 * and N simulated players. Each player holds an event stream and POSTs one
 * answer per question. Prints join time, answer-ack latency, fan-out latency
 * (host "next question" → every player has it), the server's peak RSS and
 * dropped players. All players share 127.0.0.1, so the server runs with
 * QUARRY_LIVE_IP_LIMIT raised; the per-player limit stays as in production.
 * Options (env): BENCH_QUESTIONS (3), BENCH_SKIP_BUILD=1, BENCH_TIMEOUT_S (180 per run),
 * BENCH_SERVER_NODE_ARGS (node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { agent, fmt, machineCpuS, playGame, processCpuS, safe, sleep, summarizeFailures } from "./lib/live-game";
import { freePort } from "../tests/helpers/free-port";

const ROOT = process.cwd();
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 3);
const RUN_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 180) * 1000;

function newestMtime(entry: string): number {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(full)) {
    if (child !== "generated" && child !== "node_modules")
      newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: "pipe" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr?.toString() ?? ""}`);
}

/** Same staleness rule as scripts/start.mjs. */
/** Builds against a migrated database: prerendered pages read it. */
function buildOnce(databaseFile: string): void {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "public", "next.config.mjs", "package-lock.json", "tsconfig.json"];
  const stale = !fs.existsSync(buildId) || Math.max(...sources.map(newestMtime)) > fs.statSync(buildId).mtimeMs;
  if (stale && process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("building (next build)…");
    run(bin("next"), ["build"], {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      NEXT_TELEMETRY_DISABLED: "1",
    });
  }
}

function templateDb(dir: string): string {
  const file = path.join(dir, "template.db");
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  run(bin("prisma"), ["migrate", "deploy"], env);
  run(bin("tsx"), ["scripts/import-content.ts"], env);
  run(process.execPath, ["scripts/tune-sqlite.mjs"], env); // as `npm start` does: write-ahead log
  return file;
}

type Server = { child: ChildProcess; base: string };

async function startServer(dbFile: string, port: number): Promise<Server> {
  const env = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    NEXT_TELEMETRY_DISABLED: "1",
    QUARRY_LIVE_IP_LIMIT: "1000000",
  };
  // The server `npm start` runs (scripts/server.mjs), not `next start`.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, "scripts/server.mjs")], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base };
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  child.kill();
  throw new Error("server did not start");
}

/** Peak RSS (VmHWM) of the server and any processes it spawned, in MB. */
function peakRssMb(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of safe(() => fs.readdirSync(`/proc/${pids[i]}/task`), [] as string[])) {
      const kids = safe(() => fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8"), "");
      pids.push(...kids.split(/\s+/).filter(Boolean).map(Number));
    }
  }
  const kb = pids.map((p) =>
    Number(/VmHWM:\s+(\d+)/.exec(safe(() => fs.readFileSync(`/proc/${p}/status`, "utf8"), ""))?.[1] ?? 0),
  );
  return Math.round(Math.max(...kb) / 1024);
}

/**
 * Shares of the whole machine (all cores) over a run: the load client, the
 * server, and everything else running (other people's work shares the box).
 */
function cpuShares(clientCpuMicros: number, serverCpuS: number, machine: { busy: number; total: number }): string {
  const client = clientCpuMicros / 1e6 / machine.total;
  const server = serverCpuS / machine.total;
  const others = Math.max(0, machine.busy / machine.total - client - server);
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  return `client ${pct(client)}, server ${pct(server)}, other processes ${pct(others)} of ${os.cpus().length} cores`;
}

async function main() {
  const counts = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  if (counts.length === 0) counts.push(100, 500);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quarry-live-bench-"));
  try {
    const template = templateDb(dir);
    buildOnce(template);
    console.log(`cores ${os.cpus().length}, ${QUESTIONS} questions per game; client and server share the machine\n`);
    for (const [k, n] of counts.entries()) {
      const db = path.join(dir, `run-${k}.db`);
      fs.copyFileSync(template, db);
      const server = await startServer(db, await freePort());
      try {
        const machineStart = machineCpuS();
        const clientCpu = process.cpuUsage();
        const serverCpuStart = processCpuS(server.child.pid!);
        const result = await Promise.race([
          playGame(server.base, n, QUESTIONS),
          sleep(RUN_TIMEOUT_MS).then(() => {
            throw new Error(`run with ${n} players exceeded ${RUN_TIMEOUT_MS / 1000} s`);
          }),
        ]);
        const machineEnd = machineCpuS();
        const cpu = cpuShares(
          (({ user, system }) => user + system)(process.cpuUsage(clientCpu)),
          processCpuS(server.child.pid!) - serverCpuStart,
          { busy: machineEnd.busy - machineStart.busy, total: machineEnd.total - machineStart.total },
        );
        console.log(`${n} players`);
        console.log(
          `  join, all players:   ${(result.joinMs / 1000).toFixed(2)} s (streams opened in ${(result.connectMs / 1000).toFixed(2)} s)`,
        );
        console.log(`  answer ack:          ${fmt(result.acks)} (${result.acks.length} answers)`);
        console.log(`  answers not acked:   ${result.failed.length} ${summarizeFailures(result.failed)}`);
        console.log(`  fan-out (next → all): ${fmt(result.fanout)}`);
        console.log(`  server peak RSS:     ${peakRssMb(server.child.pid!)} MB`);
        console.log(`  CPU over the run:    ${cpu}`);
        console.log(`  dropped players:     ${result.dropped}\n`);
      } catch (error) {
        console.log(`${n} players: FAILED: ${(error as Error).message}\n`);
      } finally {
        server.child.kill("SIGTERM");
        await new Promise((r) => server.child.once("exit", r));
      }
    }
  } finally {
    agent.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().then(() => process.exit(0));
