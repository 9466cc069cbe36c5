import { describe, expect, it } from "vitest";
import {
  dismissDropped,
  emptyQueue,
  enqueue,
  markAcknowledged,
  markDropped,
  markFailed,
  type NewReview,
  nextBatch,
  ReviewQueueError,
  type ReviewQueueState,
  retryDelayMs,
} from "@/lib/study/review-queue";
import { applyDisposition, classifyResponse } from "@/lib/study/send-outcome";

const T0 = new Date("2025-03-01T09:00:00.000Z");
const plus = (ms: number): Date => new Date(T0.getTime() + ms);
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function review(n: number, cardId = `card-${n}`): NewReview {
  return {
    reviewId: uuid(n),
    cardId,
    questionId: `q-${n}`,
    rating: "good",
    answeredAt: plus(n * 1000).toISOString(),
    durationMs: 4000,
  };
}

const ids = (items: ReadonlyArray<{ reviewId: string }>): string[] => items.map((i) => i.reviewId);

describe("enqueue", () => {
  it("appends in order and ignores a reviewId already queued", () => {
    let q = enqueue(emptyQueue(), review(1));
    q = enqueue(q, review(2));
    const again = enqueue(q, { ...review(1), rating: "easy" });
    expect(again).toBe(q);
    expect(ids(q.items)).toEqual([uuid(1), uuid(2)]);
    expect(q.items[0]).toMatchObject({ attempts: 0, nextAttemptAt: null, lastError: null, rating: "good" });
  });

  it("rejects a reviewId that is not a UUID", () => {
    expect(() => enqueue(emptyQueue(), { ...review(1), reviewId: "abc" })).toThrow(ReviewQueueError);
  });

  it("does not mutate the previous state", () => {
    const q0 = emptyQueue();
    enqueue(q0, review(1));
    expect(q0.items).toEqual([]);
  });
});

describe("nextBatch", () => {
  it("returns ready items in order, limited to maxSize", () => {
    let q = emptyQueue();
    for (const n of [1, 2, 3, 4]) q = enqueue(q, review(n));
    expect(ids(nextBatch(q, T0, 3))).toEqual([uuid(1), uuid(2), uuid(3)]);
  });

  it("skips items in backoff, and later answers for the same card", () => {
    let q = emptyQueue();
    q = enqueue(q, review(1, "A"));
    q = enqueue(q, review(2, "B"));
    q = enqueue(q, review(3, "A"));
    q = markFailed(q, [uuid(1)], T0, "HTTP 503");
    expect(ids(nextBatch(q, plus(1000)))).toEqual([uuid(2)]);
    // First retry waits the base delay of 2 s.
    expect(ids(nextBatch(q, plus(2000)))).toEqual([uuid(1), uuid(2), uuid(3)]);
  });
});

describe("markFailed", () => {
  it("counts attempts and doubles the delay up to the cap", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(30)).toBe(300_000);
    let q = enqueue(emptyQueue(), review(1));
    q = markFailed(q, [uuid(1)], T0, "offline");
    q = markFailed(q, [uuid(1)], plus(2000), "offline");
    expect(q.items[0]).toMatchObject({
      attempts: 2,
      nextAttemptAt: plus(2000 + 4000).toISOString(),
      lastError: "offline",
    });
  });
});

describe("markAcknowledged", () => {
  it("removes items and is idempotent", () => {
    let q = enqueue(enqueue(emptyQueue(), review(1)), review(2));
    q = markAcknowledged(q, [uuid(1)]);
    expect(ids(q.items)).toEqual([uuid(2)]);
    const same = markAcknowledged(q, [uuid(1)]);
    expect(same).toBe(q);
  });
});

describe("markDropped / dismissDropped", () => {
  it("moves a rejected item aside with its reason", () => {
    let q = enqueue(enqueue(emptyQueue(), review(1)), review(2));
    q = markDropped(q, [uuid(1)], T0, "Unknown card.");
    expect(ids(q.items)).toEqual([uuid(2)]);
    expect(q.dropped).toEqual([{ review: review(1), reason: "Unknown card.", droppedAt: T0.toISOString() }]);
    expect(dismissDropped(q, [uuid(1)]).dropped).toEqual([]);
  });
});

