import { DAY_MS } from "../time";

/** "today", "yesterday", "5 days ago" or "never", counted in whole 24-hour periods before `now`. */
export function lastActiveLabel(iso: string | null, now: Date): string {
  if (iso === null) return "never";
  const days = Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS);
  if (days <= 0) return "today";
  return days === 1 ? "yesterday" : `${days} days ago`;
}

export function secondsLabel(ms: number | null): string {
  return ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`;
}

export const QUESTION_TYPE_LABELS: Record<string, string> = {
  multiple_choice: "Multiple choice",
  cloze: "Fill in the blank",
  true_false: "True or false",
  flashcard: "Flashcard",
};

export const questionTypeLabel = (type: string) => QUESTION_TYPE_LABELS[type] ?? type;
