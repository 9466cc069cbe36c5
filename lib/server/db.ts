import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, ensureDatabaseDir } from "./database-url";

export type Db = PrismaClient;

export function createDb(url = databaseUrl()): Db {
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
