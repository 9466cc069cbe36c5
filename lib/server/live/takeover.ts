import "server-only";

import { claimGame, cluster, gameIdForCode, locateGame, releaseGame, tryClaimGame, type Location } from "./cluster";
import { registry } from "./registry";
import { restoreGame } from "./restore";
import { gameIdSchema } from "./schemas";

/*
 * Finding a game on a cluster, and taking it over when the instance that held
 * it has stopped: its lease ran out, so the first instance that needs the game
 * claims the lease (SET NX) and rebuilds it from the database (restore.ts).
 * Requests for the same game that arrive meanwhile wait for that rebuild.
 */

const holder = globalThis as unknown as { quarryLiveRestoring?: Map<string, Promise<Location>> };
const restoring = () => (holder.quarryLiveRestoring ??= new Map());

async function takeOver(gameId: string): Promise<Location> {
  if (!(await tryClaimGame(gameId))) return locateGame(gameId);
  try {
    const entry = await restoreGame(gameId, Date.now());
    if (!entry) {
      await releaseGame(gameId);
      return { kind: "unknown" };
    }
    await claimGame(gameId);
    return { kind: "local" };
  } catch (error) {
    await releaseGame(gameId).catch(() => undefined);
    throw error;
  }
}

/** Where a game runs; a game nobody holds any more is taken over here. */
export async function findGame(gameId: string): Promise<Location> {
  if (!cluster() || registry().games.has(gameId)) return { kind: "local" };
  if (!gameIdSchema.safeParse(gameId).success) return { kind: "unknown" };
  const pending = restoring().get(gameId);
  if (pending) return pending;
  const location = await locateGame(gameId);
  if (location.kind !== "unknown") return location;
  const attempt = takeOver(gameId).finally(() => restoring().delete(gameId));
  restoring().set(gameId, attempt);
  return attempt;
}

/** The game a join code names, found (or taken over) like any other. */
export async function findGameByCode(code: string): Promise<{ gameId: string; location: Location } | null> {
  if (!cluster() || registry().codes.has(code)) return null;
  const gameId = await gameIdForCode(code);
  return gameId ? { gameId, location: await findGame(gameId) } : null;
}

/** The instance that holds the game behind a join code, when that is not this one. */
export async function remoteOwnerOfCode(code: string): Promise<{ gameId: string; url: string } | null> {
  const found = await findGameByCode(code);
  return found?.location.kind === "remote" ? { gameId: found.gameId, url: found.location.url } : null;
}
