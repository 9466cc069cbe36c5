import { apiError, toResponse } from "@/lib/server/http";
import { readHostCookie, readPlayerCookie } from "@/lib/server/live/cookies";
import { requireEntry, requireHost, requirePlayer } from "@/lib/server/live/games";
import { gameIdSchema } from "@/lib/server/live/schemas";
import { openEventStream } from "@/lib/server/live/sse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ gameId: string }> };

/** `?as=host` or `?as=player`: one browser may be both while testing, so the caller says which. */
export async function GET(request: Request, { params }: Params) {
  const { gameId } = await params;
  if (!gameIdSchema.safeParse(gameId).success) return apiError(404, "game_not_found", "That game does not exist.");
  const as = new URL(request.url).searchParams.get("as");
  try {
    const entry = requireEntry(gameId);
    if (as === "host") {
      requireHost(entry, await readHostCookie(gameId));
      return openEventStream(request, entry, { role: "host" });
    }
    if (as === "player") {
      const player = requirePlayer(entry, await readPlayerCookie(gameId));
      return openEventStream(request, entry, { role: "player", playerId: player.id });
    }
    return apiError(400, "invalid_role", "Say as=host or as=player.");
  } catch (error) {
    return toResponse(error);
  }
}
