import { createMemoryPubSub, type MemoryPubSub } from "@/lib/live/pubsub";
import type { LiveGame } from "@/lib/live/types";
import { GameWriter } from "./writer";

/** One running quiz and the server's bookkeeping around the pure game object. */
export type GameEntry = {
  id: string;
  deckTitle: string;
  game: LiveGame;
  /** playerId → learner whose cards the answers feed (null: not signed in). */
  learners: Map<string, string | null>;
  /** playerId → open event streams; connected while > 0. */
  streams: Map<string, number>;
  writer: GameWriter;
  wakeTimer: ReturnType<typeof setTimeout> | null;
  wakeAt: number | null;
  broadcastTimer: ReturnType<typeof setTimeout> | null;
  broadcastVersion: number;
  phaseKey: string;
  started: boolean;
  finished: boolean;
  persistedRounds: Set<number>;
  /** Highest round index opened so far, to spot a round discarded by "end". */
  maxRoundSeen: number;
  savedScores: Map<string, number>;
  lastActivityAt: number;
  /** Phase and question of the last progress saved for a takeover (a cluster only; see restore.ts). */
  savedProgressKey?: string;
  /** A game rebuilt from its rows knows only the hashes of its tokens (restore.ts, `tokenKey`). */
  hashedTokens?: boolean;
};

type Registry = {
  games: Map<string, GameEntry>;
  codes: Map<string, string>;
  pubsub: MemoryPubSub;
  /** Set once abandoned games from an earlier process have been marked ended. */
  startup: Promise<void> | null;
};

// Route modules are bundled separately; globalThis is what they share in one process.
const holder = globalThis as unknown as { quarryLive?: Registry };

export function registry(): Registry {
  holder.quarryLive ??= {
    games: new Map(),
    codes: new Map(),
    pubsub: createMemoryPubSub({ onHandlerError: (e) => console.error("live: stream handler failed", e) }),
    startup: null,
  };
  return holder.quarryLive;
}

export const gameChannel = (gameId: string) => `live:${gameId}`;

export function getEntry(gameId: string): GameEntry | null {
  return registry().games.get(gameId) ?? null;
}

export function getEntryByCode(code: string): GameEntry | null {
  const id = registry().codes.get(code);
  return id ? getEntry(id) : null;
}

export function isCodeTaken(code: string): boolean {
  return registry().codes.has(code);
}

export function addEntry(entry: GameEntry): void {
  const r = registry();
  r.games.set(entry.id, entry);
  r.codes.set(entry.game.code, entry.id);
}

const FINISHED_TTL_MS = 3 * 3600_000;
const IDLE_TTL_MS = 12 * 3600_000;

/**
 * Forgets games finished hours ago or idle for half a day (their rows stay in
 * the database, so reports remain). Called when a game is created; returns
 * the forgotten games so the caller can mark unfinished ones as ended.
 */
export function evictStale(now: number): GameEntry[] {
  const r = registry();
  const evicted: GameEntry[] = [];
  for (const entry of r.games.values()) {
    const finishedLongAgo = entry.game.finishedAt !== null && now - entry.game.finishedAt > FINISHED_TTL_MS;
    if (finishedLongAgo || now - entry.lastActivityAt > IDLE_TTL_MS) {
      if (entry.wakeTimer) clearTimeout(entry.wakeTimer);
      if (entry.broadcastTimer) clearTimeout(entry.broadcastTimer);
      r.games.delete(entry.id);
      if (r.codes.get(entry.game.code) === entry.id) r.codes.delete(entry.game.code);
      evicted.push(entry);
    }
  }
  return evicted;
}
