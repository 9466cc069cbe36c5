import { describe, expect, it } from "vitest";
import type { ReviewSubmission } from "@/lib/api/study-contract";
import { cardToJson } from "@/lib/scheduling";
import { createReviewQueueStore } from "@/lib/client/review-queue";
import { createStudySessionStore, UNDO_OFFLINE_MESSAGE, type StudyDeps } from "@/lib/client/study-session";
import { later, newCard, question, sessionOf, T0, uuid } from "./fixtures";

type Route = (url: string, body: ReviewSubmission | null) => Response | "network-error";

/** `queueFetch` lets a test hold the queue's sends back while undo goes through. */
function setup(route: Route, queueFetch?: (fetch: StudyDeps["fetch"]) => StudyDeps["fetch"]) {
  const calls: string[] = [];
  const fetch: StudyDeps["fetch"] = async (url, init) => {
    calls.push(url);
    const reply = route(url, init?.body ? (JSON.parse(String(init.body)) as ReviewSubmission) : null);
    if (reply === "network-error") throw new TypeError("Failed to fetch");
    return reply;
  };
  let now = later(2000);
  let ids = 0;
  const queue = createReviewQueueStore({
    fetch: queueFetch ? queueFetch(fetch) : fetch,
    now: () => now,
    storage: () => undefined,
  });
  const session = createStudySessionStore({ queue, fetch, now: () => now, newId: () => uuid(++ids) });
  const act = session.getState();
  const cards = [
    newCard(question("mc", "multiple_choice", { answer: "Tokyo", choices: ["Osaka", "Tokyo", "Kyoto", "Nara"] })),
    newCard(question("fc", "flashcard")),
  ];
  session.getState().loaded(sessionOf(cards), T0);
  return { act, session, queue, calls, setNow: (d: Date) => (now = d) };
}

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
const storedReply = (b: ReviewSubmission) =>
  ok({ status: "stored", reviewId: b.reviewId, cardId: "card-1", rating: "good", correct: true, card: {} });

describe("answering", () => {
  it("grades locally, queues one answer with its timing, and ignores a double submit", async () => {
    const { act, session, queue } = setup((_url, body) => storedReply(body!));
    const id = act.respond("Tokyo");
    expect(act.respond("Tokyo")).toBeNull();
    expect(id).toBe(uuid(1));
    const record = session.getState().model?.lastAnswer;
    expect(record).toMatchObject({ verdict: "exact", correct: true, durationMs: 2000, response: "Tokyo" });
    await queue.getState().idle();
    expect(queue.getState().items).toEqual([]);
  });

  it("takes a rating only for flashcards, and a response only for the other types", () => {
    const { act, session, setNow } = setup(() => "network-error");
    expect(act.grade("good")).toBeNull();
    act.respond("Osaka");
    setNow(later(2500));
    act.next();
    session.getState().reveal();
    expect(act.respond("anything")).toBeNull();
    expect(act.grade("hard")).toBe(uuid(2));
    expect(session.getState().model?.results.map((r) => [r.questionId, r.rating])).toEqual([
      ["mc", "again"],
      ["fc", "hard"],
    ]);
  });
});

