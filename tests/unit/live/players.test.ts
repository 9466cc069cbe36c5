import { describe, expect, it } from "vitest";
import {
  advance,
  closeQuestion,
  endGame,
  joinGame,
  playerView,
  resumePlayer,
  startGame,
  submitAnswer,
  tick,
} from "@/lib/live";
import { DURATION, T0, counterTokens, expectLiveError, gameWithPlayers, makeGame } from "./helpers";

const START = T0 + 10_000;

describe("joining", () => {
  it("gives each player an id and the injected token, in join order", () => {
    const game = makeGame();
    const tokens = counterTokens("secret");
    const a = joinGame(game, "Ann", T0, tokens);
    const b = joinGame(game, "Ben", T0 + 1, tokens);
    expect(a.player).toMatchObject({ id: "p1", joinOrder: 1, score: 0, connected: true });
    expect(b.player).toMatchObject({ id: "p2", joinOrder: 2 });
    expect(a.resumeToken).toBe("secret-0001");
    expect(b.resumeToken).toBe("secret-0002");
    expect(a.player.id).not.toBe(a.resumeToken);
  });

  it("refuses a token generator that repeats itself", () => {
    const game = makeGame();
    joinGame(game, "Ann", T0, () => "same-token-1");
    expectLiveError(() => joinGame(game, "Ben", T0, () => "same-token-1"), "token_collision");
    expect(game.players.size).toBe(1);
  });

  it("refuses late joins when they are off", () => {
    const { game } = gameWithPlayers(["Ann"]);
    startGame(game, START);
    expectLiveError(() => joinGame(game, "Ben", START + 1, counterTokens("x")), "late_join_disabled");
  });

  it("refuses joins to a full game", () => {
    const { game } = gameWithPlayers(["Ann", "Ben"], { maxPlayers: 2 });
    expectLiveError(() => joinGame(game, "Cy", T0 + 5, counterTokens("x")), "game_full");
  });

  it("refuses joins to a finished game, even with late join on", () => {
    const { game } = gameWithPlayers(["Ann"], { allowLateJoin: true });
    startGame(game, START);
    endGame(game, START + 100);
    expectLiveError(() => joinGame(game, "Ben", START + 200, counterTokens("x")), "game_finished");
  });
});

describe("joining in the middle", () => {
  it("starts at 0 and may answer the open question before its deadline", () => {
    const { game, ids } = gameWithPlayers(["Ann"], { allowLateJoin: true });
    startGame(game, START);
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 2000);
    // Ann was the only connected player, so the question revealed; move to question 2.
    advance(game, START + 3000);
    advance(game, START + 4000);
    const q2Start = START + 4000;
    const { player: late } = joinGame(game, "Late", q2Start + 5000, counterTokens("late"));
    expect(late.score).toBe(0);
    const view = playerView(game, late.id, q2Start + 5000);
    expect(view.me).toMatchObject({ score: 0, rank: 2, roundsPlayed: 0, accuracy: null });
    // Response time counts from when the question opened, not from the join.
    const answer = submitAnswer(game, late.id, { questionIndex: 1, choiceIndex: 0 }, q2Start + 6000);
    expect(answer).toMatchObject({
      correct: true,
      responseMs: 6000,
      points: 500 + Math.round((500 * 14_000) / 20_000),
    });
    closeQuestion(game, q2Start + 7000);
    expect(game.players.get(late.id)).toMatchObject({ score: 850, roundsPlayed: 1, correctCount: 1 });
  });

  it("cannot answer once the deadline has passed, and is not counted for that question", () => {
    const { game } = gameWithPlayers(["Ann"], { allowLateJoin: true });
    startGame(game, START);
    const { player } = joinGame(game, "Late", START + DURATION + 1, counterTokens("late"));
    expect(game.phase).toBe("reveal");
    expectLiveError(
      () => submitAnswer(game, player.id, { questionIndex: 0, choiceIndex: 2 }, START + DURATION + 2),
      "answer_late",
    );
    expect(player.roundsPlayed).toBe(0);
    expect(playerView(game, player.id, START + DURATION + 3).result).toBeNull();
  });
});

describe("reconnecting", () => {
  it("resumes the same player with score and current answer", () => {
    const { game, ids, resumeTokens } = gameWithPlayers(["Ann", "Ben"]);
    startGame(game, START);
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 1 }, START + 1000);
    advance(game, START + 2000);
    advance(game, START + 3000);
    submitAnswer(game, ids[0]!, { questionIndex: 1, choiceIndex: 1 }, START + 4000);

    const again = resumePlayer(game, resumeTokens[0]!);
    expect(again.id).toBe(ids[0]);
    const view = playerView(game, again.id, START + 4500);
    expect(view.me.score).toBe(500 + Math.round((500 * 19_000) / 20_000));
    expect(view.me.rank).toBe(1);
    expect(view.myAnswer).toEqual({ choiceIndex: 1, responseMs: 1000 });
    expect(view.phase).toBe("question");
  });

  it("refuses an unknown token", () => {
    const { game } = gameWithPlayers(["Ann"]);
    expectLiveError(() => resumePlayer(game, "not-a-token"), "unknown_token");
  });

  it("still resumes after the game has finished", () => {
    const { game, ids, resumeTokens } = gameWithPlayers(["Ann"]);
    startGame(game, START);
    tick(game, START + DURATION + 1);
    endGame(game, START + DURATION + 2);
    expect(resumePlayer(game, resumeTokens[0]!).id).toBe(ids[0]);
  });
});
