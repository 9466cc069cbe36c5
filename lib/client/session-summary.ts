import { RATINGS, type Rating } from "@/lib/scheduling";
import type { SessionModel } from "./session-model";

export interface SessionSummary {
  answered: number;
  correct: number;
  /** Whole percent, or null before the first answer. */
  correctPercent: number | null;
  byRating: Record<Rating, number>;
  /**
   * Time spent answering: from each card appearing to its answer, added up. Reading
   * feedback, pauses between cards and a tab left open don't count.
   */
  elapsedMs: number;
}

export function summarize(model: SessionModel): SessionSummary {
  const byRating: Record<Rating, number> = { again: 0, hard: 0, good: 0, easy: 0 };
  for (const r of model.results) byRating[r.rating] += 1;
  const answered = model.results.length;
  const correct = model.results.filter((r) => r.correct).length;
  return {
    answered,
    correct,
    correctPercent: answered === 0 ? null : Math.round((correct / answered) * 100),
    byRating,
    elapsedMs: model.results.reduce((ms, r) => ms + Math.max(0, r.durationMs), 0),
  };
}

export function sessionProgress(model: SessionModel): { value: number; max: number } {
  return { value: model.finished, max: model.total };
}

/** "4 min 5 s", "45 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  if (minutes === 0) return `${seconds} s`;
  return `${minutes} min ${seconds % 60} s`;
}

export const RATING_LABELS: Record<Rating, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
export { RATINGS };