describe("undo", () => {
  it("takes an unsent answer out of the queue without calling the server", async () => {
    const { act, session, queue, calls } = setup(() => "network-error");
    act.respond("Tokyo");
    await queue.getState().idle();
    expect(queue.getState().items).toHaveLength(1);
    const before = calls.length;
    expect(await act.undo()).toEqual({ kind: "local" });
    expect(queue.getState().items).toEqual([]);
    expect(calls).toHaveLength(before);
    expect(session.getState().model?.current?.question.id).toBe("mc");
    expect(session.getState().model?.results).toEqual([]);
  });

  it("undoes a saved answer on the server and takes the server's card state", async () => {
    const serverCard = { ...newCard(question("mc", "cloze")).card, difficulty: 5.5 };
    const { act, session, queue, calls } = setup((url, body) =>
      url.endsWith("/undo") ? ok({ card: serverCard }) : storedReply(body!),
    );
    const id = act.respond("Tokyo")!;
    await queue.getState().idle();
    expect(await act.undo()).toEqual({ kind: "server" });
    expect(calls.at(-1)).toBe(`/api/reviews/${id}/undo`);
    expect(cardToJson(session.getState().model!.current!.state)).toEqual(serverCard);
    expect(session.getState().model?.phase).toBe("question");
  });

  it("keeps a saved answer and says so when undo cannot reach the server", async () => {
    let online = true;
    const { act, session, queue } = setup((_url, body) => (online ? storedReply(body!) : "network-error"));
    act.respond("Tokyo");
    await queue.getState().idle();
    online = false;
    expect(await act.undo()).toEqual({ kind: "offline", message: UNDO_OFFLINE_MESSAGE });
    expect(session.getState().notice).toBe(UNDO_OFFLINE_MESSAGE);
    expect(session.getState().model?.results).toHaveLength(1);
    expect(session.getState().model?.undoStack).toHaveLength(1);
  });

  it("shows the server's reason when it refuses", async () => {
    const refusal = { error: { code: "not_latest_review", message: "Only the latest answer can be undone." } };
    const { act, session, queue } = setup((url, body) =>
      url.endsWith("/undo") ? new Response(JSON.stringify(refusal), { status: 409 }) : storedReply(body!),
    );
    act.respond("Tokyo");
    await queue.getState().idle();
    expect(await act.undo()).toEqual({ kind: "rejected", message: "Only the latest answer can be undone." });
    expect(session.getState().model?.results).toHaveLength(1);
  });

  it("waits for an answer being sent, then undoes it on the server", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { act, session, queue, calls } = setup(
      (url, body) => (url.endsWith("/undo") ? ok({ card: newCard(question("mc", "cloze")).card }) : storedReply(body!)),
      (fetch) => async (url, init) => {
        if (!url.endsWith("/undo")) await gate;
        return fetch(url, init);
      },
    );
    act.respond("Tokyo");
    await Promise.resolve();
    expect(queue.getState().sending).toBe(uuid(1));
    const undone = act.undo();
    release();
    expect(await undone).toEqual({ kind: "server" });
    expect(calls.map((c) => c.replace(uuid(1), "ID"))).toEqual(["/api/reviews", "/api/reviews/ID/undo"]);
    expect(session.getState().model?.results).toEqual([]);
  });

  it("has nothing to undo at the start", async () => {
    const { act } = setup(() => "network-error");
    expect(await act.undo()).toEqual({ kind: "nothing" });
  });
});

describe("override", () => {
  it("takes back a saved, rejected typed answer on the server and sends it again as an overridden pass", async () => {
    const sent: Array<[string, ReviewSubmission | null]> = [];
    const serverCard = newCard(question("cz", "cloze")).card;
    const fetch: StudyDeps["fetch"] = async (url, init) => {
      const body = init?.body ? (JSON.parse(String(init.body)) as ReviewSubmission) : null;
      sent.push([url, body]);
      return url.endsWith("/undo") ? ok({ card: serverCard }) : storedReply(body!);
    };
    const queue = createReviewQueueStore({ fetch, now: () => later(2000), storage: () => undefined });
    let ids = 0;
    const session = createStudySessionStore({ queue, fetch, now: () => later(4000), newId: () => uuid(++ids) });
    const act = session.getState();
    session.getState().loaded(sessionOf([newCard(question("cz", "cloze", { answer: "John Frank Stevens" }))]), T0);
    act.respond("Stevens");
    expect(session.getState().model!.lastAnswer).toMatchObject({ correct: false, rating: "again" });
    await queue.getState().idle();

    expect(await act.override()).toBe(uuid(2));
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
    expect(await act.override()).toBeNull();
  });
});
