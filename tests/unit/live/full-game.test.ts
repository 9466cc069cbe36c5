import { describe, expect, it } from "vitest";
import { advance, hostView, playerView, startGame, submitAnswer, tick } from "@/lib/live";
import { DURATION, T0, gameWithPlayers } from "./helpers";

describe("a full three-question game", () => {
  it("runs from lobby to podium with the expected scores and reports", () => {
    const { game, ids } = gameWithPlayers(["Ann", "Ben", "Cy"]);
    const [ann, ben, cy] = ids as [string, string, string];
    const answer = (id: string, q: number, choiceIndex: number, at: number) =>
      submitAnswer(game, id, { questionIndex: q, choiceIndex }, at);

    // Q1: Paris (2) is correct. Everyone answers, so it reveals early.
    const s1 = T0 + 10_000;
    startGame(game, s1);
    answer(ann, 0, 2, s1 + 2000); // 950
    answer(ben, 0, 2, s1 + 4000); // 900
    expect(game.phase).toBe("question");
    answer(cy, 0, 0, s1 + 1000); // wrong
    expect(game.phase).toBe("reveal");
    advance(game, s1 + 6000);
    expect(game.phase).toBe("leaderboard");
    expect(hostView(game, s1 + 6000).leaderboard?.map((e) => e.nickname)).toEqual(["Ann", "Ben", "Cy"]);

    // Q2: True (0) is correct. Cy stays silent, so the deadline closes it.
    const s2 = s1 + 8000;
    advance(game, s2);
    expect(playerView(game, cy, s2).question).toMatchObject({
      index: 1,
      type: "true_false",
      choices: ["True", "False"],
    });
    answer(ann, 1, 1, s2 + 1000); // wrong
    answer(ben, 1, 0, s2 + 10_000); // 750
    expect(tick(game, s2 + DURATION)).toBe(false);
    expect(tick(game, s2 + DURATION + 1)).toBe(true);
    expect(playerView(game, cy, s2 + DURATION + 1).result).toEqual({
      answered: false,
      choiceIndex: null,
      correct: false,
      points: 0,
      correctIndex: 0,
    });
    advance(game, s2 + DURATION + 2);

    // Q3: "4" (1) is correct. Ben answers exactly at the deadline.
    const s3 = s2 + DURATION + 3;
    advance(game, s3);
    answer(ann, 2, 1, s3); // 1000
    answer(cy, 2, 1, s3 + 10_000); // 750
    answer(ben, 2, 1, s3 + DURATION); // 500
    expect(game.phase).toBe("reveal");
    advance(game, s3 + DURATION + 1);
    advance(game, s3 + DURATION + 2);
    expect(game.phase).toBe("finished");

    const host = hostView(game, s3 + DURATION + 3);
    expect(host.podium?.map((e) => [e.nickname, e.score])).toEqual([
      ["Ben", 2150],
      ["Ann", 1950],
      ["Cy", 750],
    ]);
    const players = host.report!.players;
    expect(players.map((p) => [p.nickname, p.rank, p.accuracy, p.answeredCount])).toEqual([
      ["Ben", 1, 1, 3],
      ["Ann", 2, 2 / 3, 3],
      ["Cy", 3, 1 / 3, 2],
    ]);
    expect(players.map((p) => p.averageResponseMs)).toEqual([34_000 / 3, 1000, 5500]);

    const questions = host.report!.questions;
    expect(questions.map((q) => q.distribution)).toEqual([
      [1, 0, 2, 0],
      [1, 1],
      [0, 3, 0],
    ]);
    expect(questions.map((q) => q.accuracy)).toEqual([2 / 3, 1 / 3, 1]);
    expect(questions.map((q) => q.averageResponseMs)).toEqual([7000 / 3, 5500, 10_000]);
    expect(questions.map((q) => q.closedBy)).toEqual(["all_answered", "deadline", "all_answered"]);
    expect(questions.map((q) => q.correctIndex)).toEqual([2, 0, 1]);

    const cyView = playerView(game, cy, s3 + DURATION + 3);
    expect(cyView.podium?.map((e) => e.nickname)).toEqual(["Ben", "Ann", "Cy"]);
    expect(cyView.report).toMatchObject({
      nickname: "Cy",
      rank: 3,
      score: 750,
      accuracy: 1 / 3,
      averageResponseMs: 5500,
    });
    expect(cyView.me).toMatchObject({ rank: 3, correctCount: 1, roundsPlayed: 3 });
    expect(cyView.question).toBeNull();
  });
});
