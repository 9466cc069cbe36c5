import { describe, expect, it } from "vitest";
import type { ReviewSubmission } from "@/lib/api/study-contract";
import { cardToJson } from "@/lib/scheduling";
import { createReviewQueueStore } from "@/lib/client/review-queue";
import {
  overrideLastAnswer,
  submitAnswer,
  UNDO_OFFLINE_MESSAGE,
  undoLastAnswer,
  type StudyDeps,
} from "@/lib/client/study-commands";
import { createStudySessionStore } from "@/lib/client/study-session";
import { later, newCard, question, sessionOf, T0, uuid } from "./fixtures";

type Route = (url: string, body: ReviewSubmission | null) => Response | "network-error";

function setup(route: Route) {
  const calls: string[] = [];
  const fetch: StudyDeps["fetch"] = async (url, init) => {
    calls.push(url);
    const reply = route(url, init?.body ? (JSON.parse(String(init.body)) as ReviewSubmission) : null);
    if (reply === "network-error") throw new TypeError("Failed to fetch");
    return reply;
  };
  let now = later(2000);
  let ids = 0;
  const session = createStudySessionStore();
  const queue = createReviewQueueStore({ fetch, now: () => now, storage: () => undefined });
  const deps: StudyDeps = { session, queue, fetch, now: () => now, newId: () => uuid(++ids) };
  const cards = [
    newCard(question("mc", "multiple_choice", { answer: "Tokyo", choices: ["Osaka", "Tokyo", "Kyoto", "Nara"] })),
    newCard(question("fc", "flashcard")),
  ];
  session.getState().loaded(sessionOf(cards), T0);
  return { deps, session, queue, calls, setNow: (d: Date) => (now = d) };
}

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
const storedReply = (b: ReviewSubmission) =>
  ok({ status: "stored", reviewId: b.reviewId, cardId: "card-1", rating: "good", correct: true, card: {} });

describe("submitAnswer", () => {
  it("grades locally, queues one answer with its timing, and ignores a double submit", async () => {
    const { deps, session, queue } = setup((_url, body) => storedReply(body!));
    const id = submitAnswer(deps, { response: "Tokyo" });
    expect(submitAnswer(deps, { response: "Tokyo" })).toBeNull();
    expect(id).toBe(uuid(1));
    const record = session.getState().model?.lastAnswer;
    expect(record).toMatchObject({ verdict: "exact", correct: true, durationMs: 2000, response: "Tokyo" });
    await queue.getState().idle();
    expect(queue.getState().items).toEqual([]);
  });

  it("takes a rating only for flashcards, and a response only for the other types", () => {
    const { deps, session } = setup(() => "network-error");
    expect(submitAnswer(deps, { rating: "good" })).toBeNull();
    submitAnswer(deps, { response: "Osaka" });
    session.getState().advance(later(2500));
    session.getState().reveal();
    expect(submitAnswer(deps, { response: "anything" })).toBeNull();
    expect(submitAnswer(deps, { rating: "hard" })).toBe(uuid(2));
    expect(session.getState().model?.results.map((r) => [r.questionId, r.rating])).toEqual([
      ["mc", "again"],
      ["fc", "hard"],
    ]);
  });
});

