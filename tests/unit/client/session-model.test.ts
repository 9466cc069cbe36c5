import { describe, expect, it } from "vitest";
import { cardFromJson, scheduleReview } from "@/lib/scheduling";
import {
  advance,
  answer,
  type AnswerInput,
  REQUEUE_WINDOW_MS,
  reveal,
  type SessionModel,
  setCardId,
  startSession,
  undo,
} from "@/lib/client/session-model";
import { sessionProgress, summarize } from "@/lib/client/session-summary";
import { later, newCard, question, sessionOf, T0, uuid } from "./fixtures";

const wrong = (n: number): AnswerInput => ({
  reviewId: uuid(n),
  rating: "again",
  verdict: "wrong",
  correct: false,
  response: "nope",
  durationMs: 4000,
});
const right = (n: number, rating: AnswerInput["rating"] = "easy"): AnswerInput => ({
  reviewId: uuid(n),
  rating,
  verdict: "exact",
  correct: true,
  response: "yes",
  durationMs: 1500,
});

function answered(model: SessionModel, input: AnswerInput, now: Date): SessionModel {
  const result = answer(model, input, now);
  if (!result) throw new Error("answer was not accepted");
  return result.model;
}

const clozeSession = (...ids: string[]) => startSession(sessionOf(ids.map((id) => newCard(question(id, "cloze")))), T0);

describe("session progression", () => {
  it("starts on the first card and counts distinct cards", () => {
    const model = clozeSession("a", "b", "c");
    expect(model.current?.question.id).toBe("a");
    expect(model.phase).toBe("question");
    expect(sessionProgress(model)).toEqual({ value: 0, max: 3 });
  });

  it("is done at once when the deck has nothing to study", () => {
    expect(clozeSession().phase).toBe("done");
  });

  it("keeps an answered auto-graded card on screen until the learner goes on", () => {
    let model = answered(clozeSession("a", "b"), right(1), later(2000));
    expect(model.phase).toBe("answered");
    expect(model.current?.question.id).toBe("a");
    expect(model.lastAnswer?.correct).toBe(true);
    model = advance(model, later(3000));
    expect(model.current?.question.id).toBe("b");
    expect(model.shownAt).toBe(later(3000).getTime());
  });

  it("ignores a second answer to the same card (double click)", () => {
    const model = answered(clozeSession("a", "b"), right(1), later(2000));
    expect(answer(model, right(2), later(2100))).toBeNull();
    expect(model.results).toHaveLength(1);
  });

  it("needs a flashcard revealed before it is graded, then moves straight on", () => {
    let model = startSession(sessionOf([newCard(question("f", "flashcard")), newCard(question("g", "cloze"))]), T0);
    expect(answer(model, right(1, "easy"), later(1000))).toBeNull();
    model = reveal(model);
    expect(model.phase).toBe("revealed");
    model = answered(model, right(1, "easy"), later(1000));
    expect(model.current?.question.id).toBe("g");
    expect(model.phase).toBe("question");
    expect(model.lastAnswer?.questionId).toBe("f");
  });

  it("brings an 'again' card back after the new cards, with its locally scheduled state", () => {
    let model = answered(clozeSession("a", "b"), wrong(1), later(1000));
    const expected = scheduleReview(cardFromJson(newCard(question("a", "cloze")).card), "again", later(1000), {
      desiredRetention: 0.9,
    }).card;
    expect(model.lastAnswer?.requeued).toBe(true);
    expect(model.learning.map((c) => c.question.id)).toEqual(["a"]);
    expect(model.learning[0]?.state).toEqual(expected);
    model = advance(model, later(2000));
    expect(model.current?.question.id).toBe("b");
    model = advance(answered(model, right(2), later(3000)), later(4000));
    // b was easy (out of the session); a comes back even though its step is not over yet.
    expect(model.current?.question.id).toBe("a");
    expect(model.current?.state.reps).toBe(1);
    expect(sessionProgress(model)).toEqual({ value: 1, max: 2 });
  });

  it("shows a learning card before new cards once it is due", () => {
    let model = advance(answered(clozeSession("a", "b", "c"), wrong(1), later(1000)), later(1500));
    const dueAt = model.learning[0]!.state.due;
    model = answered(model, right(2), new Date(dueAt.getTime() + 1000));
    model = advance(model, new Date(dueAt.getTime() + 2000));
    expect(model.current?.question.id).toBe("a");
    expect(model.pending.map((c) => c.question.id)).toEqual(["c"]);
  });

  it("requeues a 'good' new card when its next learning step falls inside the window", () => {
    const now = later(1000);
    const next = scheduleReview(cardFromJson(newCard(question("a", "cloze")).card), "good", now, {
      desiredRetention: 0.9,
    }).card;
    const model = answered(clozeSession("a", "b"), right(1, "good"), now);
    const inWindow = next.state !== "review" && next.due.getTime() - now.getTime() <= REQUEUE_WINDOW_MS;
    expect(model.lastAnswer?.requeued).toBe(inWindow);
    expect(model.finished).toBe(inWindow ? 0 : 1);
  });

  it("ends when nothing is left and summarises the session", () => {
    let model = clozeSession("a", "b");
    model = advance(answered(model, wrong(1), later(1000)), later(2000));
    model = advance(answered(model, right(2), later(3000)), later(4000));
    model = advance(answered(model, right(3), later(5000)), later(6000));
    expect(model.phase).toBe("done");
    expect(model.current).toBeNull();
    const summary = summarize(model);
    expect(summary).toEqual({
      answered: 3,
      correct: 2,
      correctPercent: 67,
      byRating: { again: 1, hard: 0, good: 0, easy: 2 },
      // Time spent answering (4 s + 1.5 s + 1.5 s), not the wall clock from first card to last.
      elapsedMs: 7000,
    });
  });
});

