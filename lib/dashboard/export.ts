import { toCsv } from "./csv";
import { RETENTION_WINDOW_DAYS, type DashboardDeck, type LearnerRow, type QuestionRow } from "./types";

// Shares as percentages with one decimal, so a spreadsheet shows what the page shows.
const pct = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

export function learnersCsv(decks: readonly DashboardDeck[], rows: readonly LearnerRow[]): string {
  const header = [
    "Learner",
    "Cards studied",
    "Reviews (7 days)",
    `True retention % (${RETENTION_WINDOW_DAYS} days)`,
    `Review answers (${RETENTION_WINDOW_DAYS} days)`,
    "Due now",
    "Overdue",
    ...decks.map((d) => `Mastery % ${d.title}`),
    "Last active (UTC)",
    "FSRS parameters",
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.name,
      r.cardsStudied,
      r.reviewsLast7Days,
      pct(r.retention),
      r.retentionReviews,
      r.dueNow,
      r.overdue,
      ...decks.map((d) => pct(r.mastery[d.id] ?? 0)),
      r.lastActiveAt,
      r.fittedParameters ? "fitted" : "default",
    ]),
  );
}

export function questionsCsv(rows: readonly QuestionRow[]): string {
  const header = [
    "Question id",
    "Deck",
    "Type",
    "Prompt",
    "Attempts",
    "Learners",
    "First try correct %",
    "Average answer seconds",
    "Wrong choices picked",
    "Marked right by learner",
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.questionId,
      r.documentTitle,
      r.type,
      r.prompt,
      r.attempts,
      r.firstTryLearners,
      pct(r.firstTryRate),
      r.avgDurationMs === null ? null : Math.round(r.avgDurationMs / 100) / 10,
      r.distractors.map((d) => `${d.choice} (${d.count})`).join("; "),
      r.overrides,
    ]),
  );
}