describe("classifyResponse", () => {
  it.each([
    [{ kind: "http", status: 200 }, "acknowledge"],
    [{ kind: "http", status: 201 }, "acknowledge"],
    [{ kind: "http", status: 409 }, "acknowledge"],
    [{ kind: "network-error" }, "retry"],
    [{ kind: "http", status: 500 }, "retry"],
    [{ kind: "http", status: 503 }, "retry"],
    [{ kind: "http", status: 429 }, "retry"],
    [{ kind: "http", status: 408 }, "retry"],
    [{ kind: "http", status: 400 }, "drop"],
    [{ kind: "http", status: 404 }, "drop"],
    [{ kind: "http", status: 422 }, "drop"],
  ] as const)("%o → %s", (outcome, action) => {
    expect(classifyResponse(outcome).action).toBe(action);
  });

  it("carries a message a learner can read", () => {
    expect(classifyResponse({ kind: "http", status: 422, message: "Rating is missing." })).toEqual({
      action: "drop",
      reason: "Rating is missing.",
    });
  });
});

describe("queue replay", () => {
  /** A fake server that stores each reviewId once and reports duplicates as already stored. */
  function makeServer() {
    const stored: string[] = [];
    return {
      stored,
      receive(batch: ReadonlyArray<{ reviewId: string }>): { kind: "http"; status: number } {
        for (const item of batch) if (!stored.includes(item.reviewId)) stored.push(item.reviewId);
        return { kind: "http", status: 200 };
      },
    };
  }

  it("drains offline answers in order after reconnecting, collapsing duplicates", () => {
    const server = makeServer();
    let q: ReviewQueueState = emptyQueue();
    let clock = T0;
    // Offline: five answers, one enqueued twice (e.g. a double tap), every send fails.
    for (const n of [1, 2, 3, 3, 4, 5]) q = enqueue(q, review(n));
    expect(q.items).toHaveLength(5);
    for (let attempt = 0; attempt < 3; attempt++) {
      const batch = nextBatch(q, clock, 2);
      q = applyDisposition(q, ids(batch), classifyResponse({ kind: "network-error" }), clock);
      clock = new Date(clock.getTime() + 60_000);
    }
    expect(q.items).toHaveLength(5);
    // Back online: keep sending until empty.
    let rounds = 0;
    while (q.items.length > 0 && rounds < 20) {
      const batch = nextBatch(q, clock, 2);
      if (batch.length > 0) q = applyDisposition(q, ids(batch), classifyResponse(server.receive(batch)), clock);
      clock = new Date(clock.getTime() + 60_000);
      rounds++;
    }
    expect(q.items).toEqual([]);
    expect(server.stored).toEqual([1, 2, 3, 4, 5].map(uuid));
  });

  it("treats a resend after a lost acknowledgement as already stored", () => {
    const server = makeServer();
    let q = enqueue(emptyQueue(), review(1));
    server.receive(nextBatch(q, T0)); // stored, but the response never arrives
    q = applyDisposition(q, [uuid(1)], classifyResponse({ kind: "network-error" }), T0);
    const retry = nextBatch(q, plus(retryDelayMs(1)));
    q = applyDisposition(q, ids(retry), classifyResponse({ kind: "http", status: 409 }), plus(2000));
    expect(q.items).toEqual([]);
    expect(server.stored).toEqual([uuid(1)]);
    // A late duplicate acknowledgement changes nothing.
    expect(applyDisposition(q, [uuid(1)], { action: "acknowledge" }, plus(3000))).toBe(q);
  });

  it("does not let one invalid item block the rest", () => {
    let q = emptyQueue();
    for (const n of [1, 2, 3]) q = enqueue(q, review(n));
    q = applyDisposition(q, [uuid(1)], classifyResponse({ kind: "http", status: 422 }), T0);
    expect(ids(nextBatch(q, T0))).toEqual([uuid(2), uuid(3)]);
    expect(q.dropped.map((d) => d.review.reviewId)).toEqual([uuid(1)]);
  });
});
