import { apiError, json, parseJsonBody, toResponse } from "@/lib/server/http";
import { readPlayerCookie } from "@/lib/server/live/cookies";
import { answer, requireEntry, requirePlayer } from "@/lib/server/live/games";
import { clientIp, limitAnswer } from "@/lib/server/live/limits";
import { answerSchema, gameIdSchema } from "@/lib/server/live/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ gameId: string }> };

/** One answer to the open question; the server decides correctness, points and lateness. */
export async function POST(request: Request, { params }: Params) {
  const { gameId } = await params;
  if (!gameIdSchema.safeParse(gameId).success) return apiError(404, "game_not_found", "That game does not exist.");
  const parsed = await parseJsonBody(request, answerSchema);
  if (!parsed.ok) return parsed.response;
  try {
    const now = Date.now();
    const entry = requireEntry(gameId);
    const player = requirePlayer(entry, await readPlayerCookie(gameId));
    limitAnswer(clientIp(request), `${gameId}:${player.id}`, now);
    return json({ view: await answer(entry, player, parsed.data, now) });
  } catch (error) {
    return toResponse(error);
  }
}
