import "server-only";

import { createLiveGame, finishLiveGame, listLiveQuestions, saveLiveRows } from "@/lib/data/live";
import { createGame } from "@/lib/live/game";
import { applyHostAction, isHostToken, type HostAction } from "@/lib/live/host-actions";
import { generateJoinCode } from "@/lib/live/join-code";
import { joinGame, resumePlayer, setConnected, type TokenGenerator } from "@/lib/live/players";
import type { Random } from "@/lib/random";
import { submitAnswer, type AnswerInput } from "@/lib/live/answers";
import { playerView, type PlayerView } from "@/lib/live/player-view";
import { hostView, type HostView } from "@/lib/live/host-view";
import type { LiveGame, Player } from "@/lib/live/types";
import { loadPlayableDeck, type ShareTokens } from "@/lib/server/decks";
import type { Viewer } from "@/lib/permissions";
import { claimCode, claimGame, RESERVING } from "./cluster";
import { hashToken } from "./cookies";
import { LiveServiceError } from "./errors";
import { pickQuestions } from "./pick-questions";
import { tokenKey } from "./restore";
import { afterChange, storedPlayerId } from "./progress";
import { addEntry, evictStale, getEntry, getEntryByCode, isCodeTaken, type GameEntry } from "./registry";
import { ensureStartup } from "./startup";
import { GameWriter } from "./writer";

export type NewQuizInput = {
  deckId: string;
  questionCount: number;
  secondsPerQuestion: number;
  shuffle: boolean;
  allowLateJoin: boolean;
};

/** Randomness for one new game, injected so tests can replay it. */
export type NewQuizRandom = { random: Random; seed: number; newToken: TokenGenerator };

export async function createQuiz(
  input: NewQuizInput,
  hostId: string | null,
  now: Date,
  rnd: NewQuizRandom,
  /** Who asks: a game starts only from a deck they may read. */
  access: { viewer: Viewer; tokens?: ShareTokens },
): Promise<{ entry: GameEntry; hostToken: string }> {
  await ensureStartup(now);
  for (const stale of evictStale(now.getTime())) {
    // An idle game nobody finished: it cannot go on, so it is stored as ended.
    if (!stale.finished) void stale.writer.enqueue(() => finishLiveGame(stale.id, now, []));
  }
  const deck = await loadPlayableDeck(access.viewer, input.deckId, access.tokens);
  if (!deck) throw new LiveServiceError("deck_not_found", "That deck does not exist.");
  const bank = await listLiveQuestions(deck.documentIds);
  const questions = pickQuestions(bank, input.questionCount, { shuffle: input.shuffle, seed: rnd.seed });
  if (questions.length === 0) {
    throw new LiveServiceError("no_questions", "This deck has no multiple-choice or true/false questions yet.");
  }
  const hostToken = rnd.newToken();
  const game = createGame(
    {
      questions,
      secondsPerQuestion: input.secondsPerQuestion,
      shuffle: input.shuffle,
      seed: rnd.seed,
      allowLateJoin: input.allowLateJoin,
    },
    { code: generateJoinCode(rnd.random, isCodeTaken), hostToken, now },
  );
  await reserveCode(game, rnd.random);
  const id = await createLiveGame({
    code: game.code,
    hostTokenHash: hashToken(hostToken),
    hostId,
    deckId: deck.id,
    deckTitle: deck.title,
    config: { ...game.config, questionCount: game.questions.length },
    questions: game.questions,
    createdAt: now,
  });
  const entry: GameEntry = {
    id,
    deckTitle: deck.title,
    game,
    learners: new Map(),
    streams: new Map(),
    writer: new GameWriter({ saveRows: saveLiveRows }, (error) =>
      console.error(`live: saving game ${id} failed`, error),
    ),
    wakeTimer: null,
    wakeAt: null,
    broadcastTimer: null,
    broadcastVersion: game.version,
    phaseKey: `${game.phase}:${game.questionIndex}`,
    started: false,
    finished: false,
    persistedRounds: new Set(),
    maxRoundSeen: -1,
    savedScores: new Map(),
    lastActivityAt: now.getTime(),
  };
  addEntry(entry);
  await placeGame(entry);
  return { entry, hostToken };
}

/** On a cluster the join code must be free on every instance, not only here. */
async function reserveCode(game: LiveGame, random: Random): Promise<void> {
  const tried = new Set<string>();
  while (!(await claimCode(game.code, RESERVING))) {
    tried.add(game.code);
    if (tried.size >= 20) throw new LiveServiceError("no_code", "Could not find a free game code. Try again.");
    game.code = generateJoinCode(random, (code) => tried.has(code) || isCodeTaken(code));
  }
}

/** Points the code at the stored game and records this instance as its owner (no-ops on one instance). */
async function placeGame(entry: GameEntry): Promise<void> {
  await claimCode(entry.game.code, entry.id, { replace: true });
  await claimGame(entry.id);
}

