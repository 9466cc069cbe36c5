import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, ensureDatabaseDir } from "./lib/server/database-url";

// The schema's `url` must stay: without it the CLI falls back to native engines.
process.env.DATABASE_URL = databaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    ensureDatabaseDir();
    return new PrismaBetterSQLite3({ url: databaseUrl() });
  },
});
