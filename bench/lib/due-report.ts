import { explainPlan } from "./explain";
import type { CapturedQuery } from "./query-capture";
import type { SqliteDb } from "./sqlite";
import { formatSummary, type Summary } from "./stats";

export function printPlans(label: string, queries: CapturedQuery[], db: SqliteDb): void {
  console.log(`${label}: ${queries.length} statement(s) from Prisma`);
  for (const q of queries) {
    if (!/^\s*SELECT/i.test(q.sql)) continue;
    console.log(`${q.sql}\n${explainPlan(db, q.sql, q.params)}\n`);
  }
}

export function printTimings(title: string, rows: Array<[string, Summary]>): void {
  console.log(`${title} (wall clock per call, after warm-up):`);
  for (const [label, summary] of rows) console.log(`  ${formatSummary(label, summary)}`);
  console.log("");
}
