import { describe, expect, it } from "vitest";
import { closeQuestion, currentRound, nextWakeAt, setConnected, startGame, submitAnswer, tick } from "@/lib/live";
import { DURATION, T0, expectLiveError, gameWithPlayers } from "./helpers";

const START = T0 + 10_000;

function started(names = ["Ann", "Ben", "Cy"]) {
  const setup = gameWithPlayers(names);
  startGame(setup.game, START);
  return setup;
}

describe("answer timing", () => {
  it("accepts an answer exactly at the deadline, with the base points only", () => {
    const { game, ids } = started();
    const deadline = START + DURATION;
    expect(currentRound(game)?.deadline).toBe(deadline);
    const answer = submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, deadline);
    expect(answer).toMatchObject({ correct: true, points: 500, responseMs: DURATION });
    expect(game.phase).toBe("question");
  });

  it("refuses an answer 1 ms after the deadline and closes the question", () => {
    const { game, ids } = started();
    expectLiveError(
      () => submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + DURATION + 1),
      "answer_late",
    );
    expect(game.phase).toBe("reveal");
    expect(currentRound(game)?.answers.size).toBe(0);
    expect(currentRound(game)?.closedBy).toBe("deadline");
  });

  it("keeps the question open on a tick exactly at the deadline and closes it 1 ms later", () => {
    const { game } = started();
    const deadline = START + DURATION;
    expect(tick(game, deadline)).toBe(false);
    expect(game.phase).toBe("question");
    expect(nextWakeAt(game)).toBe(deadline + 1);
    expect(tick(game, deadline + 1)).toBe(true);
    expect(game.phase).toBe("reveal");
    expect(currentRound(game)?.closedAt).toBe(deadline);
    expect(tick(game, deadline + 5000)).toBe(false);
    expect(nextWakeAt(game)).toBeNull();
  });

  it("accepts a Date as well as epoch ms", () => {
    const { game, ids } = started();
    const answer = submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 1 }, new Date(START + 4000));
    expect(answer).toMatchObject({ responseMs: 4000, correct: false, points: 0 });
  });

  it("refuses a second answer from the same player and keeps the first", () => {
    const { game, ids } = started();
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 1 }, START + 1000);
    expectLiveError(
      () => submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 2000),
      "duplicate_answer",
    );
    const round = currentRound(game)!;
    expect(round.answers.get(ids[0]!)?.choiceIndex).toBe(1);
    expect(round.counts).toEqual([0, 1, 0, 0]);
  });

  it("refuses answers in the wrong phase, for another question, or to a missing choice", () => {
    const { game, ids } = gameWithPlayers(["Ann", "Ben"]);
    expectLiveError(() => submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 0 }, START), "wrong_phase");
    startGame(game, START);
    expectLiveError(
      () => submitAnswer(game, ids[0]!, { questionIndex: 1, choiceIndex: 0 }, START + 1),
      "wrong_question",
    );
    expectLiveError(
      () => submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 4 }, START + 1),
      "invalid_choice",
    );
    expectLiveError(
      () => submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: -1 }, START + 1),
      "invalid_choice",
    );
    expectLiveError(
      () => submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 1.5 }, START + 1),
      "invalid_choice",
    );
    expectLiveError(() => submitAnswer(game, "p99", { questionIndex: 0, choiceIndex: 0 }, START + 1), "unknown_player");
  });

  it("refuses an in-time answer after the host closed the question early", () => {
    const { game, ids } = started();
    closeQuestion(game, START + 3000);
    expect(game.phase).toBe("reveal");
    expect(currentRound(game)?.closedBy).toBe("host");
    expectLiveError(
      () => submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 3001),
      "question_closed",
    );
  });

  it("computes points on the server from the response time", () => {
    const { game, ids } = started();
    const fast = submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 5000);
    const wrong = submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 0 }, START + 1000);
    // 500 + 500 × 15 000 / 20 000 = 875
    expect(fast).toMatchObject({ correct: true, points: 875, responseMs: 5000 });
    expect(wrong).toMatchObject({ correct: false, points: 0, responseMs: 1000 });
  });
});

describe("early reveal", () => {
  it("reveals as soon as every connected player has answered", () => {
    const { game, ids } = started();
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 2 }, START + 2000);
    expect(game.phase).toBe("question");
    submitAnswer(game, ids[2]!, { questionIndex: 0, choiceIndex: 0 }, START + 3000);
    expect(game.phase).toBe("reveal");
    expect(currentRound(game)).toMatchObject({ closedBy: "all_answered", closedAt: START + 3000 });
  });

  it("does not wait for a player who dropped before the round and stayed away past the grace period", () => {
    const { game, ids } = gameWithPlayers(["Ann", "Ben", "Cy"]);
    setConnected(game, ids[2]!, false, T0 + 100);
    // Cy's 15 s grace period ends at T0 + 15 100, before this round opens.
    const start = T0 + 20_000;
    startGame(game, start);
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, start + 1000);
    expect(game.phase).toBe("question");
    submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 2 }, start + 1500);
    expect(game.phase).toBe("reveal");
    expect(currentRound(game)?.closedBy).toBe("all_answered");
  });

  it("counts an answer from a player who later disconnects and reconnects exactly once", () => {
    const { game, ids } = started(["Ann", "Ben"]);
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    setConnected(game, ids[0]!, false, START + 1100);
    setConnected(game, ids[0]!, true, START + 1200);
    expect(game.phase).toBe("question");
    submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 2 }, START + 1300);
    expect(game.phase).toBe("reveal");
  });
});
