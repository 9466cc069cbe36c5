import { createEmptyCard, fsrs, type FSRS, type Grade, Rating as FsrsRating } from "ts-fsrs";
import { type CardState, type CardStateName, fromFsrsCard, toFsrsCard } from "./card-state";
import { formatInterval } from "./interval-label";
import { type SchedulerSettings, toFsrsParameters } from "./settings";

import { RATINGS, type Rating } from "../domain/enums";

export { RATINGS, type Rating };

const RATING_TO_FSRS: Record<Rating, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

export function ratingToFsrs(rating: Rating): Grade {
  return RATING_TO_FSRS[rating];
}

/** What one review did; enough to store a review-log row and to compute retention. */
export interface ReviewLogEntry {
  rating: Rating;
  stateBefore: CardStateName;
  stateAfter: CardStateName;
  reviewedAt: Date;
  /** Whole days since the previous review (0 for a first review). */
  elapsedDays: number;
  scheduledDays: number;
  due: Date;
  stability: number;
  difficulty: number;
}

export interface ScheduleResult {
  card: CardState;
  log: ReviewLogEntry;
}

export interface IntervalPreview {
  due: Date;
  label: string;
}

function scheduler(settings: SchedulerSettings): FSRS {
  return fsrs(toFsrsParameters(settings));
}

export function newCardState(now: Date): CardState {
  return fromFsrsCard(createEmptyCard(now));
}

export function scheduleReview(
  card: CardState,
  rating: Rating,
  now: Date,
  settings: SchedulerSettings,
): ScheduleResult {
  const result = scheduler(settings).next(toFsrsCard(card), now, ratingToFsrs(rating));
  const next = fromFsrsCard(result.card);
  return {
    card: next,
    log: {
      rating,
      stateBefore: card.state,
      stateAfter: next.state,
      reviewedAt: new Date(now.getTime()),
      elapsedDays: result.log.elapsed_days,
      scheduledDays: next.scheduledDays,
      due: new Date(next.due.getTime()),
      stability: next.stability,
      difficulty: next.difficulty,
    },
  };
}

/** Due date and button label for each of the four answers, without changing the card. */
export function previewIntervals(
  card: CardState,
  now: Date,
  settings: SchedulerSettings,
): Record<Rating, IntervalPreview> {
  const preview = scheduler(settings).repeat(toFsrsCard(card), now);
  const entry = (rating: Rating): IntervalPreview => {
    const due = preview[ratingToFsrs(rating)].card.due;
    return { due: new Date(due.getTime()), label: formatInterval(now, due) };
  };
  return { again: entry("again"), hard: entry("hard"), good: entry("good"), easy: entry("easy") };
}
