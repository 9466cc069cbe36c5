import { apiError, json, parseJsonBody, toResponse } from "@/lib/server/http";
import { readHostCookie } from "@/lib/server/live/cookies";
import { hostCommand, requireEntry, requireHost } from "@/lib/server/live/games";
import { gameIdSchema, hostActionSchema } from "@/lib/server/live/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ gameId: string }> };

/** start / next / close_question / end, for the holder of this game's host cookie only. */
export async function POST(request: Request, { params }: Params) {
  const { gameId } = await params;
  if (!gameIdSchema.safeParse(gameId).success) return apiError(404, "game_not_found", "That game does not exist.");
  const parsed = await parseJsonBody(request, hostActionSchema);
  if (!parsed.ok) return parsed.response;
  try {
    const entry = requireEntry(gameId);
    requireHost(entry, await readHostCookie(gameId));
    return json({ view: hostCommand(entry, { type: parsed.data.action }, Date.now()) });
  } catch (error) {
    return toResponse(error);
  }
}
