import { randomInt } from "node:crypto";
import { createTokenGenerator } from "@/lib/live/tokens";
import { apiError, json, parseJsonBody, toResponse } from "@/lib/server/http";
import { currentShareTokens } from "@/lib/server/deck-share";
import { mayHostGames } from "@/lib/server/hosting";
import { setHostCookie } from "@/lib/server/live/cookies";
import { createQuiz } from "@/lib/server/live/games";
import { clientIp, limitCreate } from "@/lib/server/live/limits";
import { newQuizSchema } from "@/lib/server/live/schemas";
import { currentViewer } from "@/lib/server/viewer";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Creates a live quiz; the caller becomes its host (a per-game httpOnly cookie). */
export async function POST(request: Request) {
  const viewer = await currentViewer();
  if (!(await mayHostGames(viewer))) {
    return apiError(403, "not_teacher", "Hosting a live quiz needs a teacher account. Sign in as a teacher.");
  }
  const parsed = await parseJsonBody(request, newQuizSchema);
  if (!parsed.ok) return parsed.response;
  try {
    const now = new Date();
    await limitCreate(clientIp(request), now.getTime());
    const { entry, hostToken } = await createQuiz(
      parsed.data,
      viewer.learnerId,
      now,
      {
        random: () => randomInt(0, 2 ** 32) / 2 ** 32,
        seed: randomInt(0, 2 ** 31),
        newToken: createTokenGenerator(32),
      },
      { viewer, tokens: await currentShareTokens() },
    );
    await setHostCookie(request, entry.id, hostToken);
    return json({ gameId: entry.id, code: entry.game.code, hostUrl: `/live/${entry.id}/host` }, { status: 201 });
  } catch (error) {
    return toResponse(error);
  }
}
