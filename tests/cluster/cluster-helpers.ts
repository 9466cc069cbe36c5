import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { freePort } from "../helpers/free-port";
import { postJson } from "../helpers/post-json";

/** Processes, nginx and HTTP clients for the multi-instance test. */

export const ROOT = path.resolve(__dirname, "../..");

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** Migrations, content/ and (when the sources are newer) the build, as `npm start` prepares. */
export function prepare(env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, ["scripts/start.mjs", "--prepare-only"], { cwd: ROOT, env, stdio: "pipe" });
  if (r.status !== 0) throw new Error(`start.mjs --prepare-only failed:\n${r.stdout}\n${r.stderr}`);
}

export type Instance = { port: number; base: string; child: ChildProcess; log: string[] };

export async function startInstance(port: number, env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), NODE_ENV: "production", QUARRY_INSTANCE_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout?.on("data", (d: Buffer) => log.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`instance on ${port} exited:\n${log.join("")}`);
      try {
        return (await fetch(`${base}/api/health`)).ok;
      } catch {
        return false;
      }
    },
    120_000,
    `the instance on port ${port}`,
  );
  return { port, base, child, log };
}

export function stopInstance(instance: Instance, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    instance.child.once("exit", () => resolve());
    instance.child.kill(signal);
  });
}

export type Nginx = { port: number; base: string; child: ChildProcess; dir: string };

/**
 * Runs deploy/nginx.conf as it is, with only the lines marked "test:" changed:
 * its own port, the given upstream ports, and pid, logs and temp files in a
 * temporary folder, in the foreground.
 */
export async function startNginx(binary: string, upstreamPorts: number[], workerConnections = 1024): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quarry-nginx-"));
  const port = await freePort();
  const source = fs.readFileSync(path.join(ROOT, "deploy/nginx.conf"), "utf8");
  const upstreamLines = source.split("\n").filter((l) => l.includes("# test: upstream"));
  if (upstreamLines.length === 0 || !/listen \d+; # test: listen/.test(source)) {
    throw new Error("deploy/nginx.conf lost its test markers");
  }
  const upstreams = upstreamPorts
    .map((p) => upstreamLines[0]!.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${p}`))
    .join("\n");
  let conf = source
    .split("\n")
    .filter((l) => !l.includes("# test: upstream") || l === upstreamLines[0])
    .join("\n")
    .replace(upstreamLines[0]!, upstreams)
    .replace(/listen \d+; # test: listen/, `listen 127.0.0.1:${port};`)
    .replace(/worker_connections \d+;/, `worker_connections ${workerConnections};`)
    .replace("worker_processes auto;", "worker_processes 1;");
  const user = os.userInfo();
  const head = [
    "daemon off;",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    // As root, nginx's workers would otherwise run as nobody, who cannot use this folder.
    ...(user.uid === 0 ? [`user ${user.username};`] : []),
  ].join("\n");
  const temps = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((t) => `    ${t}_temp_path ${dir}/${t};`)
    .join("\n");
  conf = `${head}\n${conf.replace("http {\n", `http {\n    access_log ${dir}/access.log;\n${temps}\n`)}`;
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child = spawn(binary, ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  child.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${log.join("")}`);
      try {
        return (await fetch(`${base}/api/health`)).ok;
      } catch {
        return false;
      }
    },
    30_000,
    "nginx",
  );
  return { port, base, child, dir };
}

export async function stopNginx(nginx: Nginx): Promise<void> {
  if (nginx.child.exitCode === null) {
    await new Promise<void>((resolve) => {
      nginx.child.once("exit", () => resolve());
      nginx.child.kill("SIGQUIT");
    });
  }
  fs.rmSync(nginx.dir, { recursive: true, force: true });
}

const agent = new http.Agent({ keepAlive: true });

export type Reply = { status: number; json: unknown; cookies: string[] };

export async function post(base: string, pathname: string, body: unknown, cookie = ""): Promise<Reply> {
  const reply = await postJson(agent, `${base}${pathname}`, body, cookie);
  let json: unknown = reply.body;
  try {
    json = JSON.parse(reply.body);
  } catch {
    // not JSON (an nginx error page)
  }
  return { status: reply.status, json, cookies: reply.cookies };
}

export const cookieOf = (cookies: string[]) => cookies.map((c) => c.split(";")[0]).join("; ");

export type Stream<V> = { latest: V | null; views: V[]; closed: boolean; close(): void };

/** An event stream: keeps every view, marks itself closed when the connection ends. */
export function openStream<V>(url: string, cookie: string): Promise<Stream<V>> {
  return new Promise((resolve, reject) => {
    const stream: Stream<V> = { latest: null, views: [], closed: false, close: () => undefined };
    const req = http.get(url, { agent: false, headers: { cookie, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`stream HTTP ${res.statusCode}`));
      }
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (frame.startsWith("data: ")) {
            stream.latest = JSON.parse(frame.slice(6)) as V;
            stream.views.push(stream.latest);
          }
        }
      });
      const closed = () => (stream.closed = true);
      res.on("close", closed);
      res.on("error", closed);
      stream.close = () => req.destroy();
      resolve(stream);
    });
    req.on("error", (error) => (stream.latest === null && !stream.closed ? reject(error) : (stream.closed = true)));
  });
}
