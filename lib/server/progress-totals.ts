import {
  lockReviewLogs,
  readStoredTotals,
  readTotalsFromLogs,
  replaceTotalsFromLogs,
  TOTALS_SOURCE,
  TOTALS_TABLES,
  type TotalRow,
  type TotalsTable,
} from "@/lib/data/progress-totals";
import { db } from "./db";

/** Rows of a totals table that differ from what the logs say, by kind, with a few examples. */
export type TableDrift = {
  table: TotalsTable;
  /** What the table is recomputed from ("the logs", or a class table's per-learner table). */
  source: string;
  /** Totals the logs call for. */
  rows: number;
  /** Absent from the table. */
  missing: number;
  /** In the table, but no log calls for them. */
  extra: number;
  /** Present in both, with other values. */
  differing: number;
  examples: string[];
};

export type TotalsReport = { tables: TableDrift[]; drifted: number; fixed: boolean };

const EXAMPLES = 5;
/** A rebuild reads every log: give it far longer than a request's transaction. */
const REBUILD_TIMEOUT_MS = 30 * 60_000;

export function compareTotals(table: TotalsTable, stored: TotalRow[], expected: TotalRow[]): TableDrift {
  const have = new Map(stored.map((r) => [r.key, r.values]));
  const drift: TableDrift = {
    table,
    source: TOTALS_SOURCE[table],
    rows: expected.length,
    missing: 0,
    extra: 0,
    differing: 0,
    examples: [],
  };
  const note = (line: string) => {
    if (drift.examples.length < EXAMPLES) drift.examples.push(line);
  };
  for (const row of expected) {
    const values = have.get(row.key);
    have.delete(row.key);
    if (values === undefined) {
      drift.missing++;
      note(`missing ${row.key}: ${row.values}`);
    } else if (values !== row.values) {
      drift.differing++;
      note(`${row.key}: stored ${values}, logs say ${row.values}`);
    }
  }
  for (const [key, values] of have) {
    drift.extra++;
    note(`extra ${key}: ${values}`);
  }
  return drift;
}

/**
 * Recomputes every running total from the review logs and compares it with the
 * stored one; with `fix`, a table that drifted is rewritten from the logs. One
 * transaction, with writes to the logs held off, so nothing lands in between.
 */
export async function rebuildProgressTotals({ fix }: { fix: boolean }): Promise<TotalsReport> {
  return db().$transaction(
    async (tx) => {
      await lockReviewLogs(tx);
      const tables: TableDrift[] = [];
      for (const table of TOTALS_TABLES) {
        const drift = compareTotals(table, await readStoredTotals(tx, table), await readTotalsFromLogs(tx, table));
        if (fix && drift.missing + drift.extra + drift.differing > 0) await replaceTotalsFromLogs(tx, table);
        tables.push(drift);
      }
      const drifted = tables.reduce((n, t) => n + t.missing + t.extra + t.differing, 0);
      return { tables, drifted, fixed: fix && drifted > 0 };
    },
    { timeout: REBUILD_TIMEOUT_MS, maxWait: 60_000 },
  );
}

/** Writes every total from the logs without comparing (seeding a database whose logs were written in bulk). */
export async function writeProgressTotals(): Promise<void> {
  await db().$transaction(
    async (tx) => {
      await lockReviewLogs(tx);
      for (const table of TOTALS_TABLES) await replaceTotalsFromLogs(tx, table);
    },
    { timeout: REBUILD_TIMEOUT_MS, maxWait: 60_000 },
  );
}
