import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { freePort } from "../helpers/free-port";

/**
 * A second production server (scripts/server.mjs over the app that the e2e
 * run already built) with its own database and environment, for tests that
 * need settings of their own (a trusted proxy, small limits) or exhaust a
 * limit that would get in other specs' way.
 */
export type OwnServer = { url: string; port: number; pid: number; dbFile: string; stop: () => Promise<void> };

const root = path.resolve(__dirname, "../..");

export async function startOwnServer(name: string, env: Record<string, string>): Promise<OwnServer> {
  const dbFile = path.join(root, "data", `e2e-${name}.db`);
  for (const f of fs.readdirSync(path.dirname(dbFile))) {
    if (f.startsWith(path.basename(dbFile))) fs.rmSync(path.join(path.dirname(dbFile), f));
  }
  const base = { ...process.env, DATABASE_URL: `file:./data/e2e-${name}.db`, NEXT_TELEMETRY_DISABLED: "1" };
  const migrate = spawnSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: base,
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: root,
    env: { ...base, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The server's output goes to data/e2e-<name>.log, for looking into a failure.
  const logFile = fs.createWriteStream(path.join(root, "data", `e2e-${name}.log`));
  let log = "";
  const keep = (d: Buffer) => {
    log = (log + d.toString()).slice(-20_000);
    logFile.write(d);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    pid: child.pid!,
    dbFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/**
 * A reverse proxy as a school would run one: it connects to the server from
 * `proxyAddress` (a loopback alias) and appends the address it saw for the
 * client, here always `clientAddress`, to X-Forwarded-For.
 */
export async function startProxy(target: OwnServer, proxyAddress: string, clientAddress: string) {
  const server = http.createServer((req, res) => {
    const forwarded = [req.headers["x-forwarded-for"], clientAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        localAddress: proxyAddress,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": forwarded },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://localhost:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Posts a chunked body (no Content-Length) of up to `totalBytes` zeros and
 * stops sending once the server answers. Returns the status and how much was sent.
 */
export function postChunked(
  url: string,
  totalBytes: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; sentBytes: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let sent = 0;
    let answered = false;
    const req = http.request(
      url,
      { method: "POST", headers: { "transfer-encoding": "chunked", ...headers } },
      (res) => {
        answered = true;
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, sentBytes: sent, ms: Date.now() - started }));
      },
    );
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
