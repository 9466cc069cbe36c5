import { readBodyWithLimit, type BodyRead } from "@/lib/server/body";
import { clientAddress } from "@/lib/server/client-address";
import {
  apiError,
  json,
  MAX_JSON_BYTES,
  parseJsonBytes,
  refuseJsonRequest,
  toResponse,
  type HeaderReader,
} from "@/lib/server/http";
import type { PlayerView } from "@/lib/live/player-view";
import { hostCookieOf, playerCookieOf } from "./cookies";
import { answer, requireEntry, requireHost, requirePlayer } from "./games";
import { limitAnswer } from "./limits";
import type { GameEntry } from "./registry";
import { answerSchema, gameIdSchema } from "./schemas";
import { openEventStream, type Viewer } from "./sse";

/*
 * The two requests every player makes, independent of the HTTP layer: the
 * route handlers call them under Next, and scripts/server.mjs calls them
 * directly (node-routes.ts), skipping Next's per-request work when a whole
 * school answers within the same two seconds. Refusals are Responses; an
 * accepted answer is plain data, so the direct path never builds a Response.
 */

const gameNotFound = () => apiError(404, "game_not_found", "That game does not exist.");

/** One answer to the open question; the server decides correctness, points and lateness. */
export async function answerFrom(
  headers: HeaderReader,
  readBody: () => Promise<BodyRead>,
  gameId: string,
): Promise<{ view: PlayerView } | Response> {
  if (!gameIdSchema.safeParse(gameId).success) return gameNotFound();
  const refused = refuseJsonRequest(headers);
  if (refused) return refused;
  const parsed = parseJsonBytes(await readBody(), answerSchema, MAX_JSON_BYTES);
  if (!parsed.ok) return parsed.response;
  try {
    const now = Date.now();
    const entry = requireEntry(gameId);
    const player = requirePlayer(entry, playerCookieOf(headers, gameId));
    await limitAnswer(clientAddress(), `${gameId}:${player.id}`, now);
    return { view: await answer(entry, player, parsed.data, now) };
  } catch (error) {
    return toResponse(error);
  }
}

export async function answerRequest(request: Request, gameId: string): Promise<Response> {
  const result = await answerFrom(request.headers, () => readBodyWithLimit(request, MAX_JSON_BYTES), gameId);
  return result instanceof Response ? result : json(result);
}

/** Who is asking for the event stream: `?as=host` or `?as=player` (one browser may be both while testing). */
export function resolveViewer(
  headers: HeaderReader,
  query: URLSearchParams,
  gameId: string,
): { entry: GameEntry; viewer: Viewer } | Response {
  if (!gameIdSchema.safeParse(gameId).success) return gameNotFound();
  const as = query.get("as");
  try {
    const entry = requireEntry(gameId);
    if (as === "host") {
      requireHost(entry, hostCookieOf(headers, gameId));
      return { entry, viewer: { role: "host" } };
    }
    if (as === "player") {
      const player = requirePlayer(entry, playerCookieOf(headers, gameId));
      return { entry, viewer: { role: "player", playerId: player.id } };
    }
    return apiError(400, "invalid_role", "Say as=host or as=player.");
  } catch (error) {
    return toResponse(error);
  }
}

export function eventsRequest(request: Request, gameId: string): Response {
  const resolved = resolveViewer(request.headers, new URL(request.url).searchParams, gameId);
  return resolved instanceof Response ? resolved : openEventStream(request, resolved.entry, resolved.viewer);
}
