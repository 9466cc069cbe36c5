import { currentShareTokens } from "@/lib/server/deck-share";
import { loadReadableDeck } from "@/lib/server/decks";
import { apiError, json } from "@/lib/server/http";
import { currentLearner } from "@/lib/server/learner-session";
import { rememberTimeZone, visitorTimeZone } from "@/lib/server/learner-settings";
import { buildStudySession } from "@/lib/server/study-session";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ deckId: string }> }) {
  const deck = await loadReadableDeck(await currentViewer(), (await params).deckId, await currentShareTokens());
  if (!deck) return apiError(404, "deck_not_found", "That deck does not exist.");
  const tz = new URL(request.url).searchParams.get("tz") ?? undefined;
  // Reading a session creates nothing: a guest learner is made with the first answer (POST /api/reviews).
  const existing = await currentLearner();
  const learner = existing ? await rememberTimeZone(existing, tz) : null;
  return json(await buildStudySession(learner, deck, new Date(), visitorTimeZone(tz)));
}
