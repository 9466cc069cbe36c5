import "server-only";

import {
  discardLiveAnswers,
  finishLiveGame,
  markLiveGameStarted,
  saveLivePlayerScores,
  saveLiveProgress,
} from "@/lib/data/live";
import { nextWakeAt, tick } from "@/lib/live/game";
import { cluster, releaseCode } from "./cluster";
import { gameChannel, registry, type GameEntry } from "./registry";
import { progressOf } from "./saved-progress";
import { recordRoundReviews } from "./round-reviews";

/** Answer counts and lobby arrivals are pushed at most this often; phase changes go out at once. */
export const BROADCAST_THROTTLE_MS = 250;

/**
 * Call after anything that may have changed a game (a request, a timer, a
 * view that ticked). Saves what became final, re-arms the deadline timer and
 * tells the streams. Idempotent: calling it twice does nothing more.
 */
export function afterChange(entry: GameEntry, now: number): void {
  entry.lastActivityAt = now;
  persistProgress(entry, now);
  scheduleWake(entry, now);
  scheduleBroadcast(entry);
}

function scheduleWake(entry: GameEntry, now: number): void {
  const at = nextWakeAt(entry.game);
  if (at === entry.wakeAt) return;
  if (entry.wakeTimer) clearTimeout(entry.wakeTimer);
  entry.wakeTimer = null;
  entry.wakeAt = at;
  if (at === null) return;
  entry.wakeTimer = setTimeout(
    () => {
      entry.wakeTimer = null;
      entry.wakeAt = null;
      const t = Date.now();
      tick(entry.game, t);
      afterChange(entry, t);
    },
    Math.max(0, at - now),
  );
}

function scheduleBroadcast(entry: GameEntry): void {
  const { game } = entry;
  if (game.version === entry.broadcastVersion) return;
  const phaseKey = `${game.phase}:${game.questionIndex}`;
  if (phaseKey !== entry.phaseKey) {
    entry.phaseKey = phaseKey;
    broadcastNow(entry);
  } else {
    entry.broadcastTimer ??= setTimeout(() => broadcastNow(entry), BROADCAST_THROTTLE_MS);
  }
}

function broadcastNow(entry: GameEntry): void {
  if (entry.broadcastTimer) clearTimeout(entry.broadcastTimer);
  entry.broadcastTimer = null;
  entry.broadcastVersion = entry.game.version;
  void registry().pubsub.publish(gameChannel(entry.id), { version: entry.game.version });
}

function persistProgress(entry: GameEntry, now: number): void {
  const { game, id, writer } = entry;
  entry.maxRoundSeen = Math.max(entry.maxRoundSeen, game.rounds.length - 1);
  if (!entry.started && game.phase !== "lobby") {
    entry.started = true;
    const at = new Date(game.rounds[0]?.startedAt ?? now);
    void writer.enqueue(() => markLiveGameStarted(id, at));
  }
  game.rounds.forEach((round, index) => {
    if (round.closedAt === null || entry.persistedRounds.has(index)) return;
    entry.persistedRounds.add(index);
    const scores = changedScores(entry);
    const question = game.questions[index];
    const answers = [...round.answers.values()];
    void writer.enqueue(() => saveLivePlayerScores(scores));
    if (question) void writer.enqueue(() => recordRoundReviews(entry, question, index, answers));
  });
  saveProgressForTakeover(entry);
  if (game.phase === "finished" && !entry.finished) {
    entry.finished = true;
    for (let index = game.rounds.length; index <= entry.maxRoundSeen; index++) {
      void writer.enqueue(() => discardLiveAnswers(id, index));
    }
    const scores = changedScores(entry);
    const at = new Date(game.finishedAt ?? now);
    void writer.enqueue(() => finishLiveGame(id, at, scores));
    // The code may name another game now (a cluster reserves codes in Redis).
    releaseCode(game.code, id).catch((error: unknown) => console.error("live: releasing a join code failed", error));
  }
}

/**
 * On a cluster, where the game stands is saved at each phase change (after the
 * rows above, in the same queue), so that another instance can take it over
 * if this one stops (restore.ts). A single instance has nobody to hand over to.
 */
function saveProgressForTakeover(entry: GameEntry): void {
  const { game } = entry;
  const key = `${game.phase}:${game.questionIndex}`;
  if (entry.savedProgressKey === key || game.phase === "finished" || !cluster()) return;
  entry.savedProgressKey = key;
  const progress = progressOf(game);
  void entry.writer.enqueue(() => saveLiveProgress(entry.id, progress));
}

/** Scores that moved since last saved, keyed by the stored (game-scoped) player id. */
function changedScores(entry: GameEntry): { id: string; score: number }[] {
  const out: { id: string; score: number }[] = [];
  for (const p of entry.game.players.values()) {
    if (entry.savedScores.get(p.id) === p.score) continue;
    entry.savedScores.set(p.id, p.score);
    out.push({ id: storedPlayerId(entry.id, p.id), score: p.score });
  }
  return out;
}

/** LivePlayer ids are global primary keys, while the game numbers its players p1, p2, … */
export function storedPlayerId(gameId: string, playerId: string): string {
  return `${gameId}:${playerId}`;
}
