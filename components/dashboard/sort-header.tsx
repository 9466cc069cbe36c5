"use client";

import type { SortDirection } from "@/lib/dashboard/sort";

export type SortState<K extends string> = { key: K; direction: SortDirection };

/** A column header that sorts its table; screen readers hear the order through aria-sort. */
export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  firstDirection = "desc",
  className,
}: {
  label: string;
  column: K;
  sort: SortState<K>;
  onSort: (next: SortState<K>) => void;
  /** Numbers read best largest first; names A to Z. */
  firstDirection?: SortDirection;
  className?: string;
}) {
  const active = sort.key === column;
  const ariaSort = active ? (sort.direction === "asc" ? "ascending" : "descending") : "none";
  const next: SortDirection = active ? (sort.direction === "asc" ? "desc" : "asc") : firstDirection;
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort({ key: column, direction: next })}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.direction === "asc" ? " ▲" : " ▼") : " ↕"}
        </span>
      </button>
    </th>
  );
}
