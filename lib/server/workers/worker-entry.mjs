// The one entry of every worker thread of the pool (run-in-worker.ts): makes
// TypeScript importable (tsx), then runs jobs one at a time as the parent
// sends them, loading each task module once. Plain JavaScript on purpose: Node
// loads this file directly, outside Next's bundle, both under `next start`
// and in tests.
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { register as registerEsm } from "tsx/esm/api";
import { register as registerCjs } from "tsx/cjs/api";

// On Linux this lowers this thread's priority only: when cores are scarce the
// request thread runs first, and the job gets whatever is left.
try {
  os.setPriority(0, 10);
} catch {
  // Not permitted on this platform: the job runs at normal priority.
}

// CommonJS too: some sources are loaded with require() by the libraries they use.
registerEsm();
registerCjs();

const modules = new Map();
const load = (modulePath) => {
  if (!modules.has(modulePath)) modules.set(modulePath, import(pathToFileURL(modulePath).href));
  return modules.get(modulePath);
};

/** Large byte arrays in the result move to the parent instead of being copied. */
function transferables(value, out = [], depth = 0) {
  if (!value || typeof value !== "object" || depth > 4) return out;
  if (ArrayBuffer.isView(value)) {
    const whole = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength;
    if (whole && value.byteLength >= 64 * 1024 && value.buffer instanceof ArrayBuffer && !out.includes(value.buffer))
      out.push(value.buffer);
    return out;
  }
  const children = Array.isArray(value) ? value.slice(0, 100) : Object.values(value);
  for (const child of children) transferables(child, out, depth + 1);
  return out;
}

parentPort.on("message", async (msg) => {
  if (msg?.type !== "run") return;
  const { id, modulePath, exportName, input } = msg;
  const progress = (value) => parentPort.postMessage({ type: "progress", id, value });
  try {
    const mod = await load(modulePath);
    const run = mod[exportName] ?? mod.default?.[exportName];
    if (typeof run !== "function") throw new Error(`${modulePath} has no export ${exportName}`);
    const value = await run(input, { progress });
    const heapUsedMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
    parentPort.postMessage({ type: "result", id, value, heapUsedMb }, transferables(value));
  } catch (err) {
    parentPort.postMessage({ type: "error", id, message: err instanceof Error ? err.message : String(err) });
  }
});
