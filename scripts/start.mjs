// `npm start`: apply migrations (SQLite or PostgreSQL, by DATABASE_URL), import
// content/, build if the sources are newer than the last build, then serve on
// $PORT (default 3000). With --prepare-only it stops before serving.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(label, cmd, args) {
  console.log(`\n> ${label}`);
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(full)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsStale() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const sources = ["app", "components", "lib", "public", "next.config.mjs", "package-lock.json", "tsconfig.json"];
  return Math.max(...sources.map(newestMtime)) > fs.statSync(buildId).mtimeMs;
}

// postgresql:// selects PostgreSQL, migrated by our own runner (`prisma migrate
// deploy` fails through adapter-pg in Prisma 6.19); anything else is SQLite.
if (/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "")) {
  run("Applying database migrations (PostgreSQL)", bin("tsx"), ["scripts/migrate-pg.ts"]);
} else {
  run("Applying database migrations", bin("prisma"), ["migrate", "deploy"]);
  run("Tuning the database", process.execPath, ["scripts/tune-sqlite.mjs"]);
}
run("Importing content/", bin("tsx"), ["scripts/import-content.ts"]);
if (process.env.QUARRY_SKIP_BUILD !== "1" && buildIsStale()) run("Building the app", bin("next"), ["build"]);
// `--prepare-only`: migrate, import and build, then stop (start-cluster.mjs serves).
if (process.argv.includes("--prepare-only")) process.exit(0);

const port = process.env.PORT || "3000";
console.log(`\n> Serving Quarry on http://localhost:${port}`);
const server = spawn(process.execPath, ["scripts/server.mjs"], {
  cwd: root,
  env: { ...env, PORT: port, NODE_ENV: "production" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
