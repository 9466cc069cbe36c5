import type { SqliteDb } from "./sqlite";

type PlanRow = { id: number; parent: number; detail: string };

/** EXPLAIN QUERY PLAN as an indented tree, the way the sqlite3 shell prints it. */
export function explainPlan(db: SqliteDb, sql: string, params: readonly unknown[]): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params.map(bindable)) as PlanRow[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((row) => {
      const level = (depth.get(row.parent) ?? 0) + 1;
      depth.set(row.id, level);
      return `${"  ".repeat(level)}${row.detail}`;
    })
    .join("\n");
}

// Prisma logs booleans as true/false and dates as ISO strings; SQLite binds only numbers, strings, null.
export function bindable(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === undefined) return null;
  return value;
}
