import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/lib/server/db";

/**
 * Points the data layer at a fresh SQLite file in a temp dir and applies the
 * checked-in migrations with `prisma migrate deploy`, exactly as production does.
 */
export function setupTestDatabase(): { dir: () => string } {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "quarry-it-"));
    const url = `file:${path.join(dir, "test.db")}`;
    process.env.DATABASE_URL = url;
    execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
  });
  afterAll(async () => {
    await disconnectDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir: () => dir };
}
