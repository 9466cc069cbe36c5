import { apiError } from "@/lib/server/http";
import { currentShareTokens } from "@/lib/server/deck-share";
import { findDeckMedia } from "@/lib/server/banks";
import { loadReadableDocument } from "@/lib/server/decks";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/**
 * An image of an imported deck, readable by whoever may read its document. Served only
 * as one of the image types sniffed on import, never as HTML or SVG, and
 * sandboxed so that even a mislabelled file cannot run anything.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ documentId: string; name: string }> }) {
  const { documentId, name } = await params;
  const doc = await loadReadableDocument(await currentViewer(), documentId, await currentShareTokens());
  if (!doc) return apiError(404, "not_found", "That image does not exist.");
  const media = await findDeckMedia(doc.id, name);
  if (!media) {
    return apiError(404, "not_found", "That image does not exist.");
  }
  return new Response(Buffer.from(media.data), {
    headers: {
      "Content-Type": media.mime,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
      "Cache-Control": "private, max-age=86400",
      ETag: `"${media.sha256}"`,
    },
  });
}
