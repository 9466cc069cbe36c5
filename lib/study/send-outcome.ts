import { markAcknowledged, markDropped, markFailed, type ReviewQueueState } from "./review-queue";

/** What happened when the client tried to send reviews. */
export type SendOutcome =
  { kind: "network-error"; message?: string } | { kind: "http"; status: number; message?: string };

export type Disposition =
  { action: "acknowledge" } | { action: "retry"; reason: string } | { action: "drop"; reason: string };

// Client errors that say "try again later" rather than "this request is bad".
const RETRYABLE_4XX = new Set([408, 425, 429]);

/**
 * 2xx and 409 (already stored) acknowledge; network errors, 5xx, 408/425/429 and any
 * other unexpected status retry later; remaining 4xx are validation failures and
 * drop the item so it cannot block the queue forever.
 */
export function classifyResponse(outcome: SendOutcome): Disposition {
  if (outcome.kind === "network-error") {
    return { action: "retry", reason: outcome.message ?? "Could not reach the server." };
  }
  const { status } = outcome;
  if ((status >= 200 && status < 300) || status === 409) return { action: "acknowledge" };
  if (status >= 400 && status < 500 && !RETRYABLE_4XX.has(status)) {
    return { action: "drop", reason: outcome.message ?? `The server rejected this answer (HTTP ${status}).` };
  }
  return { action: "retry", reason: outcome.message ?? `The server is unavailable (HTTP ${status}).` };
}

/** Applies a disposition to the given reviews. */
export function applyDisposition(
  state: ReviewQueueState,
  reviewIds: readonly string[],
  disposition: Disposition,
  now: Date,
): ReviewQueueState {
  switch (disposition.action) {
    case "acknowledge":
      return markAcknowledged(state, reviewIds);
    case "retry":
      return markFailed(state, reviewIds, now, disposition.reason);
    case "drop":
      return markDropped(state, reviewIds, now, disposition.reason);
  }
}
