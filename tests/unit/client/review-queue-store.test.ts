import { describe, expect, it } from "vitest";
import type { ReviewResult, ReviewSubmission } from "@/lib/api/study-contract";
import { RETRY_BACKOFF } from "@/lib/study/review-queue";
import type { FetchLike } from "@/lib/client/api-client";
import { createReviewQueueStore, type QueuedAnswer, QUEUE_STORAGE_KEY } from "@/lib/client/review-queue";
import { later, T0, uuid } from "./fixtures";

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

type Reply = { status: number; body?: unknown } | "network-error";

/** A fetch that answers from a script and records what was sent and how many requests overlapped. */
function fakeServer(script: (body: ReviewSubmission, call: number) => Reply) {
  const sent: ReviewSubmission[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch: FetchLike = async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as ReviewSubmission;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await Promise.resolve();
    inFlight -= 1;
    const reply = script(body, sent.length);
    sent.push(body);
    if (reply === "network-error") throw new TypeError("Failed to fetch");
    return new Response(JSON.stringify(reply.body ?? {}), { status: reply.status });
  };
  return { fetch, sent, maxInFlight: () => maxInFlight };
}

const stored = (body: ReviewSubmission, status: ReviewResult["status"] = "stored"): Reply => ({
  status: 200,
  body: {
    status,
    reviewId: body.reviewId,
    cardId: `card-${body.questionId}`,
    rating: body.rating,
    correct: true,
    card: {},
  },
});

function answerN(n: number, extra: Partial<QueuedAnswer> = {}): QueuedAnswer {
  return {
    reviewId: uuid(n),
    questionId: `q${n}`,
    rating: "good",
    answeredAt: later(n * 1000).toISOString(),
    durationMs: 2500,
    serverCardId: null,
    response: `typed ${n}`,
    ...extra,
  };
}

function setup(script: (body: ReviewSubmission, call: number) => Reply, storage = memoryStorage()) {
  const server = fakeServer(script);
  let now = T0;
  const store = createReviewQueueStore({ fetch: server.fetch, now: () => now, storage: () => storage });
  return { store, server, storage, setNow: (d: Date) => (now = d) };
}

