import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { APP_ROOT, bin, createMigratedDb } from "./temp-db";

// The same staleness rule as scripts/start.mjs, so a bench reuses the build `npm start` would.
const SOURCES = ["app", "components", "lib", "public", "next.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  const full = path.join(APP_ROOT, entry);
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

export type BuildChoice = "reuse" | "build";

const LOCKED = /Another next build process is already running/;

/**
 * Runs `next build` when there is no build or the sources are newer, unless
 * `skip` is set (then an existing build is used as it is). When someone else's
 * build holds the lock, waits for it and checks again. Returns what it did.
 */
export function ensureNextBuild(skip: boolean): BuildChoice {
  const started = performance.now();
  for (;;) {
    const buildId = path.join(APP_ROOT, ".next", "BUILD_ID");
    const exists = fs.existsSync(buildId);
    const stale = !exists || Math.max(...SOURCES.map(newestMtime)) > fs.statSync(buildId).mtimeMs;
    if (exists && (!stale || skip)) {
      if (stale) console.log("Using the existing build although sources changed since (--no-build).");
      return "reuse";
    }
    console.log(
      exists ? "Sources changed since the last build: running next build…" : "No build yet: running next build…",
    );
    // Prerendering reads the database (the not-found page's header), so build against a migrated one, as npm start does.
    const db = createMigratedDb("build");
    const result = spawnSync(bin("next"), ["build"], {
      cwd: APP_ROOT,
      env: { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      timeout: 15 * 60_000,
    });
    db.remove();
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
    if (result.status === 0) {
      console.log(`Built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
      return "build";
    }
    if (!LOCKED.test(output) || performance.now() - started > 15 * 60_000) {
      throw new Error(
        `next build failed (exit ${result.status ?? result.signal}):\n${output.split("\n").slice(-40).join("\n")}`,
      );
    }
    console.log("Another next build is running; waiting for it to finish…");
    sleepSync(15_000);
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