describe("undo", () => {
  it("restores the answered card, its state and the results", () => {
    const start = clozeSession("a", "b");
    let model = advance(answered(start, wrong(1), later(1000)), later(2000));
    model = undo(model, later(2500));
    expect(model.current).toEqual(start.current);
    expect(model.phase).toBe("question");
    expect(model.results).toEqual([]);
    expect(model.learning).toEqual([]);
    expect(model.pending.map((c) => c.question.id)).toEqual(["b"]);
    expect(model.undoStack).toEqual([]);
    expect(model.shownAt).toBe(later(2500).getTime());
  });

  it("can undo from the answered screen and uses the server's card state when given", () => {
    const start = clozeSession("a");
    const model = answered(start, right(1), later(1000));
    const serverState = { ...start.current!.state, difficulty: 4.2 };
    const restored = undo(model, later(1500), serverState);
    expect(restored.current?.state).toEqual(serverState);
    expect(restored.finished).toBe(0);
  });

  it("undoes several answers in reverse order, then has nothing left to undo", () => {
    let model = clozeSession("a", "b");
    model = advance(answered(model, right(1), later(1000)), later(1100));
    model = advance(answered(model, right(2), later(2000)), later(2100));
    expect(model.phase).toBe("done");
    model = undo(model, later(3000));
    expect(model.current?.question.id).toBe("b");
    expect(model.endedAt).toBeNull();
    model = undo(model, later(3100));
    expect(model.current?.question.id).toBe("a");
    expect(undo(model, later(3200))).toBe(model);
  });

  it("keeps server card ids learnt after the first answer", () => {
    const model = setCardId(
      advance(answered(clozeSession("a", "b"), wrong(1), later(1000)), later(1100)),
      "a",
      "card-a",
    );
    expect(model.learning[0]?.cardId).toBe("card-a");
    expect(model.current?.cardId).toBeNull();
  });
});

describe("loading", () => {
  it("leaves out questions whose answers are still waiting to be saved", () => {
    const data = sessionOf(["a", "b", "c"].map((id) => newCard(question(id, "cloze"))));
    const model = startSession(data, T0, new Set(["a", "c"]));
    expect(model.current?.question.id).toBe("b");
    expect(model.pending).toEqual([]);
    expect(model.total).toBe(1);
  });
});
