import type { LearnerRow, QuestionRow } from "./types";
import { DAY_MS } from "../time";

export const LOW_RETENTION = 0.8;
export const INACTIVE_DAYS = 7;

export type LearnerFilter = "all" | "inactive" | "low-retention" | "overdue";

export const LEARNER_FILTERS: ReadonlyArray<{ id: LearnerFilter; label: string }> = [
  { id: "all", label: "All learners" },
  { id: "inactive", label: `Inactive ${INACTIVE_DAYS}+ days` },
  { id: "low-retention", label: `Retention below ${LOW_RETENTION * 100}%` },
  { id: "overdue", label: "Has overdue cards" },
];

export function isInactive(row: Pick<LearnerRow, "lastActiveAt">, now: Date): boolean {
  if (row.lastActiveAt === null) return true;
  return now.getTime() - new Date(row.lastActiveAt).getTime() >= INACTIVE_DAYS * DAY_MS;
}

const matchesText = (text: string, search: string) =>
  text.toLocaleLowerCase().includes(search.trim().toLocaleLowerCase());

export function filterLearners(
  rows: readonly LearnerRow[],
  options: { search: string; filter: LearnerFilter },
  now: Date,
): LearnerRow[] {
  return rows.filter((row) => {
    if (options.search.trim() && !matchesText(row.name, options.search)) return false;
    switch (options.filter) {
      case "inactive":
        return isInactive(row, now);
      case "low-retention":
        return row.retention !== null && row.retention < LOW_RETENTION;
      case "overdue":
        return row.overdue > 0;
      default:
        return true;
    }
  });
}

export type QuestionFilter = { search: string; documentId: string; type: string };

/** `documentId` and `type` are "" for "any". */
export function filterQuestions(rows: readonly QuestionRow[], options: QuestionFilter): QuestionRow[] {
  return rows.filter(
    (row) =>
      (!options.documentId || row.documentId === options.documentId) &&
      (!options.type || row.type === options.type) &&
      (!options.search.trim() || matchesText(row.prompt, options.search)),
  );
}

/**
 * Hardest first: lowest first-try success, then the most attempts (more
 * evidence), unanswered questions last.
 */
export function hardestFirst(rows: readonly QuestionRow[]): QuestionRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row.firstTryRate;
      const y = b.row.firstTryRate;
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      return x - y || b.row.attempts - a.row.attempts || a.index - b.index;
    })
    .map((x) => x.row);
}
