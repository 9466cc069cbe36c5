import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * Calls /api/health every `everyMs` from a separate Node process on one
 * keep-alive connection, and prints each latency. A separate process because
 * the caller is busy too: building and sending a 10 MB upload blocks its own
 * event loop, and a probe timed there would count that wait as the server's.
 */
const PROBE = `
const http = require("node:http");
const [url, every] = [process.argv[1], Number(process.argv[2])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let stopping = false;
process.stdin.on("data", () => (stopping = true)).on("end", () => (stopping = true));
const once = () => new Promise((resolve, reject) => {
  const t0 = performance.now();
  http.get(url, { agent }, (res) => {
    res.resume();
    res.on("end", () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error("/api/health answered " + res.statusCode))));
  }).on("error", reject);
});
(async () => {
  await once(); // opens the connection: not counted
  process.stdout.write("ready\\n");
  while (!stopping) {
    process.stdout.write(JSON.stringify(await once()) + "\\n");
    await new Promise((r) => setTimeout(r, every));
  }
  agent.destroy();
})().catch((e) => { process.stderr.write(e.message + "\\n"); process.exit(1); });
`;

/** Runs `work` while a separate process probes `${baseUrl}/api/health`; returns its result and every latency (ms). */
export async function probeHealthWhile<T>(
  baseUrl: string,
  everyMs: number,
  work: () => Promise<T>,
): Promise<{ value: T; health: number[] }> {
  const child = spawn(process.execPath, ["-e", PROBE, `${baseUrl}/api/health`, String(everyMs)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const health: number[] = [];
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line === "ready") resolve();
      else health.push(Number(line));
    });
    void exited.then(() => reject(new Error(`The health probe exited before it was ready: ${errors}`)));
  });
  await ready;
  try {
    return { value: await work(), health };
  } finally {
    child.stdin.end("stop\n");
    const code = await exited;
    if (code !== 0) throw new Error(`The health probe failed (exit ${code}): ${errors}`);
  }
}
