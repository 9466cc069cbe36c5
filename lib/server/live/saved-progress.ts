import type { LiveGame, Phase, Player, Round } from "@/lib/live/types";

/*
 * What `LiveGame.progress` holds on a cluster: where a game stands, saved at
 * each phase change (progress.ts), so that another instance can take the game
 * over from its rows (restore.ts).
 */

type StoredRound = Pick<Round, "startedAt" | "deadline" | "closedAt" | "closedBy" | "eligibleCount">;
type StoredTotals = Pick<Player, "score" | "correctCount" | "roundsPlayed" | "totalResponseMs" | "firstRound">;

export type StoredProgress = {
  phase: Phase;
  questionIndex: number;
  finishedAt: number | null;
  rounds: StoredRound[];
  /** By the state machine's player id (p1, p2, …). */
  players: Record<string, StoredTotals>;
};

/** What is saved at a phase change (the answers themselves are rows of their own). */
export function progressOf(game: LiveGame): StoredProgress {
  const players: Record<string, StoredTotals> = {};
  for (const p of game.players.values()) {
    const { score, correctCount, roundsPlayed, totalResponseMs, firstRound } = p;
    players[p.id] = { score, correctCount, roundsPlayed, totalResponseMs, firstRound };
  }
  return {
    phase: game.phase,
    questionIndex: game.questionIndex,
    finishedAt: game.finishedAt,
    rounds: game.rounds.map(({ startedAt, deadline, closedAt, closedBy, eligibleCount }) => ({
      startedAt,
      deadline,
      closedAt,
      closedBy,
      eligibleCount,
    })),
    players,
  };
}
