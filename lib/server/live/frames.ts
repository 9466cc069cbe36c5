import "server-only";

import { tick } from "@/lib/live/game";
import {
  personalContext,
  playerPersonal,
  playerShared,
  type PersonalContext,
  type PlayerView,
} from "@/lib/live/player-view";
import type { GameEntry } from "./registry";

type SharedFrame = {
  version: number;
  /** The shared fields as JSON without braces; the same string instance while its content is unchanged. */
  json: string;
  context: PersonalContext;
};

const frames = new WeakMap<GameEntry, SharedFrame>();

/**
 * The part of the players' snapshot that is the same for everyone, serialised
 * once per game version rather than once per player: with 2,000 phones, a
 * change costs one JSON.stringify of the question plus a small personal part
 * per player, instead of 2,000 full views.
 */
export function sharedFrame(entry: GameEntry, now: number): SharedFrame {
  tick(entry.game, now);
  const cached = frames.get(entry);
  if (cached && cached.version === entry.game.version) return cached;
  const json = JSON.stringify(playerShared(entry.game, now)).slice(1, -1);
  const frame: SharedFrame = {
    version: entry.game.version,
    json: cached?.json === json ? cached.json : json,
    context: personalContext(entry.game),
  };
  frames.set(entry, frame);
  return frame;
}

export type PlayerFrame = { shared: string; personal: string; text: string };

/**
 * One player's SSE frame: the shared JSON spliced with their own part. The
 * result parses to exactly `playerView(game, playerId, now)`; the parts let a
 * stream skip a frame whose content did not change for this player.
 */
export function playerFrame(entry: GameEntry, playerId: string, now: number): PlayerFrame {
  const shared = sharedFrame(entry, now);
  const personal = JSON.stringify(playerPersonal(entry.game, playerId, shared.context));
  const head: Pick<PlayerView, "serverNow" | "version"> = { serverNow: now, version: entry.game.version };
  return {
    shared: shared.json,
    personal,
    text: `{"serverNow":${head.serverNow},"version":${head.version},${shared.json},${personal.slice(1)}`,
  };
}
