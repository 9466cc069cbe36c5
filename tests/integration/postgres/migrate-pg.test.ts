import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/server/db";
import { listMigrations, migratePostgres, PG_MIGRATIONS } from "../../../scripts/lib/migrate-postgres";
import { createTestDatabase, dropTestDatabase } from "../../helpers/postgres";
import { fillEveryTable } from "../../helpers/fill-every-table";

/** scripts/lib/migrate-postgres.ts: what `npm start` runs on PostgreSQL in place of `prisma migrate deploy`. */
const created: string[] = [];
let scratch = "";

async function database(prefix: string) {
  const db = await createTestDatabase(prefix);
  created.push(db.name);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of the checked-in history plus, optionally, later migrations. */
function history(name: string, extra: Record<string, string> = {}): string {
  const dir = path.join(scratch, name);
  fs.cpSync(PG_MIGRATIONS, dir, { recursive: true });
  for (const [migration, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, migration));
    fs.writeFileSync(path.join(dir, migration, "migration.sql"), sql);
  }
  return dir;
}

const recorded = (url: string) =>
  query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    url,
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );

/** Columns, indexes and constraints of the public schema, comparable between two databases. */
async function schemaOf(url: string) {
  const columns = await query(
    url,
    `SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length, datetime_precision
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
     ORDER BY table_name, column_name`,
  );
  const indexes = await query(
    url,
    `SELECT tablename, indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
  );
  const constraints = await query(
    url,
    `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
     ORDER BY 1, 2`,
  );
  return { columns, indexes, constraints };
}

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "quarry-migrate-pg-"));
});

afterAll(async () => {
  for (const name of created) await dropTestDatabase(name);
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("PostgreSQL migration runner", () => {
  it("migrates a fresh database, records each migration as Prisma does, and then has nothing to do", async () => {
    const { url } = await database("quarry_mig_fresh");
    const local = listMigrations();
    expect(local.length).toBeGreaterThan(0);

    expect(await migratePostgres({ url })).toEqual(local.map((m) => m.name));
    const rows = await recorded(url);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(local.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    expect(await migratePostgres({ url })).toEqual([]);

    const client = createDb(url);
    try {
      await fillEveryTable(client);
      expect(await client.reviewLog.count()).toBe(3);
    } finally {
      await client.$disconnect();
    }
  });

  it("ends with the schema that prisma/postgresql/schema.prisma describes", async () => {
    const migrated = await database("quarry_mig_history");
    await migratePostgres({ url: migrated.url });
    const direct = await database("quarry_mig_direct");
    const sql = execFileSync(
      path.resolve("node_modules/.bin/prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgresql/schema.prisma", "--script"],
      { env: { ...process.env, DATABASE_URL: direct.url }, encoding: "utf8" },
    );
    await query(direct.url, sql);
    const want = await schemaOf(direct.url);
    expect(want.columns.length).toBeGreaterThan(150);
    expect(want.indexes.length).toBeGreaterThan(40);
    expect(await schemaOf(migrated.url)).toEqual(want);
  });

  it("upgrades a database in use: applies only the new migration and keeps every row", async () => {
    const { url } = await database("quarry_mig_upgrade");
    await migratePostgres({ url, dir: history("before") });
    const client = createDb(url);
    await fillEveryTable(client);
    await client.$disconnect();
    const before = await query<{ id: string; title: string }>(url, `SELECT id, title FROM "Document" ORDER BY id`);

    const later = "29991231000000_document_summary";
    const dir = history("after", {
      [later]:
        `ALTER TABLE "Document" ADD COLUMN "summary" TEXT NOT NULL DEFAULT '';\n` +
        `UPDATE "Document" SET "summary" = left("text", 8);\n` +
        `CREATE INDEX "Document_summary_idx" ON "Document"("summary");\n`,
    });
    expect(await migratePostgres({ url, dir })).toEqual([later]);

    const after = await query<{ id: string; title: string; summary: string }>(
      url,
      `SELECT id, title, summary FROM "Document" ORDER BY id`,
    );
    expect(after.map(({ id, title }) => ({ id, title }))).toEqual(before);
    expect(after.find((d) => d.id === "doc-1")!.summary).toBe("Le café ");
    expect((await query(url, `SELECT count(*)::int AS n FROM "ReviewLog"`))[0]).toEqual({ n: 3 });
    expect((await recorded(url)).at(-1)!.migration_name).toBe(later);
  });

  it("rolls back a failing migration whole and records nothing", async () => {
    const { url } = await database("quarry_mig_failing");
    await migratePostgres({ url });
    const broken = "29991231000000_broken";
    const dir = history("broken", {
      [broken]: `ALTER TABLE "Document" ADD COLUMN "half" TEXT;\nSELECT * FROM "NoSuchTable";\n`,
    });
    await expect(migratePostgres({ url, dir })).rejects.toThrow(/29991231000000_broken failed and was rolled back/);
    const half = await query(
      url,
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'Document' AND column_name = 'half'`,
    );
    expect(half).toEqual([]);
    expect((await recorded(url)).map((r) => r.migration_name)).not.toContain(broken);
  });

  it("refuses to run when an applied migration's file has changed since", async () => {
    const { url } = await database("quarry_mig_checksum");
    await migratePostgres({ url });
    const dir = history("edited", { "29991231000000_new_table": `CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);\n` });
    const first = listMigrations(dir)[0]!;
    fs.appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited after it was applied\n");
    await expect(migratePostgres({ url, dir })).rejects.toThrow(
      new RegExp(`migration ${first.name} was changed after it was applied`),
    );
    // Nothing later was applied either.
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Later'`)).toEqual([]);
  });
});