export function requireEntry(gameId: string): GameEntry {
  const entry = getEntry(gameId);
  if (!entry) throw new LiveServiceError("game_not_found", "This game is not running (it may have ended).");
  return entry;
}

export function requireHost(entry: GameEntry, token: string | null): void {
  if (!token || !isHostToken(entry.game, tokenKey(entry, token))) {
    throw new LiveServiceError("not_host", "Only the host of this game can do that.");
  }
}

export function requirePlayer(entry: GameEntry, token: string | null): Player {
  if (!token) throw new LiveServiceError("not_player", "You are not in this game. Join it with its code first.");
  try {
    return resumePlayer(entry.game, tokenKey(entry, token));
  } catch {
    throw new LiveServiceError("not_player", "You are not in this game. Join it with its code first.");
  }
}

export type JoinOutcome = { entry: GameEntry; player: Player; resumeToken: string; resumed: boolean };

/** Waits for a row to be committed; a failed write is a 503, never a silent loss. */
async function stored(write: Promise<void>, what: string): Promise<void> {
  try {
    await write;
  } catch {
    throw new LiveServiceError("not_saved", `The server could not save your ${what}. Please try again.`);
  }
}

/**
 * Joins by code; a device that already holds this game's token gets its old
 * player back. Resolves once the new player's row is stored.
 */
export async function joinByCode(
  code: string,
  nickname: string,
  existingToken: (gameId: string) => string | null,
  learnerId: string | null,
  now: number,
  newToken: TokenGenerator,
): Promise<JoinOutcome> {
  const entry = getEntryByCode(code);
  if (!entry) {
    throw new LiveServiceError("game_not_found", "No game is running with that code. Check the code on the screen.");
  }
  const token = existingToken(entry.id);
  const known = token ? entry.game.playerIdByToken.get(tokenKey(entry, token)) : undefined;
  const existing = known ? entry.game.players.get(known) : undefined;
  if (token && existing) return { entry, player: existing, resumeToken: token, resumed: true };

  // Counted as connected only once its event stream is open.
  const { player, resumeToken } = joinGame(entry.game, nickname, now, newToken, { connected: false });
  if (entry.hashedTokens) {
    // A game taken over knows its players by their tokens' hashes (restore.ts); so it does this one.
    entry.game.playerIdByToken.delete(resumeToken);
    entry.game.playerIdByToken.set(hashToken(resumeToken), player.id);
    player.resumeToken = hashToken(resumeToken);
  }
  entry.learners.set(player.id, learnerId);
  const write = entry.writer.addPlayer({
    id: storedPlayerId(entry.id, player.id),
    gameId: entry.id,
    nickname: player.nickname,
    resumeTokenHash: hashToken(resumeToken),
    learnerId,
    joinedAt: new Date(now),
  });
  afterChange(entry, now);
  await stored(write, "place in the game");
  return { entry, player, resumeToken, resumed: false };
}

/**
 * Scores one answer in memory (so the count and an early reveal go out at
 * once), then resolves only after its row is committed: an acknowledged
 * answer survives a crash. Writes are group-committed (see GameWriter).
 */
export async function answer(entry: GameEntry, player: Player, input: AnswerInput, now: number): Promise<PlayerView> {
  const accepted = submitAnswer(entry.game, player.id, input, now);
  const question = entry.game.questions[input.questionIndex];
  const write = entry.writer.addAnswer({
    gameId: entry.id,
    playerId: storedPlayerId(entry.id, player.id),
    questionId: question?.id ?? "",
    questionIndex: input.questionIndex,
    choiceIndex: accepted.choiceIndex,
    correct: accepted.correct,
    points: accepted.points,
    responseMs: accepted.responseMs,
    answeredAt: new Date(accepted.at),
  });
  afterChange(entry, now);
  await stored(write, "answer");
  return playerView(entry.game, player.id, now);
}

export function hostCommand(entry: GameEntry, action: HostAction, now: number): HostView {
  try {
    applyHostAction(entry.game, action, now);
  } finally {
    // A refused action may still have ticked the game past a deadline.
    afterChange(entry, now);
  }
  return hostView(entry.game, now);
}

/** Stream bookkeeping: a player is connected while at least one of their streams is open. */
export function streamOpened(entry: GameEntry, playerId: string, now: number): void {
  const open = (entry.streams.get(playerId) ?? 0) + 1;
  entry.streams.set(playerId, open);
  if (open === 1) {
    setConnected(entry.game, playerId, true, now);
    afterChange(entry, now);
  }
}

export function streamClosed(entry: GameEntry, playerId: string, now: number): void {
  const open = Math.max(0, (entry.streams.get(playerId) ?? 0) - 1);
  entry.streams.set(playerId, open);
  if (open === 0) {
    setConnected(entry.game, playerId, false, now);
    afterChange(entry, now);
  }
}
