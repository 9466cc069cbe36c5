import { dayKey, daysBetween } from "../time";
import type { Rating } from "../scheduling";

/**
 * A learner's review log as the FSRS optimizer reads it: per card, the ratings
 * in order, each with the whole days (in the learner's time zone) since the
 * card's previous review. Same-day repeats have deltaT 0, as in Anki.
 */

export type FitReview = { cardId: string; rating: Rating; reviewedAt: Date };
export type HistoryReview = { rating: 1 | 2 | 3 | 4; deltaT: number };
export type CardHistory = { cardId: string; reviews: HistoryReview[] };

const RATING_NUMBER: Record<Rating, HistoryReview["rating"]> = { again: 1, hard: 2, good: 3, easy: 4 };

/**
 * The optimizer's own guidance (fsrs-rs `compute_parameters`): with fewer than 8
 * training items it returns the defaults unchanged, with fewer than 64 it only
 * re-estimates the four initial stabilities, and from 64 it fits all 21
 * parameters. An item is one review on a later day than the card's previous one.
 * So a learner is fitted once their training share reaches 64 such items, and a
 * quarter of their cards is held out to check the fit on reviews it never saw.
 */
export const FIT_RULES = {
  minTrainItems: 64,
  holdOutShare: 0.25,
  /** Fit again after this many new reviews, so the parameters follow the learner. */
  refitAfterReviews: 100,
} as const;

export function toHistories(reviews: readonly FitReview[], timeZone: string): CardHistory[] {
  const byCard = new Map<string, FitReview[]>();
  for (const r of reviews) {
    const list = byCard.get(r.cardId) ?? [];
    list.push(r);
    byCard.set(r.cardId, list);
  }
  const out: CardHistory[] = [];
  for (const [cardId, list] of byCard) {
    list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    let previous: string | null = null;
    const history: HistoryReview[] = [];
    for (const r of list) {
      const day = dayKey(r.reviewedAt, timeZone);
      history.push({ rating: RATING_NUMBER[r.rating], deltaT: previous === null ? 0 : daysBetween(previous, day) });
      previous = day;
    }
    out.push({ cardId, reviews: history });
  }
  return out.sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
}

/** Reviews the optimizer learns from: every review after the first on a later day. */
export function longTermItems(histories: readonly CardHistory[]): number {
  return histories.reduce((n, h) => n + h.reviews.filter((r, i) => i > 0 && r.deltaT > 0).length, 0);
}

/** A stable 0..1 value per card id (FNV-1a), so the same cards are held out on every run. */
function unitHash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/** Splits by card, not by review: a held-out card's whole history is unseen by the fit. */
export function splitHoldOut(histories: readonly CardHistory[], share: number = FIT_RULES.holdOutShare) {
  const train: CardHistory[] = [];
  const test: CardHistory[] = [];
  for (const h of histories) (unitHash(h.cardId) < share ? test : train).push(h);
  return { train, test };
}

export type FitMetrics = { logLoss: number; rmse: number };

/** Fitted parameters are used only when they predict the held-out reviews better (lower log loss) than the defaults. */
export function fittedIsBetter(fitted: FitMetrics, defaults: FitMetrics): boolean {
  return Number.isFinite(fitted.logLoss) && fitted.logLoss < defaults.logLoss;
}
