import { createJSONStorage, persist, type StateStorage } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import type { ReviewResult, ReviewSubmission } from "@/lib/api/study-contract";
import * as queue from "@/lib/study/review-queue";
import type { NewReview, ReviewQueueState } from "@/lib/study/review-queue";
import { applyDisposition, classifyResponse, type SendOutcome } from "@/lib/study/send-outcome";
import { errorMessage, type FetchLike } from "./api-client";

/**
 * Answers waiting to reach the server, kept in localStorage so a reload or a lost
 * connection never loses one. Sent one at a time, oldest first; the server stores
 * each reviewId at most once, so a resend after a lost reply is harmless.
 */

export const QUEUE_STORAGE_KEY = "quarry-review-queue";

/** Submission fields the pure queue does not model, kept beside it by reviewId. */
export interface ReviewExtras {
  /** The server's card id; null for a question never answered before. */
  serverCardId: string | null;
  response?: string;
  /** The learner marked this typed answer right ("I was right"). */
  override?: boolean;
}

export type QueuedAnswer = Omit<NewReview, "cardId"> & ReviewExtras;

interface PersistedQueue extends ReviewQueueState {
  extras: Record<string, ReviewExtras>;
}

export type SendFailure = { kind: "network" | "server"; message: string };
export type RemoveResult = "removed" | "sending" | "absent";

export interface ReviewQueueStoreState extends PersistedQueue {
  /** The reviewId being sent right now. */
  sending: string | null;
  lastFailure: SendFailure | null;
  add(answer: QueuedAnswer): void;
  /** Takes back an answer that has not been sent yet (undo). */
  remove(reviewId: string): RemoveResult;
  dismissDropped(reviewIds: readonly string[]): void;
  /** Forget backoff delays, e.g. when the browser comes back online. */
  retryNow(): void;
  drain(): Promise<void>;
  /** Resolves when no send is in flight. */
  idle(): Promise<void>;
  onAcknowledged(listener: (result: ReviewResult) => void): () => void;
}

export interface ReviewQueueDeps {
  fetch: FetchLike;
  now: () => Date;
  /** Where to persist; undefined keeps the queue in memory only. */
  storage: () => StateStorage | undefined;
}

function toSubmission(item: queue.QueuedReview, extras: ReviewExtras | undefined): ReviewSubmission {
  return {
    reviewId: item.reviewId,
    questionId: item.questionId,
    cardId: extras?.serverCardId ?? undefined,
    rating: item.rating,
    response: extras?.response,
    ...(extras?.override ? { override: true } : {}),
    answeredAt: item.answeredAt,
    durationMs: Math.max(0, Math.min(3_600_000, Math.round(item.durationMs))),
  };
}

/** One POST of one answer; a network failure or an error status becomes a SendOutcome, never a throw. */
async function send(
  fetchFn: FetchLike,
  submission: ReviewSubmission,
): Promise<{ outcome: SendOutcome; result: ReviewResult | null }> {
  let res: Response;
  try {
    res = await fetchFn("/api/reviews", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(submission),
    });
  } catch {
    return { outcome: { kind: "network-error", message: "Could not reach the server." }, result: null };
  }
  if (res.ok) {
    const result = (await res.json().catch(() => null)) as ReviewResult | null;
    return { outcome: { kind: "http", status: res.status }, result };
  }
  return { outcome: { kind: "http", status: res.status, message: await errorMessage(res) }, result: null };
}

function withoutKeys<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  const copy = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}

export function createReviewQueueStore(deps: ReviewQueueDeps) {
  const listeners = new Set<(result: ReviewResult) => void>();
  let draining: Promise<void> | null = null;

  return createStore<ReviewQueueStoreState>()(
    persist(
      (set, get) => {
        const data = (): ReviewQueueState => ({ items: get().items, dropped: get().dropped });

        const sendNext = async (): Promise<boolean> => {
          // Strictly oldest first: a later answer never overtakes one waiting out a backoff.
          const [item] = queue.nextBatch(data(), deps.now(), 1);
          if (!item || item.reviewId !== get().items[0]?.reviewId) return false;
          set({ sending: item.reviewId });
          const { outcome, result } = await send(deps.fetch, toSubmission(item, get().extras[item.reviewId]));
          const disposition = classifyResponse(outcome);
          const next = applyDisposition(data(), [item.reviewId], disposition, deps.now());
          const settled = disposition.action !== "retry";
          set({
            ...next,
            extras: settled ? withoutKeys(get().extras, [item.reviewId]) : get().extras,
            sending: null,
            lastFailure:
              disposition.action === "retry"
                ? { kind: outcome.kind === "network-error" ? "network" : "server", message: disposition.reason }
                : null,
          });
          if (disposition.action === "acknowledge" && result) for (const listener of listeners) listener(result);
          // Stop at the first transient failure: the next answers would fail the same way.
          return settled;
        };

        return {
          ...queue.emptyQueue(),
          extras: {},
          sending: null,
          lastFailure: null,
          add: (answer) => {
            const { serverCardId, response, override, ...review } = answer;
            // The pure queue's card key is the question: a learner has one card per question.
            const items = queue.enqueue(data(), { ...review, cardId: review.questionId });
            const extras: ReviewExtras = { serverCardId, response, ...(override ? { override } : {}) };
            set({ ...items, extras: { ...get().extras, [answer.reviewId]: extras } });
          },
          remove: (reviewId) => {
            if (get().sending === reviewId) return "sending";
            if (!get().items.some((i) => i.reviewId === reviewId)) return "absent";
            set({
              items: get().items.filter((i) => i.reviewId !== reviewId),
              extras: withoutKeys(get().extras, [reviewId]),
            });
            return "removed";
          },
          dismissDropped: (reviewIds) => set(queue.dismissDropped(data(), reviewIds)),
          retryNow: () => set({ items: get().items.map((i) => ({ ...i, nextAttemptAt: null })) }),
          drain: () => {
            draining ??= (async () => {
              try {
                while (await sendNext()) {
                  /* keep sending while answers are accepted */
                }
              } finally {
                draining = null;
              }
            })();
            return draining;
          },
          idle: () => draining ?? Promise.resolve(),
          onAcknowledged: (listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        };
      },
      {
        name: QUEUE_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => {
          const storage = deps.storage();
          if (!storage) throw new Error("No storage available.");
          return storage;
        }),
        partialize: (s): PersistedQueue => ({ items: s.items, dropped: s.dropped, extras: s.extras }),
        // Hydrate from the browser only, after the first render, so the server HTML matches.
        skipHydration: true,
      },
    ),
  );
}

export type ReviewQueueStore = ReturnType<typeof createReviewQueueStore>;
