import { parseJoinCode } from "@/lib/live/join-code";
import { createTokenGenerator } from "@/lib/live/tokens";
import { apiError, json, parseJsonBody, toResponse } from "@/lib/server/http";
import { currentLearner } from "@/lib/server/learner-session";
import { remoteOwnerOfCode } from "@/lib/server/live/takeover";
import { playerCookieName, setPlayerCookie } from "@/lib/server/live/cookies";
import { forwardJson } from "@/lib/server/live/forward";
import { joinByCode } from "@/lib/server/live/games";
import { clientIp, limitJoin } from "@/lib/server/live/limits";
import { joinSchema } from "@/lib/server/live/schemas";
import { cookies } from "next/headers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const newToken = createTokenGenerator(16);

export async function POST(request: Request) {
  const parsed = await parseJsonBody(request, joinSchema);
  if (!parsed.ok) return parsed.response;
  const code = parseJoinCode(parsed.data.code);
  if (!code) return apiError(400, "invalid_code", "A game code is 6 digits, like 123 456.");
  try {
    // On a cluster, a game held by another instance is joined there.
    const owner = await remoteOwnerOfCode(code);
    if (owner) return forwardJson(request, owner.url, owner.gameId, parsed.data);
    const now = Date.now();
    await limitJoin(clientIp(request), now);
    const jar = await cookies();
    const learner = await currentLearner();
    const outcome = await joinByCode(
      code,
      parsed.data.nickname,
      (gameId) => jar.get(playerCookieName(gameId))?.value ?? null,
      learner?.id ?? null,
      now,
      newToken,
    );
    await setPlayerCookie(request, outcome.entry.id, outcome.resumeToken);
    return json(
      {
        gameId: outcome.entry.id,
        code,
        playerId: outcome.player.id,
        nickname: outcome.player.nickname,
        resumed: outcome.resumed,
        playUrl: `/play/${code}`,
      },
      { status: outcome.resumed ? 200 : 201 },
    );
  } catch (error) {
    return toResponse(error);
  }
}
