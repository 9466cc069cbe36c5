import { describe, expect, it } from "vitest";
import {
  advance,
  closeQuestion,
  isHostToken,
  playerView,
  resumePlayer,
  startGame,
  submitAnswer,
  tick,
  type LiveGame,
} from "@/lib/live";
import type { LiveGameState } from "@/lib/data/live";
import { hashToken } from "@/lib/server/live/cookies";
import { rebuildGame } from "@/lib/server/live/restore";
import { progressOf, type StoredProgress } from "@/lib/server/live/saved-progress";
import { T0, gameWithPlayers } from "../live/helpers";

const START = T0 + 10_000;
const GAME = "g1";

/** The rows a server would have stored for this game, with the progress saved at its last phase change. */
function storedState(game: LiveGame, progress: StoredProgress, tokens: string[]): LiveGameState {
  const players = [...game.players.values()].map((p, i) => ({
    id: `${GAME}:${p.id}`,
    nickname: p.nickname,
    resumeTokenHash: hashToken(tokens[i]!),
    learnerId: null,
    // Scores are saved at each reveal, as progress is.
    score: progress.players[p.id]?.score ?? 0,
    joinedAt: new Date(p.joinedAt),
  }));
  const answers = game.rounds.flatMap((round, questionIndex) =>
    [...round.answers.values()].map((a) => ({
      gameId: GAME,
      playerId: `${GAME}:${a.playerId}`,
      questionId: game.questions[questionIndex]!.id,
      questionIndex,
      choiceIndex: a.choiceIndex,
      correct: a.correct,
      points: a.points,
      responseMs: a.responseMs,
      answeredAt: new Date(a.at),
    })),
  );
  return {
    game: {
      id: GAME,
      code: game.code,
      hostTokenHash: hashToken(game.hostToken),
      deckId: "d1",
      deckTitle: "Deck",
      config: { ...game.config, questionCount: game.questions.length },
      questions: game.questions,
      status: "running",
      createdAt: new Date(game.createdAt),
      startedAt: new Date(START),
      finishedAt: null,
      progress: progress as never,
    },
    players,
    answers,
  };
}

const viewWithoutVersion = (game: LiveGame, id: string, now: number) => {
  const { version: _version, ...rest } = playerView(game, id, now);
  return rest;
};

describe("rebuilding a live game from its rows (a takeover on a cluster)", () => {
  it("shows every player the same open round, answers, scores and deadline, and plays on identically", () => {
    const { game, ids, resumeTokens } = gameWithPlayers(["Ann", "Ben", "Cy"]);
    startGame(game, START);
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    submitAnswer(game, ids[1]!, { questionIndex: 0, choiceIndex: 1 }, START + 2000);
    closeQuestion(game, START + 3000);
    advance(game, START + 4000);
    advance(game, START + 5000); // question 2 opens: the progress saved at this phase change
    const progress = progressOf(game);
    // Acknowledged after that save: stored as a row only.
    submitAnswer(game, ids[1]!, { questionIndex: 1, choiceIndex: 0 }, START + 6000);

    const now = START + 7000;
    const { game: rebuilt } = rebuildGame(storedState(game, progress, resumeTokens), now);
    for (const id of ids) expect(viewWithoutVersion(rebuilt, id, now)).toEqual(viewWithoutVersion(game, id, now));
    expect(rebuilt.version).toBeGreaterThan(game.version);
    expect(rebuilt.rounds[1]!.deadline).toBe(game.rounds[1]!.deadline);

    // Players and the host are known by their tokens' hashes.
    expect(resumePlayer(rebuilt, hashToken(resumeTokens[2]!)).nickname).toBe("Cy");
    expect(isHostToken(rebuilt, hashToken(game.hostToken))).toBe(true);

    // Both play on the same way: Cy answers, the deadline closes the round, the scores agree.
    for (const g of [game, rebuilt]) {
      submitAnswer(g, ids[2]!, { questionIndex: 1, choiceIndex: 1 }, now + 1000);
      tick(g, g.rounds[1]!.deadline + 1);
    }
    const after = rebuilt.rounds[1]!.deadline + 2;
    for (const id of ids) expect(viewWithoutVersion(rebuilt, id, after)).toEqual(viewWithoutVersion(game, id, after));
    expect([...rebuilt.players.values()].map((p) => p.score)).toEqual([...game.players.values()].map((p) => p.score));
  });

  it("keeps a round open for the players who have not come back yet", () => {
    const { game, ids, resumeTokens } = gameWithPlayers(["Ann", "Ben"]);
    startGame(game, START);
    const progress = progressOf(game);
    submitAnswer(game, ids[0]!, { questionIndex: 0, choiceIndex: 2 }, START + 1000);
    const { game: rebuilt } = rebuildGame(storedState(game, progress, resumeTokens), START + 2000);
    tick(rebuilt, START + 2000);
    // Ann's answer is in, Ben is within his grace period: the round waits.
    expect(rebuilt.phase).toBe("question");
    expect(rebuilt.rounds[0]!.answers.size).toBe(1);
  });
});
