import { apiError } from "@/lib/server/http";
import { EXPORT_FORMAT_NAMES, exportDeck, parseExportFormat } from "@/lib/server/banks";
import { currentShareTokens } from "@/lib/server/deck-share";
import { loadReadableDeck } from "@/lib/server/decks";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ deckId: string }> }) {
  const deck = await loadReadableDeck(await currentViewer(), (await params).deckId, await currentShareTokens());
  if (!deck) return apiError(404, "deck_not_found", "That deck does not exist.");
  const format = parseExportFormat(new URL(request.url).searchParams.get("format"));
  if (!format) return apiError(400, "invalid_format", `Choose format=${EXPORT_FORMAT_NAMES.join(", ")}.`);
  const result = await exportDeck(deck, format, new Date());
  if (!result.ok) return apiError(422, "export_failed", result.message);
  const body = typeof result.body === "string" ? result.body : Buffer.from(result.body);
  return new Response(body, {
    headers: {
      "Content-Type": result.type,
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
