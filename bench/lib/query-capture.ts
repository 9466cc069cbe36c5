import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../lib/generated/prisma/client";

export type CapturedQuery = { sql: string; params: unknown[] };

// db() keeps its client on globalThis.quarryDb; a logging client put there is used by the real data layer.
const slot = globalThis as unknown as { quarryDb?: PrismaClient };

/** Runs `fn` against a client that records every SQL statement it sends, then restores the previous client. */
export async function captureQueries(url: string, fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const previous = slot.quarryDb;
  const client = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }),
    log: [{ emit: "event", level: "query" }],
  });
  const captured: CapturedQuery[] = [];
  client.$on("query", (e) => captured.push({ sql: e.query, params: parseParams(e.params) }));
  slot.quarryDb = client;
  try {
    await fn();
  } finally {
    slot.quarryDb = previous;
    await client.$disconnect();
  }
  return captured;
}

function parseParams(raw: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
