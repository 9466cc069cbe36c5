import { openSqlite } from "./sqlite";

/** A consistent copy even while a server holds the file open (and in WAL mode). */
export function copyDb(from: string, to: string): void {
  const db = openSqlite(from, { readonly: true });
  try {
    db.prepare("VACUUM INTO ?").run(to);
  } finally {
    db.close();
  }
}

/** WAL is a property of the file: every later connection uses it. */
export function setWalMode(file: string): void {
  const db = openSqlite(file);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

/** A counter of `table`'s rows in a SQLite file, for waitUntilQuiet. */
export function sqliteRowCounter(file: string, table: string): () => number {
  return () => {
    const db = openSqlite(file, { readonly: true, timeout: 5_000 });
    try {
      return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
}

/**
 * Waits until a row count stops growing: requests a load generator gave up on
 * are still being served, and must not spill into the next measurement.
 */
export async function waitUntilQuiet(count: () => number | Promise<number>, maxMs = 120_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = -1;
  let steady = 0;
  while (Date.now() < deadline && steady < 2) {
    const now = await count();
    steady = now === last ? steady + 1 : 0;
    last = now;
    await new Promise((r) => setTimeout(r, 500));
  }
}