describe("review queue store", () => {
  it("sends answers in order, one at a time, and empties the queue", async () => {
    const { store, server } = setup((body) => stored(body));
    const acknowledged: string[] = [];
    store.getState().onAcknowledged((r) => acknowledged.push(r.reviewId));
    for (const n of [1, 2, 3]) store.getState().add(answerN(n));
    await Promise.all([store.getState().drain(), store.getState().drain()]);
    expect(server.sent.map((s) => s.reviewId)).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(server.maxInFlight()).toBe(1);
    expect(store.getState().items).toEqual([]);
    expect(store.getState().extras).toEqual({});
    expect(acknowledged).toEqual([uuid(1), uuid(2), uuid(3)]);
  });

  it("sends the submission fields the server needs", async () => {
    const { store, server } = setup((body) => stored(body));
    store.getState().add(answerN(1, { serverCardId: "card-9", rating: "again", response: "Tokyo" }));
    await store.getState().drain();
    expect(server.sent[0]).toEqual({
      reviewId: uuid(1),
      questionId: "q1",
      cardId: "card-9",
      rating: "again",
      response: "Tokyo",
      answeredAt: later(1000).toISOString(),
      durationMs: 2500,
    });
  });

  it("treats a duplicate as saved", async () => {
    const { store } = setup((body) => stored(body, "duplicate"));
    store.getState().add(answerN(1));
    await store.getState().drain();
    expect(store.getState().items).toEqual([]);
  });

  it("keeps answers through a network failure, backs off, and sends them once reachable", async () => {
    let offline = true;
    const { store, server, setNow } = setup((body) => (offline ? "network-error" : stored(body)));
    for (const n of [1, 2, 3]) store.getState().add(answerN(n));
    await store.getState().drain();
    // It stops at the first failure instead of failing every answer.
    expect(server.sent).toHaveLength(1);
    expect(store.getState().items).toHaveLength(3);
    expect(store.getState().items[0]?.attempts).toBe(1);
    expect(store.getState().lastFailure?.kind).toBe("network");

    offline = false;
    await store.getState().drain();
    expect(server.sent).toHaveLength(1); // still inside the backoff delay

    setNow(later(RETRY_BACKOFF.baseMs));
    await store.getState().drain();
    expect(server.sent.map((s) => s.reviewId)).toEqual([uuid(1), uuid(1), uuid(2), uuid(3)]);
    expect(store.getState().items).toEqual([]);
    expect(store.getState().lastFailure).toBeNull();
  });

  it("retries at once after retryNow (the browser came back online)", async () => {
    let offline = true;
    const { store, server } = setup((body) => (offline ? "network-error" : stored(body)));
    store.getState().add(answerN(1));
    await store.getState().drain();
    offline = false;
    store.getState().retryNow();
    await store.getState().drain();
    expect(server.sent).toHaveLength(2);
    expect(store.getState().items).toEqual([]);
  });

  it("retries a server error but drops a rejected answer with the server's message", async () => {
    const { store } = setup((body, call) =>
      call === 0
        ? { status: 503 }
        : body.questionId === "q1"
          ? { status: 400, body: { error: { code: "invalid_review", message: "This question no longer exists." } } }
          : stored(body),
    );
    store.getState().add(answerN(1));
    store.getState().add(answerN(2));
    await store.getState().drain();
    expect(store.getState().lastFailure?.kind).toBe("server");
    expect(store.getState().items).toHaveLength(2);
    store.getState().retryNow();
    await store.getState().drain();
    expect(store.getState().items).toEqual([]);
    expect(store.getState().dropped.map((d) => [d.review.reviewId, d.reason])).toEqual([
      [uuid(1), "This question no longer exists."],
    ]);
    store.getState().dismissDropped([uuid(1)]);
    expect(store.getState().dropped).toEqual([]);
  });

  it("takes back an unsent answer, but not one being sent", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = fakeServer((body) => stored(body));
    const store = createReviewQueueStore({
      fetch: async (url, init) => {
        await gate;
        return server.fetch(url, init);
      },
      now: () => T0,
      storage: () => undefined,
    });
    store.getState().add(answerN(1));
    store.getState().add(answerN(2));
    const drained = store.getState().drain();
    await Promise.resolve();
    expect(store.getState().remove(uuid(1))).toBe("sending");
    expect(store.getState().remove(uuid(2))).toBe("removed");
    expect(store.getState().remove(uuid(7))).toBe("absent");
    release();
    await drained;
    await store.getState().idle();
    expect(server.sent.map((s) => s.reviewId)).toEqual([uuid(1)]);
  });

  it("survives a reload: a new store restores waiting answers from storage", async () => {
    const storage = memoryStorage();
    const first = setup(() => "network-error", storage);
    first.store.getState().add(answerN(1));
    first.store.getState().add(answerN(2));
    expect(storage.map.has(QUEUE_STORAGE_KEY)).toBe(true);

    const second = setup((body) => stored(body), storage);
    expect(second.store.getState().items).toEqual([]); // hydration waits for the page
    await second.store.persist.rehydrate();
    expect(second.store.getState().items.map((i) => i.reviewId)).toEqual([uuid(1), uuid(2)]);
    await second.store.getState().drain();
    expect(second.server.sent.map((s) => s.response)).toEqual(["typed 1", "typed 2"]);
    expect(JSON.parse(storage.map.get(QUEUE_STORAGE_KEY)!).state.items).toEqual([]);
  });

  it("ignores the same answer enqueued twice", () => {
    const { store } = setup((body) => stored(body));
    store.getState().add(answerN(1));
    store.getState().add(answerN(1));
    expect(store.getState().items).toHaveLength(1);
  });
});
