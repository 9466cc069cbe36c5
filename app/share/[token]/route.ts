import { rememberShareToken } from "@/lib/server/deck-share";
import { findSharedDeck } from "@/lib/server/decks";
import { apiError } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** A deck's share link: remembers the token in this browser, then opens the deck. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token;
  const deck = await findSharedDeck(token);
  if (!deck) return apiError(404, "not_found", "That share link does not work any more.");
  const url = new URL(request.url);
  const secure = url.protocol === "https:" || (process.env.QUARRY_BASE_URL ?? "").startsWith("https://");
  await rememberShareToken(deck.id, token, secure);
  return new Response(null, { status: 303, headers: { Location: `/decks/${encodeURIComponent(deck.id)}` } });
}
