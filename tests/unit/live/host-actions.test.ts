import { describe, expect, it } from "vitest";
import { applyHostAction, currentRound, isHostToken, startGame, submitAnswer, type HostAction } from "@/lib/live";
import { DURATION, T0, expectLiveError, gameWithPlayers, makeGame } from "./helpers";

const START = T0 + 10_000;

describe("host actions", () => {
  it("checks the host token exactly", () => {
    const game = makeGame();
    expect(isHostToken(game, "host-secret-token")).toBe(true);
    expect(isHostToken(game, "host-secret-toke")).toBe(false);
    expect(isHostToken(game, "host-secret-tokeN")).toBe(false);
    expect(isHostToken(game, "")).toBe(false);
  });

  it("cannot start without players", () => {
    const game = makeGame();
    expectLiveError(() => startGame(game, START), "no_players");
    expect(game.phase).toBe("lobby");
  });

  it("walks lobby → question → reveal → leaderboard → question via dispatched actions", () => {
    const { game, ids } = gameWithPlayers(["Ann", "Ben"]);
    const run = (action: HostAction, at: number) => applyHostAction(game, action, at);
    expectLiveError(() => run({ type: "next" }, START), "wrong_phase");
    expectLiveError(() => run({ type: "close_question" }, START), "wrong_phase");
    run({ type: "start" }, START);
    expect(game).toMatchObject({ phase: "question", questionIndex: 0 });
    expectLiveError(() => run({ type: "start" }, START + 1), "wrong_phase");
    expectLiveError(() => run({ type: "next" }, START + 1), "wrong_phase");
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    run({ type: "close_question" }, START + 2000);
    expect(game.phase).toBe("reveal");
    expect(currentRound(game)).toMatchObject({ closedBy: "host", closedAt: START + 2000, eligibleCount: 2 });
    run({ type: "next" }, START + 3000);
    expect(game.phase).toBe("leaderboard");
    run({ type: "next" }, START + 4000);
    expect(game).toMatchObject({ phase: "question", questionIndex: 1 });
    expect(currentRound(game)).toMatchObject({ startedAt: START + 4000, deadline: START + 4000 + DURATION });
  });

  it("a close that arrives after the deadline leaves the deadline as the closing reason", () => {
    const { game } = gameWithPlayers(["Ann"]);
    startGame(game, START);
    applyHostAction(game, { type: "close_question" }, START + DURATION + 50);
    expect(currentRound(game)).toMatchObject({ closedBy: "deadline", closedAt: START + DURATION });
  });

  it("ending mid-question discards that question and finishes", () => {
    const { game, ids } = gameWithPlayers(["Ann", "Ben"]);
    startGame(game, START);
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    applyHostAction(game, { type: "next" }, START + 2000);
    applyHostAction(game, { type: "next" }, START + 3000);
    submitAnswer(game, ids[0]!, { questionIndex: 1, choiceIndex: 0 }, START + 4000);
    applyHostAction(game, { type: "end" }, START + 5000);
    expect(game).toMatchObject({ phase: "finished", finishedAt: START + 5000, questionIndex: 0 });
    expect(game.rounds).toHaveLength(1);
    expect(game.players.get(ids[0]!)).toMatchObject({ roundsPlayed: 1, score: 975 });
    expectLiveError(() => applyHostAction(game, { type: "end" }, START + 6000), "wrong_phase");
  });

  it("ending from the lobby finishes without rounds", () => {
    const { game } = gameWithPlayers(["Ann"]);
    applyHostAction(game, { type: "end" }, START);
    expect(game.phase).toBe("finished");
    expect(game.rounds).toHaveLength(0);
  });
});
