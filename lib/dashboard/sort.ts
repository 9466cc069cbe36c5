/** Stable sorting for the dashboard tables; empty values always go last. */

export type SortDirection = "asc" | "desc";
export type SortValue = string | number | null;

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function compareValues(a: SortValue, b: SortValue, direction: SortDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
  return direction === "asc" ? order : -order;
}

/** Sorts a copy by `value(row)`; ties keep their input order. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection): T[] {
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((x, y) => compareValues(x.key, y.key, direction) || x.index - y.index)
    .map((x) => x.row);
}
