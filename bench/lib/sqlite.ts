import { createRequire } from "node:module";

// better-sqlite3 ships without types here (it comes with the Prisma adapter),
// so benches describe the few calls they make instead of declaring the module globally.
export type Statement = {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
};

export type SqliteDb = {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
};

type SqliteConstructor = new (file: string, options?: { timeout?: number; readonly?: boolean }) => SqliteDb;

const requireCjs = createRequire(import.meta.url);

export function openSqlite(file: string, options?: { timeout?: number; readonly?: boolean }): SqliteDb {
  const Database = requireCjs("better-sqlite3") as SqliteConstructor;
  return new Database(file, options);
}

/** DateTime as the Prisma better-sqlite3 adapter writes it (its default "iso8601" format). */
export const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
