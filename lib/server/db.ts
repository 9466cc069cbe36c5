import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { isMainThread } from "node:worker_threads";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { databasePoolSize, databaseProvider, databaseUrl, ensureDatabaseDir } from "./database-url";

/**
 * The data layer is typed against the SQLite client. The PostgreSQL client is
 * generated from the same models (prisma/postgresql/schema.prisma is written from
 * prisma/schema.prisma), so it has the same API; the URL picks one at run time.
 */
export type Db = PrismaClient;

export function createDb(url = databaseUrl()): Db {
  if (databaseProvider(url) === "postgresql") {
    // A worker thread (one generation job at a time) needs few connections.
    const adapter = new PrismaPg({ connectionString: url, max: isMainThread ? databasePoolSize() : 2 });
    return new PostgresPrismaClient({ adapter }) as unknown as Db;
  }
  ensureDatabaseDir(url);
  // A 5 s busy timeout lets concurrent writers queue instead of failing fast.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
}

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { quarryDb?: Db };

export function db(): Db {
  globalForDb.quarryDb ??= createDb();
  return globalForDb.quarryDb;
}

/** For tests and scripts that need to let the process exit. */
export async function disconnectDb(): Promise<void> {
  await globalForDb.quarryDb?.$disconnect();
  globalForDb.quarryDb = undefined;
}

/**
 * In a worker thread: point this thread's client at the caller's database. A
 * warm worker keeps the environment it started with, which a test (or a
 * script) may have changed since.
 */
export async function followDatabase(url: string): Promise<void> {
  if (process.env.DATABASE_URL === url) return;
  await disconnectDb();
  process.env.DATABASE_URL = url;
}
