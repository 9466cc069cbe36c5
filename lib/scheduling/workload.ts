import type { CardState } from "./card-state";
import { newCardState, scheduleReview } from "./scheduler";
import { DAY_MS } from "../time";

const EPOCH = new Date("2026-01-01T00:00:00Z");

/**
 * Expected reviews of one card in its first `horizonDays`, at a desired retention: the
 * card is introduced and learnt (Good), then reviewed whenever FSRS schedules it. At
 * each review it is forgotten with probability 1 − retention, which costs one extra
 * relearning review; the schedule itself follows the remembered path.
 */
export function reviewsPerCard(
  desiredRetention: number,
  horizonDays: number,
  weights: readonly number[] | null = null,
): number {
  const settings = { desiredRetention, weights };
  const end = EPOCH.getTime() + horizonDays * DAY_MS;
  let card: CardState = newCardState(EPOCH);
  let at = EPOCH;
  let count = 0;
  // The first answer and its learning steps, all on day one.
  for (let i = 0; i < 4 && (i === 0 || card.state === "learning"); i++) {
    card = scheduleReview(card, "good", at, settings).card;
    count += 1;
    at = card.due;
  }
  while (card.due.getTime() < end) {
    at = card.due;
    count += 1 + (1 - desiredRetention);
    card = scheduleReview(card, "good", at, settings).card;
  }
  return count;
}

/**
 * Reviews a day once new cards have been added at `newCardsPerDay` for a year: every
 * card younger than a year adds its expected reviews, so the daily load is the new
 * cards a day times one card's reviews in its first year.
 */
export function expectedDailyReviews(
  newCardsPerDay: number,
  desiredRetention: number,
  weights: readonly number[] | null = null,
): number {
  if (newCardsPerDay <= 0) return 0;
  return newCardsPerDay * reviewsPerCard(desiredRetention, 365, weights);
}
