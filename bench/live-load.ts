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
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";

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

/** A port the kernel reports free on loopback (other people's servers may hold fixed ones). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

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

/** CPU seconds (user + system) used so far by a process and its children, from /proc. */
function processCpuS(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of safe(() => fs.readdirSync(`/proc/${pids[i]}/task`), [] as string[])) {
      const kids = safe(() => fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8"), "");
      pids.push(...kids.split(/\s+/).filter(Boolean).map(Number));
    }
  }
  let total = 0;
  for (const p of pids) {
    const stat = safe(() => fs.readFileSync(`/proc/${p}/stat`, "utf8"), "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    total += (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / ticks;
  }
  return total;
}

/** Busy and total CPU seconds of the whole machine so far, from /proc/stat. */
function machineCpuS(): { busy: number; total: number } {
  const line = safe(() => fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!, "cpu 0 0 0 0");
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  return { busy: busy / 100, total: (busy + (idle ?? 0) + (iowait ?? 0)) / 100 };
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

function summarizeFailures(failed: string[]): string {
  const counts = new Map<string, number>();
  for (const f of failed) counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts.size ? `(${[...counts].map(([k, n]) => `${k} × ${n}`).join(", ")})` : "";
}

const safe = <T>(fn: () => T, fallback: T): T => {
  try {
    return fn();
  } catch {
    return fallback;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(0)} / p95 ${pct(xs, 95).toFixed(0)} / p99 ${pct(xs, 99).toFixed(0)} ms`;

const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

function post(
  base: string,
  pathname: string,
  body: unknown,
  cookie = "",
): Promise<{ status: number; body: string; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(`${base}${pathname}`, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), cookie },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: text, cookies: res.headers["set-cookie"] ?? [] }),
      );
    });
    req.on("error", reject);
    req.end(data);
  });
}

type View = { phase: string; questionIndex: number; question: { choices: string[] } | null };

/** An event stream; calls onView for every snapshot. Resolves once the response headers arrive. */
function openStream(
  url: string,
  cookie: string,
  onView: (v: View) => void,
  onClose: () => void,
): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { cookie, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream HTTP ${res.statusCode}`));
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (frame.startsWith("data: ")) onView(JSON.parse(frame.slice(6)) as View);
        }
      });
      res.on("close", onClose);
      res.on("error", onClose);
      resolve(req);
    });
    req.on("error", reject);
  });
}

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

type Player = {
  i: number;
  cookie: string;
  seen: Set<number>;
  finished: boolean;
  closed: boolean;
  stream?: http.ClientRequest;
};

async function playGame(base: string, n: number) {
  const created = await post(base, "/api/live", {
    deckId: "sample",
    questionCount: QUESTIONS,
    secondsPerQuestion: 60,
    shuffle: false,
    allowLateJoin: false,
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.body}`);
  const { gameId, code } = JSON.parse(created.body) as { gameId: string; code: string };
  const hostCookie = created.cookies.map((c) => c.split(";")[0]).join("; ");
  const hostAction = (action: string) => post(base, `/api/live/${gameId}/host`, { action }, hostCookie);
  const host = { phase: "lobby", questionIndex: -1 };
  const hostStream = await openStream(
    `${base}/api/live/${gameId}/events?as=host`,
    hostCookie,
    (v) => {
      host.phase = v.phase;
      host.questionIndex = v.questionIndex;
    },
    () => undefined,
  );

  const players: Player[] = Array.from({ length: n }, (_, i) => ({
    i,
    cookie: "",
    seen: new Set(),
    finished: false,
    closed: false,
  }));
  const joinStart = performance.now();
  await pool(players, 64, async (p) => {
    const res = await post(base, "/api/live/join", { code, nickname: `Player ${p.i + 1}` });
    if (res.status !== 201) throw new Error(`join failed: ${res.body}`);
    p.cookie = res.cookies.map((c) => c.split(";")[0]).join("; ");
  });
  const joinMs = performance.now() - joinStart;

  const fanout: number[] = [];
  const acks: number[] = [];
  /** Answers that got no acknowledgement: an HTTP error, or a connection error. */
  const failed: string[] = [];
  let openedAt = 0;
  let currentChoices = 2;
  const connectStart = performance.now();
  await pool(players, 64, async (p) => {
    p.stream = await openStream(
      `${base}/api/live/${gameId}/events?as=player`,
      p.cookie,
      (v) => {
        if (v.phase === "question" && !p.seen.has(v.questionIndex)) {
          p.seen.add(v.questionIndex);
          fanout.push(performance.now() - openedAt);
          currentChoices = v.question?.choices.length ?? 2;
          const qi = v.questionIndex;
          // Think for 0–2 s, then answer.
          setTimeout(
            () => {
              const t = performance.now();
              void post(
                base,
                `/api/live/${gameId}/answer`,
                { questionIndex: qi, choiceIndex: (p.i + qi) % currentChoices },
                p.cookie,
              ).then(
                (r) => {
                  if (r.status === 200) acks.push(performance.now() - t);
                  else failed.push(`HTTP ${r.status}`);
                },
                (error: Error & { code?: string }) => failed.push(error.code ?? error.message),
              );
            },
            (p.i * 7919) % 2000,
          );
        }
        if (v.phase === "finished") p.finished = true;
      },
      () => (p.closed = true),
    );
  });
  const connectMs = performance.now() - connectStart;

  for (let q = 0; q < QUESTIONS; q++) {
    openedAt = performance.now();
    const res = await hostAction(q === 0 ? "start" : "next");
    if (res.status !== 200) throw new Error(`host action failed: ${res.body}`);
    await waitFor(() => players.every((p) => p.closed || p.seen.has(q)), 30_000, `question ${q + 1} on every phone`);
    // Everyone connected answers, so the question closes early.
    await waitFor(() => host.phase === "reveal" && host.questionIndex === q, 70_000, `reveal of question ${q + 1}`);
    await hostAction("next"); // leaderboard
  }
  await hostAction("next"); // finished
  await waitFor(() => players.every((p) => p.closed || p.finished), 30_000, "the podium on every phone");
  const dropped = players.filter((p) => p.closed || p.seen.size < QUESTIONS).length;
  players.forEach((p) => p.stream?.destroy());
  hostStream.destroy();
  return { joinMs, connectMs, acks, fanout, dropped, failed };
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
          playGame(server.base, n),
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
