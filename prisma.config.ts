import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider, databaseUrl, ensureDatabaseDir } from "./lib/server/database-url";

// The schema's `url` must stay: without it the CLI falls back to native engines.
process.env.DATABASE_URL = databaseUrl();

// DATABASE_URL picks the schema and migration history: prisma/ for SQLite,
// prisma/postgresql/ for PostgreSQL (its schema is generated from prisma/schema.prisma).
// `prisma migrate deploy` fails through adapter-pg in 6.19 (prisma/orm#27403):
// PostgreSQL is migrated by scripts/migrate-pg.mjs instead.
const postgres = databaseProvider() === "postgresql";
const folder = postgres ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    if (postgres) return new PrismaPg({ connectionString: databaseUrl() });
    ensureDatabaseDir();
    return new PrismaBetterSQLite3({ url: databaseUrl() });
  },
});
