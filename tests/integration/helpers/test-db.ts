import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "@/lib/server/db";
import { createTestDatabase, dropTestDatabase } from "../../helpers/postgres";

/** Set by the integration-pg project (vitest.config.mts): the same files run against PostgreSQL. */
export const onPostgres = () => process.env.QUARRY_TEST_DB === "postgresql";

/**
 * Points the data layer at a fresh database for this file: a SQLite file in a
 * temp dir with the checked-in migrations applied by `prisma migrate deploy`,
 * exactly as production does; or, in the integration-pg project, a PostgreSQL
 * database copied from a template migrated once by scripts/lib/migrate-postgres.ts.
 * `dir` is a temp dir for the file's own scratch files either way.
 */
export function setupTestDatabase(): { dir: () => string } {
  let dir = "";
  let pgDatabase = "";
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "quarry-it-"));
    if (onPostgres()) {
      const created = await createTestDatabase("quarry_it", inject("pgTemplate"));
      pgDatabase = created.name;
      process.env.DATABASE_URL = created.url;
      return;
    }
    const url = `file:${path.join(dir, "test.db")}`;
    process.env.DATABASE_URL = url;
    execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
  });
  afterAll(async () => {
    await disconnectDb();
    if (pgDatabase) await dropTestDatabase(pgDatabase);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir: () => dir };
}
