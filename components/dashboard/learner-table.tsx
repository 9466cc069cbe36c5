"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { percent } from "@/lib/dashboard/charts";
import { filterLearners, LEARNER_FILTERS, type LearnerFilter } from "@/lib/dashboard/filters";
import { lastActiveLabel } from "@/lib/dashboard/format";
import { sortRows, type SortValue } from "@/lib/dashboard/sort";
import { RETENTION_WINDOW_DAYS, type DashboardDeck, type LearnerRow } from "@/lib/dashboard/types";
import { SortHeader, type SortState } from "./sort-header";

type Column =
  | "name"
  | "cardsStudied"
  | "reviewsLast7Days"
  | "retention"
  | "dueNow"
  | "overdue"
  | "lastActiveAt"
  | `mastery:${string}`;

function sortValue(row: LearnerRow, column: Column): SortValue {
  if (column.startsWith("mastery:")) return row.mastery[column.slice("mastery:".length)] ?? 0;
  return row[column as Exclude<Column, `mastery:${string}`>] ?? null;
}

export function LearnerTable({
  classId,
  decks,
  rows,
  now,
}: {
  classId: string;
  decks: DashboardDeck[];
  rows: LearnerRow[];
  /** Server time as ISO text, so "last active" reads the same on server and client. */
  now: string;
}) {
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState<LearnerFilter>("all");
  const [sort, setSort] = useState<SortState<Column>>({ key: "name", direction: "asc" });
  const nowDate = useMemo(() => new Date(now), [now]);
  const shown = useMemo(
    () => sortRows(filterLearners(rows, { search, filter }, nowDate), (r) => sortValue(r, sort.key), sort.direction),
    [rows, search, filter, nowDate, sort],
  );
  const header = (label: string, column: Column, first: "asc" | "desc" = "desc") => (
    <SortHeader label={label} column={column} sort={sort} onSort={setSort} firstDirection={first} />
  );

  return (
    <section aria-labelledby="learners-heading">
      <h2 id="learners-heading">Learners</h2>
      <div className="table-controls">
        <label>
          Search names
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          Show
          <select value={filter} onChange={(e) => setFilter(e.target.value as LearnerFilter)}>
            {LEARNER_FILTERS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <p className="meta" role="status">
          {shown.length === rows.length
            ? `All ${rows.length} learners in the class`
            : `${shown.length} of the class's ${rows.length} learners`}
        </p>
      </div>
      <div className="table-wrap">
        <table className="dashboard-table">
          <caption className="visually-hidden">Learners in this class; select a column heading to sort.</caption>
          <thead>
            <tr>
              {header("Learner", "name", "asc")}
              {header("Cards studied", "cardsStudied")}
              {header("Reviews, 7 days", "reviewsLast7Days")}
              {header(`Retention, ${RETENTION_WINDOW_DAYS} days`, "retention", "asc")}
              {header("Due now", "dueNow")}
              {header("Overdue", "overdue")}
              {decks.map((d) => (
                <SortHeader
                  key={d.id}
                  className="deck-cell"
                  label={`Mastery: ${d.title}`}
                  column={`mastery:${d.id}` as Column}
                  sort={sort}
                  onSort={setSort}
                  firstDirection="asc"
                />
              ))}
              {header("Last active", "lastActiveAt", "asc")}
              <th scope="col">Scheduling</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.learnerId}>
                <th scope="row">
                  <Link href={`/classes/${classId}/learners/${r.learnerId}`}>{r.name}</Link>
                </th>
                <td className="num" data-label="Cards studied">
                  {r.cardsStudied}
                </td>
                <td className="num" data-label="Reviews, 7 days">
                  {r.reviewsLast7Days}
                </td>
                <td
                  className="num"
                  data-label={`Retention, ${RETENTION_WINDOW_DAYS} days`}
                  title={`${r.retentionPassed} of ${r.retentionReviews} review answers passed`}
                >
                  {percent(r.retention)}
                </td>
                <td className="num" data-label="Due now">
                  {r.dueNow}
                </td>
                <td className="num" data-label="Overdue">
                  {r.overdue}
                </td>
                {decks.map((d) => (
                  <td key={d.id} className="num" data-label={`Mastery: ${d.title}`}>
                    {percent(r.mastery[d.id] ?? 0)}
                  </td>
                ))}
                <td className="nowrap" data-label="Last active">
                  {r.lastActiveAt ? (
                    <time dateTime={r.lastActiveAt}>{lastActiveLabel(r.lastActiveAt, nowDate)}</time>
                  ) : (
                    "never"
                  )}
                </td>
                <td data-label="Scheduling" title="FSRS parameters: fitted to this learner's reviews, or the defaults">
                  {r.fittedParameters ? "Fitted FSRS" : "Default FSRS"}
                </td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={8 + decks.length}>No learners match.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
