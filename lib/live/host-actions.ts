import { timingSafeEqual } from "node:crypto";
import { LiveError } from "./errors";
import { closeRound, openQuestion, tick, touch } from "./game";
import { toMs, type LiveGame, type Now, type Phase } from "./types";

/**
 * Host-only commands. The server must check the caller with isHostToken
 * before dispatching one; players never reach these functions.
 */
export type HostAction = { type: "start" } | { type: "next" } | { type: "close_question" } | { type: "end" };

export function applyHostAction(game: LiveGame, action: HostAction, now: Now): void {
  switch (action.type) {
    case "start":
      return startGame(game, now);
    case "next":
      return advance(game, now);
    case "close_question":
      return closeQuestion(game, now);
    case "end":
      return endGame(game, now);
  }
}

/** Constant-time check of the host's secret (also how a reloading host gets back in). */
export function isHostToken(game: LiveGame, token: string): boolean {
  const a = Buffer.from(game.hostToken);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function requirePhase(game: LiveGame, allowed: Phase[], action: string): void {
  if (!allowed.includes(game.phase)) {
    throw new LiveError("wrong_phase", `Cannot ${action} while the game is in the ${game.phase} phase.`);
  }
}

/** Lobby → first question. Needs at least one player. */
export function startGame(game: LiveGame, now: Now): void {
  requirePhase(game, ["lobby"], "start the game");
  if (game.players.size === 0) throw new LiveError("no_players", "Wait for at least one player to join.");
  openQuestion(game, 0, toMs(now));
}

/** Reveal → leaderboard; leaderboard → next question, or finished after the last one. */
export function advance(game: LiveGame, now: Now): void {
  tick(game, now);
  requirePhase(game, ["reveal", "leaderboard"], "move on");
  if (game.phase === "reveal") {
    game.phase = "leaderboard";
    touch(game);
    return;
  }
  const next = game.questionIndex + 1;
  if (next < game.questions.length) openQuestion(game, next, toMs(now));
  else finish(game, toMs(now));
}

/** Skip the rest of the countdown: reveal now with the answers received so far. */
export function closeQuestion(game: LiveGame, now: Now): void {
  if (tick(game, now)) return; // the deadline already closed it
  requirePhase(game, ["question"], "close the question");
  closeRound(game, "host", toMs(now));
}

/**
 * Finish immediately. A question still open is discarded (not scored, not in
 * the report): players never saw its reveal, so counting it would be unfair.
 */
export function endGame(game: LiveGame, now: Now): void {
  tick(game, now);
  requirePhase(game, ["lobby", "question", "reveal", "leaderboard"], "end the game");
  if (game.phase === "question") {
    game.rounds.pop();
    game.questionIndex = game.rounds.length - 1;
  }
  finish(game, toMs(now));
}

function finish(game: LiveGame, now: number): void {
  game.phase = "finished";
  game.finishedAt = now;
  touch(game, true);
}
