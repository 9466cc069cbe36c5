import type { Rating } from "../scheduling/scheduler";

/**
 * Pure state transitions for the client-side queue of answers waiting to reach the
 * server. The state is plain JSON (timestamps are ISO strings) so a persisted store
 * can save it as-is. Items are never dropped for transient failures; only a
 * validation rejection removes an item, and it is kept in `dropped` to show the learner.
 */

export interface NewReview {
  /** Client-generated UUID; the server uses it to store each answer at most once. */
  reviewId: string;
  cardId: string;
  questionId: string;
  rating: Rating;
  answeredAt: string;
  durationMs: number;
}

export interface QueuedReview extends NewReview {
  attempts: number;
  /** When the next send may happen; null means as soon as possible. */
  nextAttemptAt: string | null;
  lastError: string | null;
}

export interface DroppedReview {
  review: NewReview;
  reason: string;
  droppedAt: string;
}

export interface ReviewQueueState {
  items: QueuedReview[];
  dropped: DroppedReview[];
}

export class ReviewQueueError extends Error {
  readonly code = "invalid_review_id";
  constructor(message: string) {
    super(message);
    this.name = "ReviewQueueError";
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Retry delays double from 2 s up to 5 min; no jitter, so tests stay deterministic. */
export const RETRY_BACKOFF = { baseMs: 2_000, maxMs: 300_000 } as const;
export const DEFAULT_BATCH_SIZE = 25;

export function emptyQueue(): ReviewQueueState {
  return { items: [], dropped: [] };
}

export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(RETRY_BACKOFF.baseMs * 2 ** exponent, RETRY_BACKOFF.maxMs);
}

/** Appends a review; a reviewId that is already queued is ignored. */
export function enqueue(state: ReviewQueueState, review: NewReview): ReviewQueueState {
  if (!UUID.test(review.reviewId)) {
    throw new ReviewQueueError(`Review id "${review.reviewId}" is not a UUID.`);
  }
  if (state.items.some((item) => item.reviewId === review.reviewId)) return state;
  const item: QueuedReview = { ...review, attempts: 0, nextAttemptAt: null, lastError: null };
  return { ...state, items: [...state.items, item] };
}

/**
 * Items ready to send at `now`, in answer order. An item waiting out a backoff holds
 * back later answers for the same card, so the server always sees one card's
 * reviews in the order they were given.
 */
export function nextBatch(state: ReviewQueueState, now: Date, maxSize = DEFAULT_BATCH_SIZE): QueuedReview[] {
  const batch: QueuedReview[] = [];
  const blockedCards = new Set<string>();
  for (const item of state.items) {
    if (batch.length >= maxSize) break;
    const ready = item.nextAttemptAt === null || Date.parse(item.nextAttemptAt) <= now.getTime();
    if (!ready || blockedCards.has(item.cardId)) {
      blockedCards.add(item.cardId);
      continue;
    }
    batch.push(item);
  }
  return batch;
}

/** Removes acknowledged items (stored now, or already stored before). Idempotent. */
export function markAcknowledged(state: ReviewQueueState, reviewIds: readonly string[]): ReviewQueueState {
  const ids = new Set(reviewIds);
  if (!state.items.some((item) => ids.has(item.reviewId))) return state;
  return { ...state, items: state.items.filter((item) => !ids.has(item.reviewId)) };
}

/** Records a failed attempt and schedules the next one from `now`. */
export function markFailed(
  state: ReviewQueueState,
  reviewIds: readonly string[],
  now: Date,
  error: string,
): ReviewQueueState {
  const ids = new Set(reviewIds);
  const items = state.items.map((item) => {
    if (!ids.has(item.reviewId)) return item;
    const attempts = item.attempts + 1;
    const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
    return { ...item, attempts, nextAttemptAt, lastError: error };
  });
  return { ...state, items };
}

/** Removes items the server rejected as invalid and keeps them aside with the reason. */
export function markDropped(
  state: ReviewQueueState,
  reviewIds: readonly string[],
  now: Date,
  reason: string,
): ReviewQueueState {
  const ids = new Set(reviewIds);
  const removed = state.items.filter((item) => ids.has(item.reviewId));
  if (removed.length === 0) return state;
  const droppedAt = now.toISOString();
  const dropped = removed.map(({ attempts: _a, nextAttemptAt: _n, lastError: _l, ...review }): DroppedReview => ({
    review,
    reason,
    droppedAt,
  }));
  return { items: state.items.filter((item) => !ids.has(item.reviewId)), dropped: [...state.dropped, ...dropped] };
}

/** Clears dropped entries once the learner has seen the error. */
export function dismissDropped(state: ReviewQueueState, reviewIds: readonly string[]): ReviewQueueState {
  const ids = new Set(reviewIds);
  return { ...state, dropped: state.dropped.filter((d) => !ids.has(d.review.reviewId)) };
}
