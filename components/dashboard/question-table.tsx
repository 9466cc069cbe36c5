"use client";

import { useMemo, useState } from "react";
import { percent } from "@/lib/dashboard/charts";
import { filterQuestions, hardestFirst } from "@/lib/dashboard/filters";
import { questionTypeLabel, secondsLabel } from "@/lib/dashboard/format";
import { sortRows, type SortValue } from "@/lib/dashboard/sort";
import type { QuestionRow } from "@/lib/dashboard/types";
import { SortHeader, type SortState } from "./sort-header";

// Long decks render in pages so the page stays quick; filters and sorting apply to every question.
const PAGE = 50;

type Column =
  | "reading"
  | "hardest"
  | "prompt"
  | "documentTitle"
  | "type"
  | "attempts"
  | "firstTryRate"
  | "avgDurationMs"
  | "overrides";

const ORDERS: ReadonlyArray<{ id: Column; label: string }> = [
  { id: "reading", label: "Reading order" },
  { id: "hardest", label: "Hardest first" },
];

function ordered(rows: QuestionRow[], sort: SortState<Column>): QuestionRow[] {
  if (sort.key === "reading") return rows;
  if (sort.key === "hardest") return hardestFirst(rows);
  const key = sort.key;
  return sortRows(rows, (r) => r[key] as SortValue, sort.direction);
}

export function QuestionTable({ rows }: { rows: QuestionRow[] }) {
  const [search, setSearch] = useState("");
  const [documentId, setDocumentId] = useState("");
  const [type, setType] = useState("");
  const [sort, setSort] = useState<SortState<Column>>({ key: "reading", direction: "asc" });
  const [limit, setLimit] = useState(PAGE);
  const documents = useMemo(() => [...new Map(rows.map((r) => [r.documentId, r.documentTitle])).entries()], [rows]);
  const types = useMemo(() => [...new Set(rows.map((r) => r.type))].sort(), [rows]);
  const shown = useMemo(
    () => ordered(filterQuestions(rows, { search, documentId, type }), sort),
    [rows, search, documentId, type, sort],
  );
  const header = (label: string, column: Column, first: "asc" | "desc" = "desc") => (
    <SortHeader label={label} column={column} sort={sort} onSort={setSort} firstDirection={first} />
  );

  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions</h2>
      <div className="table-controls">
        <label>
          Search prompts
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          Deck
          <select value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
            <option value="">All assigned decks</option>
            {documents.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Any type</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {questionTypeLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select
            value={sort.key === "reading" || sort.key === "hardest" ? sort.key : ""}
            onChange={(e) => setSort({ key: e.target.value as Column, direction: "asc" })}
          >
            {sort.key !== "reading" && sort.key !== "hardest" && <option value="">By column</option>}
            {ORDERS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <p className="meta" role="status">
          {shown.length} of {rows.length} questions{shown.length > limit ? `, first ${limit} shown` : ""}
        </p>
      </div>
      <div className="table-wrap">
        <table className="dashboard-table">
          <caption className="visually-hidden">
            Questions in the assigned decks; select a column heading to sort.
          </caption>
          <thead>
            <tr>
              {header("Question", "prompt", "asc")}
              {header("Deck", "documentTitle", "asc")}
              {header("Type", "type", "asc")}
              {header("Attempts", "attempts")}
              {header("Right first try", "firstTryRate", "asc")}
              {header("Average time", "avgDurationMs")}
              {header("Marked right by learner", "overrides")}
              <th scope="col">Wrong choices picked</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((r) => (
              <tr key={r.questionId}>
                <th scope="row" className="prompt-cell">
                  {r.prompt}
                </th>
                <td data-label="Deck">{r.documentTitle}</td>
                <td data-label="Type">{questionTypeLabel(r.type)}</td>
                <td className="num" data-label="Attempts">
                  {r.attempts}
                </td>
                <td
                  className="num"
                  data-label="Right first try"
                  title={`${r.firstTryCorrect} of ${r.firstTryLearners} learners`}
                >
                  {percent(r.firstTryRate)}
                  {r.firstTryLearners > 0 && <span className="meta"> ({r.firstTryLearners})</span>}
                </td>
                <td className="num" data-label="Average time">
                  {secondsLabel(r.avgDurationMs)}
                </td>
                <td
                  className="num"
                  data-label="Marked right by learner"
                  title="Typed answers the grader rejected and the learner marked right"
                >
                  {r.overrides}
                </td>
                <td data-label="Wrong choices picked">
                  {r.distractors.length > 0 ? (
                    <ul className="distractors">
                      {r.distractors.map((d) => (
                        <li key={d.choice}>
                          {d.choice} <span className="meta">×{d.count}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="meta">{r.type === "multiple_choice" ? "none" : "—"}</span>
                  )}
                </td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={8}>No questions match.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {shown.length > limit && (
        <p className="show-more">
          <button type="button" className="button secondary" onClick={() => setLimit((n) => n + PAGE)}>
            Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit} remaining
          </button>
        </p>
      )}
    </section>
  );
}
