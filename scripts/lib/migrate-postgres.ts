// Applies prisma/postgresql/migrations to a PostgreSQL database; used by
// scripts/migrate-pg.ts (run by `npm start`) and by the tests.
//
// `prisma migrate deploy` fails through @prisma/adapter-pg in Prisma 6.19
// (prisma/orm#27403), so this does what it does: each pending migration.sql,
// in name order, inside its own transaction, recorded in Prisma's own
// `_prisma_migrations` table (same columns, same sha256 checksums), so that
// `migrate deploy` can take over once the bug is fixed. A migration whose
// recorded checksum no longer matches the checked-in file stops everything:
// the database is not what this code expects.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** Relative to the repository root, where npm scripts and tests run. */
export const PG_MIGRATIONS = path.resolve("prisma", "postgresql", "migrations");
/** The advisory lock key Prisma Migrate takes, so two starting instances never migrate at once. */
const LOCK_KEY = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** The checked-in migrations of `dir`, oldest first. */
export type Migration = { name: string; sql: string; checksum: string };

export function listMigrations(dir = PG_MIGRATIONS): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: sha256(sql) };
    });
}

/**
 * Brings the database up to date. Returns the names of the migrations it
 * applied (empty when there were none). Throws, having applied nothing more,
 * on a checksum mismatch, an earlier failed migration, or a failing script.
 */
export async function migratePostgres({
  url,
  dir = PG_MIGRATIONS,
  log = () => {},
}: {
  url: string;
  dir?: string;
  log?: (line: string) => void;
}): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(
      `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at"`,
    );
    const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed.length > 0) {
      throw new Error(
        `migration ${failed[0]!.migration_name} was started but never finished; repair the database and mark it rolled back`,
      );
    }
    const applied = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
    const local = listMigrations(dir);
    for (const m of local) {
      const recorded = applied.get(m.name);
      if (recorded !== undefined && recorded !== m.checksum) {
        throw new Error(
          `migration ${m.name} was changed after it was applied (checksum ${recorded.slice(0, 12)}… in the database, ` +
            `${m.checksum.slice(0, 12)}… on disk); restore the applied file or write a new migration`,
        );
      }
    }
    const known = new Set(local.map((m) => m.name));
    const unknown = [...applied.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) log(`Applied but not checked in here (a newer version?): ${unknown.join(", ")}`);

    const done: string[] = [];
    for (const m of local.filter((x) => !applied.has(x.name))) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [crypto.randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
      log(`Applied ${m.name}`);
      done.push(m.name);
    }
    if (done.length === 0) log(`PostgreSQL schema up to date (${local.length} migrations).`);
    return done;
  } finally {
    await client.end();
  }
}
