// Bootstraps one worker job: makes TypeScript importable (tsx), loads the
// task module named by the parent, runs its export once and posts the result.
// Plain JavaScript on purpose: Node loads this file directly, outside Next's
// bundle, both under `next start` and in tests.
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
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

registerEsm();
registerCjs();

const { modulePath, exportName, input } = workerData;
const progress = (value) => parentPort.postMessage({ type: "progress", value });

try {
  const mod = await import(pathToFileURL(modulePath).href);
  const run = mod[exportName] ?? mod.default?.[exportName];
  if (typeof run !== "function") throw new Error(`${modulePath} has no export ${exportName}`);
  const value = await run(input, { progress });
  parentPort.postMessage({ type: "result", value });
} catch (err) {
  parentPort.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
}
