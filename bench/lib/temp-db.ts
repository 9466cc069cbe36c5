import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
/** The app a server bench runs: this checkout, or another (say a worktree of a branch) named by BENCH_APP_DIR. */
export const APP_ROOT = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : REPO_ROOT;
export const bin = (name: string) => path.join(APP_ROOT, "node_modules", ".bin", name);

export type TempDb = { dir: string; file: string; url: string; remove: () => void };

/** A fresh SQLite file in its own temp folder, with the checked-in migrations applied. */
export function createMigratedDb(prefix: string): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `quarry-bench-${prefix}-`));
  const file = path.join(dir, "bench.db");
  const url = `file:${file}`;
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync(bin("prisma"), ["migrate", "deploy"], {
      cwd: APP_ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
  } catch (err) {
    remove();
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`prisma migrate deploy failed on ${file}:\n${stderr}`);
  }
  return { dir, file, url, remove };
}
