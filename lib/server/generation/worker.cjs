/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry point: it must register the TypeScript loader before requiring any source */
// Entry point of a generation worker thread. The app's sources are
// TypeScript, so the worker registers tsx's loader (`npm start` already uses
// tsx for the content import) and then runs the job. Loaded by path from the
// project root, it works the same under `next start`, vitest and tsx. Each
// kind of job loads only its own modules, so starting a worker stays cheap.
const { parentPort, workerData } = require("node:worker_threads");
require("tsx/cjs/api").register();
// On Linux this lowers this thread's priority only: when cores are scarce the request thread runs first.
try {
  require("node:os").setPriority(0, 10);
} catch {
  // Not permitted on this platform: the job runs at normal priority.
}

const post = (message) => parentPort.postMessage(message);
const run =
  workerData.kind === "generate"
    ? async () => require("./generate-job.ts").runGenerateJob(workerData)
    : workerData.kind === "parse-form"
      ? () => require("./form-job.ts").runFormJob(workerData)
      : () => require("./read-job.ts").runReadJob(workerData, (progress) => post({ type: "progress", progress }));
// The ESM loader too: the sources also use dynamic import() (lib/ingest loads each parser lazily).
import("tsx/esm/api")
  .then(({ register }) => register())
  .then(run)
  .then((result) => post({ type: "result", result }));
