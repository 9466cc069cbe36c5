import { rememberShareToken } from "@/lib/server/deck-share";
import { findSharedDeck } from "@/lib/server/decks";
import { apiError } from "@/lib/server/http";
import { isHttpsRequest } from "@/lib/server/request-origin";

export const dynamic = "force-dynamic";

/** A deck's share link: remembers the token in this browser, then opens the deck. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token;
  const deck = await findSharedDeck(token);
  if (!deck) return apiError(404, "not_found", "That share link does not work any more.");
  await rememberShareToken(deck.id, token, isHttpsRequest(request.headers, request.url));
  return new Response(null, { status: 303, headers: { Location: `/decks/${encodeURIComponent(deck.id)}` } });
}
