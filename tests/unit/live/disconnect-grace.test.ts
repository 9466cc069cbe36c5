import { describe, expect, it } from "vitest";
import {
  DISCONNECT_GRACE_MS,
  closeQuestion,
  currentRound,
  nextWakeAt,
  playerView,
  setConnected,
  startGame,
  submitAnswer,
  tick,
} from "@/lib/live";
import { DURATION, T0, gameWithPlayers } from "./helpers";

const START = T0 + 10_000;

/** Three players in question 1 (correct choice 2); Ann and Ben answer, Cy is the one whose connection drops. */
function twoAnsweredOneDrops(dropAt = START + 3000) {
  const setup = gameWithPlayers(["Ann", "Ben", "Cy"]);
  const { game, ids } = setup;
  startGame(game, START);
  submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
  submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 0 }, START + 2000);
  setConnected(game, ids[2]!, false, dropAt);
  return { ...setup, cy: ids[2]! };
}

describe("a dropped connection during a round", () => {
  it("does not close the round while the player is inside the grace period", () => {
    const { game } = twoAnsweredOneDrops();
    expect(game.phase).toBe("question");
    expect(tick(game, START + 3000 + DISCONNECT_GRACE_MS - 1)).toBe(false);
    expect(game.phase).toBe("question");
  });

  it("lets a player who comes back answer, scored by the server's receipt time", () => {
    const { game, cy } = twoAnsweredOneDrops();
    setConnected(game, cy, true, START + 4500);
    const view = playerView(game, cy, START + 4500);
    expect(view.phase).toBe("question");
    expect(view.question?.deadline).toBe(START + DURATION);
    expect(view.myAnswer).toBeNull();
    const answer = submitAnswer(game, cy, { questionIndex: 0, choiceIndex: 2 }, START + 5000);
    // 500 + 500 × 15 000 / 20 000
    expect(answer).toMatchObject({ correct: true, responseMs: 5000, points: 875 });
    // Everyone present has now answered: the round closes early, and Cy is scored.
    expect(currentRound(game)).toMatchObject({ closedBy: "all_answered", closedAt: START + 5000 });
    expect(game.players.get(cy)).toMatchObject({ score: 875, correctCount: 1 });
  });

  it("keeps an answer given before the drop, and shows it after the player comes back", () => {
    const { game, ids } = gameWithPlayers(["Ann", "Ben", "Cy"]);
    startGame(game, START);
    submitAnswer(game, ids[2]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    setConnected(game, ids[2]!, false, START + 1500);
    setConnected(game, ids[2]!, true, START + 2500);
    expect(playerView(game, ids[2]!, START + 2500).myAnswer).toEqual({ choiceIndex: 2, responseMs: 1000 });
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 3000);
    submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 1 }, START + 3500);
    expect(game.phase).toBe("reveal");
    expect(game.players.get(ids[2]!)).toMatchObject({ score: 975, correctCount: 1 });
  });

  it("an answered player who drops does not hold the round open", () => {
    const { game, ids } = gameWithPlayers(["Ann", "Ben"]);
    startGame(game, START);
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    setConnected(game, ids[0]!, false, START + 1500);
    submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 2 }, START + 2000);
    expect(currentRound(game)?.closedBy).toBe("all_answered");
  });

  it("closes the round when the grace period ends, if everyone else has answered", () => {
    const dropAt = START + 3000;
    const { game, cy } = twoAnsweredOneDrops(dropAt);
    expect(nextWakeAt(game)).toBe(dropAt + DISCONNECT_GRACE_MS);
    expect(tick(game, dropAt + DISCONNECT_GRACE_MS)).toBe(true);
    expect(currentRound(game)).toMatchObject({ closedBy: "all_answered", closedAt: dropAt + DISCONNECT_GRACE_MS });
    // Cy played the round without answering: no points, counted for accuracy.
    expect(game.players.get(cy)).toMatchObject({ score: 0, roundsPlayed: 1 });
  });

  it("ends the grace period at the deadline when that comes first", () => {
    const dropAt = START + DURATION - 5000;
    const { game } = twoAnsweredOneDrops(dropAt);
    expect(nextWakeAt(game)).toBe(START + DURATION + 1);
    expect(tick(game, START + DURATION)).toBe(false);
    expect(tick(game, START + DURATION + 1)).toBe(true);
    expect(currentRound(game)?.closedBy).toBe("deadline");
  });

  it("waits for a dropped player who has not answered, even after everyone else has", () => {
    const { game, ids } = gameWithPlayers(["Ann", "Ben", "Cy"]);
    startGame(game, START);
    setConnected(game, ids[2]!, false, START + 500);
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 2 }, START + 1500);
    expect(game.phase).toBe("question");
  });

  it("still reveals at once when the host says so", () => {
    const { game } = twoAnsweredOneDrops();
    closeQuestion(game, START + 4000);
    expect(currentRound(game)?.closedBy).toBe("host");
  });
});
