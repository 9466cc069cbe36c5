import { buildQuestions, validateConfig } from "./config";
import { toMs, type CloseReason, type LiveConfigInput, type LiveGame, type Now, type Round } from "./types";

/**
 * The game is a plain in-memory object that the functions in this folder
 * mutate in place (one object per running quiz; copying 2,500 players on
 * every answer would buy nothing). No function here does I/O or reads the
 * clock: time always comes in as `now`.
 */
export function createGame(input: LiveConfigInput, options: { code: string; hostToken: string; now: Now }): LiveGame {
  const config = validateConfig(input);
  return {
    code: options.code,
    hostToken: options.hostToken,
    config,
    questions: buildQuestions(input.questions, config),
    phase: "lobby",
    questionIndex: -1,
    rounds: [],
    players: new Map(),
    playerIdByToken: new Map(),
    nicknameKeys: new Set(),
    connectedCount: 0,
    graceUntil: new Map(),
    createdAt: toMs(options.now),
    finishedAt: null,
    version: 0,
    standingsCache: null,
    rankCache: null,
  };
}

export function durationMs(game: LiveGame): number {
  return game.config.secondsPerQuestion * 1000;
}

/** The round being played or just played; null in the lobby. */
export function currentRound(game: LiveGame): Round | null {
  return game.rounds[game.questionIndex] ?? null;
}

export function touch(game: LiveGame, standingsChanged = false): void {
  game.version++;
  if (standingsChanged) {
    game.standingsCache = null;
    game.rankCache = null;
  }
}

export function openQuestion(game: LiveGame, index: number, now: number): void {
  const question = game.questions[index];
  if (!question) throw new RangeError(`no question at ${index}`);
  game.questionIndex = index;
  game.phase = "question";
  game.rounds[index] = {
    questionIndex: index,
    startedAt: now,
    deadline: now + durationMs(game),
    closedAt: null,
    closedBy: null,
    answers: new Map(),
    counts: question.choices.map(() => 0),
    answeredConnected: 0,
    eligibleCount: 0,
  };
  touch(game);
}

/** Ends the open question and books its points; everyone present counts as having played it. */
export function closeRound(game: LiveGame, reason: CloseReason, closedAt: number): void {
  const round = currentRound(game);
  if (game.phase !== "question" || !round) return;
  round.closedAt = closedAt;
  round.closedBy = reason;
  round.eligibleCount = game.players.size;
  const duration = durationMs(game);
  for (const player of game.players.values()) {
    const answer = round.answers.get(player.id);
    player.roundsPlayed++;
    if (answer) {
      player.score += answer.points;
      if (answer.correct) player.correctCount++;
      player.totalResponseMs += answer.responseMs;
    } else {
      player.totalResponseMs += duration;
    }
  }
  game.phase = "reveal";
  touch(game, true);
}

/** Forgets dropped players whose grace period has ended; they no longer hold a round open. */
function expireGrace(game: LiveGame, now: number): void {
  for (const [id, until] of game.graceUntil) if (until <= now) game.graceUntil.delete(id);
}

/**
 * Who the open round is waiting for. Present: connected, or dropped and within
 * the grace period. Waiting: present and not yet answered.
 */
export function attendance(game: LiveGame, round: Round, now: number): { present: number; waiting: number } {
  let present = game.connectedCount;
  let waiting = game.connectedCount - round.answeredConnected;
  for (const [id, until] of game.graceUntil) {
    if (until <= now) continue;
    present++;
    if (!round.answers.has(id)) waiting++;
  }
  return { present, waiting };
}

/**
 * Closes the question early once everyone present has answered. A player who
 * dropped counts as present until their grace period ends, so a reload never
 * decides a round; with nobody present the deadline decides. Returns true
 * when it closed the round.
 */
export function closeIfAllAnswered(game: LiveGame, now: number): boolean {
  const round = currentRound(game);
  if (game.phase !== "question" || !round) return false;
  expireGrace(game, now);
  const { present, waiting } = attendance(game, round, now);
  if (present > 0 && waiting === 0) {
    closeRound(game, "all_answered", now);
    return true;
  }
  return false;
}

/**
 * Applies time-driven transitions (the deadline, the end of a dropped
 * player's grace period). Safe to call at any moment and as often as wanted.
 * Answers are accepted while now <= deadline, so the question closes only
 * once now > deadline. Returns true when the state changed.
 */
export function tick(game: LiveGame, now: Now): boolean {
  const at = toMs(now);
  const round = currentRound(game);
  if (game.phase !== "question" || !round) return false;
  if (at > round.deadline) {
    closeRound(game, "deadline", round.deadline);
    return true;
  }
  return game.graceUntil.size > 0 && closeIfAllAnswered(game, at);
}

/** When the server should next call tick (epoch ms), or null if no timer is needed. */
export function nextWakeAt(game: LiveGame): number | null {
  const round = currentRound(game);
  if (game.phase !== "question" || !round) return null;
  let wake = round.deadline + 1;
  for (const [id, until] of game.graceUntil) if (!round.answers.has(id)) wake = Math.min(wake, until);
  return wake;
}