describe("undoLastAnswer", () => {
  it("takes an unsent answer out of the queue without calling the server", async () => {
    const { deps, session, queue, calls } = setup(() => "network-error");
    submitAnswer(deps, { response: "Tokyo" });
    await queue.getState().idle();
    expect(queue.getState().items).toHaveLength(1);
    const before = calls.length;
    expect(await undoLastAnswer(deps)).toEqual({ kind: "local" });
    expect(queue.getState().items).toEqual([]);
    expect(calls).toHaveLength(before);
    expect(session.getState().model?.current?.question.id).toBe("mc");
    expect(session.getState().model?.results).toEqual([]);
  });

  it("undoes a saved answer on the server and takes the server's card state", async () => {
    const serverCard = { ...newCard(question("mc", "cloze")).card, difficulty: 5.5 };
    const { deps, session, queue, calls } = setup((url, body) =>
      url.endsWith("/undo") ? ok({ card: serverCard }) : storedReply(body!),
    );
    const id = submitAnswer(deps, { response: "Tokyo" })!;
    await queue.getState().idle();
    expect(await undoLastAnswer(deps)).toEqual({ kind: "server" });
    expect(calls.at(-1)).toBe(`/api/reviews/${id}/undo`);
    expect(cardToJson(session.getState().model!.current!.state)).toEqual(serverCard);
    expect(session.getState().model?.phase).toBe("question");
  });

  it("keeps a saved answer and says so when undo cannot reach the server", async () => {
    let online = true;
    const { deps, session, queue } = setup((_url, body) => (online ? storedReply(body!) : "network-error"));
    submitAnswer(deps, { response: "Tokyo" });
    await queue.getState().idle();
    online = false;
    expect(await undoLastAnswer(deps)).toEqual({ kind: "offline", message: UNDO_OFFLINE_MESSAGE });
    expect(session.getState().notice).toBe(UNDO_OFFLINE_MESSAGE);
    expect(session.getState().model?.results).toHaveLength(1);
    expect(session.getState().model?.undoStack).toHaveLength(1);
  });

  it("shows the server's reason when it refuses", async () => {
    const refusal = { error: { code: "not_latest_review", message: "Only the latest answer can be undone." } };
    const { deps, session, queue } = setup((url, body) =>
      url.endsWith("/undo") ? new Response(JSON.stringify(refusal), { status: 409 }) : storedReply(body!),
    );
    submitAnswer(deps, { response: "Tokyo" });
    await queue.getState().idle();
    expect(await undoLastAnswer(deps)).toEqual({ kind: "rejected", message: "Only the latest answer can be undone." });
    expect(session.getState().model?.results).toHaveLength(1);
  });

  it("waits for an answer being sent, then undoes it on the server", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { deps, session, calls } = setup((url, body) =>
      url.endsWith("/undo") ? ok({ card: newCard(question("mc", "cloze")).card }) : storedReply(body!),
    );
    const slowFetch = deps.fetch;
    const queue = createReviewQueueStore({
      fetch: async (url, init) => {
        if (!url.endsWith("/undo")) await gate;
        return slowFetch(url, init);
      },
      now: deps.now,
      storage: () => undefined,
    });
    const slowDeps = { ...deps, queue };
    submitAnswer(slowDeps, { response: "Tokyo" });
    await Promise.resolve();
    expect(queue.getState().sending).toBe(uuid(1));
    const undone = undoLastAnswer(slowDeps);
    release();
    expect(await undone).toEqual({ kind: "server" });
    expect(calls.map((c) => c.replace(uuid(1), "ID"))).toEqual(["/api/reviews", "/api/reviews/ID/undo"]);
    expect(session.getState().model?.results).toEqual([]);
  });

  it("has nothing to undo at the start", async () => {
    const { deps } = setup(() => "network-error");
    expect(await undoLastAnswer(deps)).toEqual({ kind: "nothing" });
  });
});

describe("overrideLastAnswer", () => {
  it("takes back a saved, rejected typed answer on the server and sends it again as an overridden pass", async () => {
    const sent: Array<[string, ReviewSubmission | null]> = [];
    const serverCard = newCard(question("cz", "cloze")).card;
    const fetch: StudyDeps["fetch"] = async (url, init) => {
      const body = init?.body ? (JSON.parse(String(init.body)) as ReviewSubmission) : null;
      sent.push([url, body]);
      return url.endsWith("/undo") ? ok({ card: serverCard }) : storedReply(body!);
    };
    const session = createStudySessionStore();
    const queue = createReviewQueueStore({ fetch, now: () => later(2000), storage: () => undefined });
    let ids = 0;
    const deps: StudyDeps = { session, queue, fetch, now: () => later(4000), newId: () => uuid(++ids) };
    session.getState().loaded(sessionOf([newCard(question("cz", "cloze", { answer: "John Frank Stevens" }))]), T0);
    submitAnswer(deps, { response: "Stevens" });
    expect(session.getState().model!.lastAnswer).toMatchObject({ correct: false, rating: "again" });
    await queue.getState().idle();

    expect(await overrideLastAnswer(deps)).toBe(uuid(2));
    await queue.getState().idle();
    const model = session.getState().model!;
    expect(model.lastAnswer).toMatchObject({ correct: true, rating: "good", overridden: true, response: "Stevens" });
    expect(model.lastAnswer!.durationMs).toBe(model.results[0]!.durationMs);
    expect(model.results).toHaveLength(1);
    expect(sent.map(([url, b]) => [url, b?.reviewId ?? null, b?.override ?? null])).toEqual([
      ["/api/reviews", uuid(1), null],
      [`/api/reviews/${uuid(1)}/undo`, null, null],
      ["/api/reviews", uuid(2), true],
    ]);
    // An overridden answer cannot be overridden again.
    expect(await overrideLastAnswer(deps)).toBeNull();
  });
});
