import type { LiveGame, Player } from "./types";

export type LeaderboardEntry = {
  rank: number;
  playerId: string;
  nickname: string;
  /** Points: correctness plus speed bonus. */
  score: number;
  /** Share of played questions answered correctly, 0–1; null before any reveal. */
  accuracy: number | null;
  correctCount: number;
  roundsPlayed: number;
};

/**
 * Ranking order: points (high first), then total response time over the
 * questions played (fast first; an unanswered question counts its full
 * duration), then join order (earlier first). Ranks are therefore unique.
 */
export function compareStanding(a: Player, b: Player): number {
  return b.score - a.score || a.totalResponseMs - b.totalResponseMs || a.joinOrder - b.joinOrder;
}

export function accuracyOf(player: Player): number | null {
  return player.roundsPlayed === 0 ? null : player.correctCount / player.roundsPlayed;
}

/** All players, best first. Cached until scores or the roster change. */
export function getStandings(game: LiveGame): Player[] {
  if (!game.standingsCache) {
    game.standingsCache = Array.from(game.players.values()).sort(compareStanding);
    game.rankCache = null;
  }
  return game.standingsCache;
}

/** 1-based rank, or null for an unknown player. */
export function rankOf(game: LiveGame, playerId: string): number | null {
  const standings = getStandings(game);
  if (!game.rankCache) {
    game.rankCache = new Map(standings.map((p, i) => [p.id, i + 1]));
  }
  return game.rankCache.get(playerId) ?? null;
}

export function toEntry(player: Player, rank: number): LeaderboardEntry {
  return {
    rank,
    playerId: player.id,
    nickname: player.nickname,
    score: player.score,
    accuracy: accuracyOf(player),
    correctCount: player.correctCount,
    roundsPlayed: player.roundsPlayed,
  };
}

export function topEntries(game: LiveGame, count: number): LeaderboardEntry[] {
  return getStandings(game)
    .slice(0, count)
    .map((p, i) => toEntry(p, i + 1));
}
