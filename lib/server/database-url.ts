import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/quarry.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** better-sqlite3 creates the file but not its folder. */
export function ensureDatabaseDir(url = databaseUrl()): void {
  if (!url.startsWith("file:")) return;
  const file = url.slice("file:".length);
  if (file === ":memory:") return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
