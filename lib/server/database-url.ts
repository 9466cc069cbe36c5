import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/quarry.db";
/** Connections per process when QUARRY_DB_POOL_SIZE is unset (node-postgres' own default). */
export const DEFAULT_DB_POOL_SIZE = 10;

/** The two databases Quarry runs on; the names are Prisma's (and better-auth's) provider names. */
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** `postgres://` or `postgresql://` selects PostgreSQL; anything else (`file:`) is SQLite. */
export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** PostgreSQL connections each process may open (QUARRY_DB_POOL_SIZE). */
export function databasePoolSize(value = process.env.QUARRY_DB_POOL_SIZE): number {
  if (value === undefined || value.trim() === "") return DEFAULT_DB_POOL_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw new Error(`QUARRY_DB_POOL_SIZE must be a whole number from 1 to 1000, got "${value}"`);
  }
  return size;
}

/** better-sqlite3 creates the file but not its folder. */
export function ensureDatabaseDir(url = databaseUrl()): void {
  if (!url.startsWith("file:")) return;
  const file = url.slice("file:".length);
  if (file === ":memory:") return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
