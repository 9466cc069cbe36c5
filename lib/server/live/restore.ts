import "server-only";

import { getLiveGameState, saveLiveRows, type LiveGameState } from "@/lib/data/live";
import { DISCONNECT_GRACE_MS } from "@/lib/live/config";
import { nicknameKey } from "@/lib/live/nickname";
import type { Answer, CloseReason, LiveConfig, LiveGame, LiveQuestion, Player, Round } from "@/lib/live/types";
import { hashToken } from "./cookies";
import { afterChange } from "./progress";
import { addEntry, type GameEntry } from "./registry";
import type { StoredProgress } from "./saved-progress";
import { GameWriter } from "./writer";

/*
 * Taking over a game whose instance stopped (a cluster, REDIS_URL). The rows
 * hold every acknowledged join and answer; `LiveGame.progress`, saved at each
 * phase change, holds the rest: the phase, each round's start, deadline and
 * close, and every player's totals as of the last reveal. From these the
 * game is rebuilt as it stood, with its own deadline, and runs on.
 */

const EMPTY: StoredProgress = { phase: "lobby", questionIndex: -1, finishedAt: null, rounds: [], players: {} };

/** p1, p2, … from the stored, game-scoped id. */
const localId = (gameId: string, storedId: string) => storedId.slice(gameId.length + 1);

/**
 * The game as its rows and progress describe it. Tokens are the stored
 * hashes (the raw ones were only in the lost process and in the phones'
 * cookies), so a restored entry looks tokens up by their hash (`tokenKey`).
 */
export function rebuildGame(
  state: LiveGameState,
  now: number,
): { game: LiveGame; learners: Map<string, string | null> } {
  const { game: row } = state;
  const progress = (row.progress as StoredProgress | null) ?? EMPTY;
  const questions = row.questions as unknown as LiveQuestion[];
  const config = row.config as unknown as LiveConfig;
  const players = new Map<string, Player>();
  const playerIdByToken = new Map<string, string>();
  const nicknameKeys = new Set<string>();
  const learners = new Map<string, string | null>();
  const graceUntil = new Map<string, number>();
  const joinOrderOf = (id: string) => Number(id.replace(/^p/, "")) || 0;
  const rows = [...state.players].sort(
    (a, b) => joinOrderOf(localId(row.id, a.id)) - joinOrderOf(localId(row.id, b.id)),
  );
  for (const stored of rows) {
    const id = localId(row.id, stored.id);
    const totals = progress.players[id];
    // Joined after the last saved phase change: in that phase, with nothing scored yet.
    const firstRound = progress.phase === "question" ? progress.questionIndex : progress.questionIndex + 1;
    players.set(id, {
      id,
      nickname: stored.nickname,
      nicknameKey: nicknameKey(stored.nickname),
      resumeToken: stored.resumeTokenHash,
      joinOrder: joinOrderOf(id),
      joinedAt: stored.joinedAt.getTime(),
      firstRound: totals?.firstRound ?? firstRound,
      connected: false,
      score: totals?.score ?? 0,
      correctCount: totals?.correctCount ?? 0,
      roundsPlayed: totals?.roundsPlayed ?? 0,
      totalResponseMs: totals?.totalResponseMs ?? 0,
    });
    playerIdByToken.set(stored.resumeTokenHash, id);
    nicknameKeys.add(nicknameKey(stored.nickname));
    learners.set(id, stored.learnerId);
    // Nobody is connected to this process yet: everyone counts as present for a grace period, so an
    // open round waits for the phones to come back rather than closing on whoever reconnects first.
    graceUntil.set(id, now + DISCONNECT_GRACE_MS);
  }
  const rounds: Round[] = progress.rounds.map((r, index) => {
    const answers = new Map<string, Answer>();
    const counts = (questions[index]?.choices ?? []).map(() => 0);
    for (const a of state.answers) {
      if (a.questionIndex !== index) continue;
      const playerId = localId(row.id, a.playerId);
      answers.set(playerId, {
        playerId,
        choiceIndex: a.choiceIndex,
        at: a.answeredAt.getTime(),
        responseMs: a.responseMs,
        correct: a.correct,
        points: a.points,
      });
      if (counts[a.choiceIndex] !== undefined) counts[a.choiceIndex]!++;
    }
    return {
      questionIndex: index,
      ...r,
      closedBy: r.closedBy as CloseReason | null,
      answers,
      counts,
      answeredConnected: 0,
    };
  });
  const game: LiveGame = {
    code: row.code,
    hostToken: row.hostTokenHash,
    config,
    questions,
    phase: progress.phase,
    questionIndex: progress.questionIndex,
    rounds,
    players,
    playerIdByToken,
    nicknameKeys,
    connectedCount: 0,
    graceUntil,
    createdAt: row.createdAt.getTime(),
    finishedAt: progress.finishedAt,
    // Above any version the lost process sent, so phones take the new views (they ignore older ones).
    version: now,
    standingsCache: null,
    rankCache: null,
  };
  return { game, learners };
}

/** Rebuilds a stored, unfinished game in this process; null when there is none to take over. */
export async function restoreGame(gameId: string, now: number): Promise<GameEntry | null> {
  const state = await getLiveGameState(gameId);
  if (!state || state.game.status === "finished") return null;
  const { game, learners } = rebuildGame(state, now);
  const entry: GameEntry = {
    id: gameId,
    deckTitle: state.game.deckTitle,
    game,
    learners,
    streams: new Map(),
    writer: new GameWriter({ saveRows: saveLiveRows }, (error) =>
      console.error(`live: saving game ${gameId} failed`, error),
    ),
    wakeTimer: null,
    wakeAt: null,
    broadcastTimer: null,
    broadcastVersion: game.version,
    phaseKey: `${game.phase}:${game.questionIndex}`,
    started: game.phase !== "lobby",
    finished: false,
    persistedRounds: new Set(game.rounds.flatMap((r, i) => (r.closedAt === null ? [] : [i]))),
    maxRoundSeen: game.rounds.length - 1,
    savedScores: new Map(state.players.map((p) => [localId(gameId, p.id), p.score])),
    lastActivityAt: now,
    savedProgressKey: `${game.phase}:${game.questionIndex}`,
    hashedTokens: true,
  };
  addEntry(entry);
  // Re-arms the deadline (and grace) timer; nothing is re-saved.
  afterChange(entry, now);
  console.log(`live: took over game ${gameId} (${game.phase}, question ${game.questionIndex + 1})`);
  return entry;
}

/** The key a cookie's token is looked up by: the token, or its hash in a restored game. */
export function tokenKey(entry: GameEntry, token: string): string {
  return entry.hashedTokens ? hashToken(token) : token;
}
