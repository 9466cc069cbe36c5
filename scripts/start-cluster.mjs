// `npm run start:cluster -- --instances N`: prepares once (migrations, content/,
// build, as `npm start` does), then runs N servers (scripts/server.mjs) on
// consecutive ports from $PORT (default 3000), for a reverse proxy in front
// (deploy/nginx.conf). More than one instance needs PostgreSQL (DATABASE_URL)
// and Redis (REDIS_URL): SQLite is one file on one machine, and live games,
// rate limits and sign-in throttles are shared through Redis. SIGINT/SIGTERM
// are passed on to every instance; the script exits once they all have.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");

function usage(message) {
  console.error(`${message}\nUsage: npm run start:cluster -- --instances N   (N from 1 to 64; ports from $PORT)`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({ options: { instances: { type: "string", short: "n" } }, strict: true }));
} catch (error) {
  usage(error.message);
}
const instances = Number(values.instances ?? process.env.QUARRY_INSTANCES ?? 1);
if (!Number.isInteger(instances) || instances < 1 || instances > 64) usage(`--instances must be 1 to 64.`);
const basePort = Number(process.env.PORT || 3000);
if (!Number.isInteger(basePort) || basePort < 1 || basePort + instances - 1 > 65535) usage("PORT is not a port.");

if (instances > 1) {
  const missing = [];
  if (!/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "")) missing.push("DATABASE_URL=postgresql://…");
  if (!process.env.REDIS_URL) missing.push("REDIS_URL=redis://…");
  if (missing.length > 0) {
    console.error(`Several instances need PostgreSQL and Redis; set ${missing.join(" and ")}.`);
    process.exit(2);
  }
  if (!process.env.BETTER_AUTH_SECRET) {
    console.warn("BETTER_AUTH_SECRET is unset: the instances share data/auth-secret, so run them from one folder.");
  }
}

// Migrations, content and the build, once for all instances.
const prepared = spawnSync(process.execPath, ["scripts/start.mjs", "--prepare-only"], {
  cwd: root,
  env: process.env,
  stdio: "inherit",
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const host = process.env.QUARRY_INSTANCE_HOST || "127.0.0.1";
const children = [];
let stopping = false;
for (let i = 0; i < instances; i++) {
  const port = basePort + i;
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: String(port),
      // Where the other instances reach this one (requests about games it holds are passed on to it).
      QUARRY_INSTANCE_URL: `http://${host}:${port}`,
    },
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => {
    children.splice(children.indexOf(child), 1);
    if (!stopping) console.error(`Instance on port ${port} stopped (${signal ?? `exit ${code}`}).`);
    if (children.length === 0) process.exit(stopping ? 0 : 1);
  });
  children.push(child);
}
console.log(`\n> ${instances} instance(s) on ports ${basePort}–${basePort + instances - 1}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    for (const child of children) child.kill(signal);
  });
}
