import { apiError, json, parseJsonBody } from "@/lib/server/http";
import { hostCookieOf, playerCookieOf } from "./cookies";
import { liveErrorResponse } from "./errors";
import { answer, requireEntry, requireHost, requirePlayer } from "./games";
import { clientIp, limitAnswer } from "./limits";
import { answerSchema, gameIdSchema } from "./schemas";
import type { GameEntry } from "./registry";
import { openEventStream, type Viewer } from "./sse";

/*
 * The two requests every player makes, as plain Request → Response functions:
 * the route handlers call them under Next, and scripts/server.mjs calls them
 * directly (node-routes.ts), skipping Next's per-request work when a whole
 * school answers within the same two seconds.
 */

const gameNotFound = () => apiError(404, "game_not_found", "That game does not exist.");

/** One answer to the open question; the server decides correctness, points and lateness. */
export async function answerRequest(request: Request, gameId: string): Promise<Response> {
  if (!gameIdSchema.safeParse(gameId).success) return gameNotFound();
  const parsed = await parseJsonBody(request, answerSchema);
  if (!parsed.ok) return parsed.response;
  try {
    const now = Date.now();
    const entry = requireEntry(gameId);
    const player = requirePlayer(entry, playerCookieOf(request, gameId));
    limitAnswer(clientIp(request), `${gameId}:${player.id}`, now);
    return json({ view: await answer(entry, player, parsed.data, now) });
  } catch (error) {
    return liveErrorResponse(error);
  }
}

/** Who is asking for the event stream: `?as=host` or `?as=player` (one browser may be both while testing). */
export function resolveViewer(request: Request, gameId: string): { entry: GameEntry; viewer: Viewer } | Response {
  if (!gameIdSchema.safeParse(gameId).success) return gameNotFound();
  const as = new URL(request.url).searchParams.get("as");
  try {
    const entry = requireEntry(gameId);
    if (as === "host") {
      requireHost(entry, hostCookieOf(request, gameId));
      return { entry, viewer: { role: "host" } };
    }
    if (as === "player") {
      const player = requirePlayer(entry, playerCookieOf(request, gameId));
      return { entry, viewer: { role: "player", playerId: player.id } };
    }
    return apiError(400, "invalid_role", "Say as=host or as=player.");
  } catch (error) {
    return liveErrorResponse(error);
  }
}

export function eventsRequest(request: Request, gameId: string): Response {
  const resolved = resolveViewer(request, gameId);
  return resolved instanceof Response ? resolved : openEventStream(request, resolved.entry, resolved.viewer);
}
