import { describe, expect, it } from "vitest";
import { advance, hostView, playerView, startGame, submitAnswer, tick } from "@/lib/live";
import { DURATION, T0, gameWithPlayers } from "./helpers";

const START = T0 + 10_000;
const NAMES = ["Ann", "Ben", "Cy", "Dan", "Eve", "Fay", "Gus"];

/** q1's correct choice is 2. Fay never answers. */
function playedFirstQuestion() {
  const setup = gameWithPlayers(NAMES);
  const { game, ids } = setup;
  startGame(game, START);
  const answer = (i: number, choiceIndex: number, afterMs: number) =>
    submitAnswer(game, ids[i]!, { questionIndex: 0, choiceIndex }, START + afterMs);
  answer(0, 2, 1); // Ann: correct, 1000 points (bonus rounds up), 1 ms
  answer(1, 2, 0); // Ben: correct, 1000 points, 0 ms
  answer(2, 2, 10_000); // Cy: correct, 750
  answer(3, 0, 3000); // Dan: wrong, 3000 ms
  answer(4, 1, 1000); // Eve: wrong, 1000 ms
  answer(6, 3, 1000); // Gus: wrong, 1000 ms, joined after Eve
  tick(game, START + DURATION + 1);
  return setup;
}

describe("leaderboard", () => {
  it("orders by points, then total response time, then join order", () => {
    const { game } = playedFirstQuestion();
    advance(game, START + DURATION + 2);
    const board = hostView(game, START + DURATION + 3, { topN: 10 }).leaderboard!;
    expect(board.map((e) => e.nickname)).toEqual(["Ben", "Ann", "Cy", "Eve", "Gus", "Dan", "Fay"]);
    expect(board.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(board.map((e) => e.score)).toEqual([1000, 1000, 750, 0, 0, 0, 0]);
    expect(board.map((e) => e.accuracy)).toEqual([1, 1, 1, 0, 0, 0, 0]);
  });

  it("shows a player the top N and their own row with points and accuracy apart", () => {
    const { game, ids } = playedFirstQuestion();
    advance(game, START + DURATION + 2);
    const view = playerView(game, ids[5]!, START + DURATION + 3, { topN: 3 });
    expect(view.leaderboard?.top.map((e) => e.nickname)).toEqual(["Ben", "Ann", "Cy"]);
    expect(view.leaderboard?.me).toMatchObject({ rank: 7, nickname: "Fay", score: 0, accuracy: 0, roundsPlayed: 1 });
    expect(view.me.rank).toBe(7);
  });

  it("is absent before the leaderboard phase", () => {
    const { game, ids } = playedFirstQuestion();
    expect(game.phase).toBe("reveal");
    expect(hostView(game, START + DURATION + 2).leaderboard).toBeNull();
    expect(playerView(game, ids[0]!, START + DURATION + 2).leaderboard).toBeNull();
  });

  it("keeps accuracy separate from points across questions", () => {
    const { game, ids } = playedFirstQuestion();
    advance(game, START + DURATION + 2);
    const q2 = START + DURATION + 3;
    advance(game, q2);
    // Cy answers q2 (true → choice 0) correctly; Ben answers wrong.
    submitAnswer(game, ids[2]!, { questionIndex: 1, choiceIndex: 0 }, q2 + 2000);
    submitAnswer(game, ids[1]!, { questionIndex: 1, choiceIndex: 1 }, q2 + 2000);
    tick(game, q2 + DURATION + 1);
    const cy = playerView(game, ids[2]!, q2 + DURATION + 2).me;
    const ben = playerView(game, ids[1]!, q2 + DURATION + 2).me;
    expect(cy).toMatchObject({ score: 750 + 950, accuracy: 1, rank: 1 });
    expect(ben).toMatchObject({ score: 1000, accuracy: 0.5, rank: 2 });
  });
});
