import type { CardStateName } from "../scheduling/card-state";
import type { Rating } from "../scheduling/scheduler";
import { addDays, dayKey, daysBetween, startOfDay, weekStart } from "../time";

/** Pure computations behind the progress page. All days are in the learner's time zone. */

export interface ReviewRecord {
  reviewedAt: Date;
  rating: Rating;
  stateBefore: CardStateName;
}

export interface CardRecord {
  documentId: string;
  state: CardStateName;
  stability: number;
  due: Date;
}

export interface DayCount {
  day: string;
  count: number;
}

/**
 * A card is mastered when it is in review state with stability of at least 21 days:
 * FSRS then expects it to be recalled with 90% probability three weeks after its last
 * review, the same bar Anki uses for "mature" cards.
 */
export const MASTERY_STABILITY_DAYS = 21;

/** Days with at least one review, ascending, for the heatmap. */
export function reviewsPerDay(reviews: readonly ReviewRecord[], timeZone: string): DayCount[] {
  const counts = new Map<string, number>();
  for (const r of reviews) {
    const day = dayKey(r.reviewedAt, timeZone);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, count]) => ({ day, count }));
}

/**
 * Cards falling due on each of the next `days` days, today first. Overdue cards count
 * today; new cards are left out because they are introduced by the daily new-card limit.
 */
export function dueForecast(cards: readonly CardRecord[], now: Date, timeZone: string, days = 30): DayCount[] {
  const today = dayKey(now, timeZone);
  const counts: number[] = new Array<number>(days).fill(0);
  const todayStart = startOfDay(now, timeZone).getTime();
  for (const card of cards) {
    if (card.state === "new") continue;
    const offset = card.due.getTime() < todayStart ? 0 : daysBetween(today, dayKey(card.due, timeZone));
    if (offset < days) counts[offset] = (counts[offset] ?? 0) + 1;
  }
  return counts.map((count, i) => ({ day: addDays(today, i), count }));
}

export interface WeekRetention {
  /** Monday of the week, "YYYY-MM-DD". */
  weekStart: string;
  reviews: number;
  passed: number;
  /** passed / reviews, in 0..1. */
  retention: number;
}

/**
 * True retention: of answers to cards that were in review state, the share not rated
 * "again". Learning and relearning steps are left out; weeks without such answers are omitted.
 */
export function retentionByWeek(reviews: readonly ReviewRecord[], timeZone: string): WeekRetention[] {
  const weeks = new Map<string, { reviews: number; passed: number }>();
  for (const r of reviews) {
    if (r.stateBefore !== "review") continue;
    const week = weekStart(dayKey(r.reviewedAt, timeZone));
    const entry = weeks.get(week) ?? { reviews: 0, passed: 0 };
    entry.reviews += 1;
    if (r.rating !== "again") entry.passed += 1;
    weeks.set(week, entry);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, e]) => ({ weekStart: week, ...e, retention: e.passed / e.reviews }));
}

export function cardsByState(cards: readonly CardRecord[]): Record<CardStateName, number> {
  const counts: Record<CardStateName, number> = { new: 0, learning: 0, review: 0, relearning: 0 };
  for (const card of cards) counts[card.state] += 1;
  return counts;
}

export interface DocumentMastery {
  documentId: string;
  total: number;
  mastered: number;
  /** mastered / total, in 0..1. */
  mastery: number;
}

export function isMastered(card: CardRecord): boolean {
  return card.state === "review" && card.stability >= MASTERY_STABILITY_DAYS;
}

/** Mastery per document, ordered by documentId. */
export function masteryByDocument(cards: readonly CardRecord[]): DocumentMastery[] {
  const docs = new Map<string, { total: number; mastered: number }>();
  for (const card of cards) {
    const entry = docs.get(card.documentId) ?? { total: 0, mastered: 0 };
    entry.total += 1;
    if (isMastered(card)) entry.mastered += 1;
    docs.set(card.documentId, entry);
  }
  return [...docs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([documentId, e]) => ({ documentId, ...e, mastery: e.mastered / e.total }));
}

export interface Streaks {
  current: number;
  longest: number;
}

/**
 * Runs of consecutive local days with at least one review. The current streak ends
 * today, or yesterday if the learner has not studied yet today (it is not broken
 * until the day is over); otherwise it is 0.
 */
export function streaks(reviews: readonly ReviewRecord[], now: Date, timeZone: string): Streaks {
  const today = dayKey(now, timeZone);
  const days = [...new Set(reviews.map((r) => dayKey(r.reviewedAt, timeZone)))].filter((d) => d <= today).sort();
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const day of days) {
    run = previous !== null && daysBetween(previous, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const last = days[days.length - 1];
  const current = last !== undefined && daysBetween(last, today) <= 1 ? run : 0;
  return { current, longest };
}
