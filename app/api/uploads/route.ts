import type { UploadEvent } from "@/lib/api/uploads";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from "@/lib/ingest";
import { BIDI_MESSAGE, hasBidiControl, INVALID_TEXT_MESSAGE, isWellFormedText } from "@/lib/api/text";
import { readBodyWithLimit } from "@/lib/server/body";
import { apiError, crossSiteRefusal, tooLarge } from "@/lib/server/http";
import { canUpload } from "@/lib/server/hosting";
import { ingestUploads, parseUploadForm } from "@/lib/server/uploads";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

// Room for 20 files of 10 MB plus multipart overhead and pasted text.
const MAX_REQUEST_BYTES = MAX_UPLOAD_FILES * MAX_UPLOAD_BYTES + 2 * 1024 * 1024;

/** Multipart upload; answers with a stream of progress events, one JSON object per line. */
export async function POST(request: Request) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const viewer = await currentViewer();
  if (!(await canUpload(viewer))) return apiError(403, "forbidden", "Sign in as a teacher to upload documents.");
  const body = await readBodyWithLimit(request, MAX_REQUEST_BYTES);
  if (!body.ok && body.reason === "too_large") {
    return tooLarge(`Upload at most ${MAX_UPLOAD_FILES} files of 10 MB each at a time.`);
  }
  // The multipart body is parsed in a worker thread, off the request thread.
  const form = body.ok ? await parseUploadForm(request.headers.get("content-type") ?? "", body.bytes) : null;
  if (!form?.ok) return apiError(400, "invalid_form", "Send the files as multipart/form-data.");
  const { files, fields } = form;
  const pastedText = fields.pasteText ?? "";
  const pasteTitle = fields.pasteTitle ?? "";
  const badText = [pastedText, ...files.map((f) => f.name)].some((t) => !isWellFormedText(t));
  if (badText || !isWellFormedText(pasteTitle))
    return apiError(400, "invalid_text", `The text ${INVALID_TEXT_MESSAGE}`);
  // File names become titles when a document has none of its own.
  if ([pasteTitle, ...files.map((f) => f.name)].some(hasBidiControl)) {
    return apiError(400, "invalid_title", `Titles and file names ${BIDI_MESSAGE}`);
  }
  const paste = pastedText.trim() ? { title: pasteTitle.slice(0, 200), text: pastedText } : undefined;

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const emit = (e: UploadEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
      try {
        await ingestUploads(viewer.user?.id ?? null, { files, paste }, emit);
      } catch (err) {
        console.error(err);
        emit({
          type: "failed",
          file: "",
          code: "server_error",
          message: "The upload stopped on a server error; files already listed as done were saved.",
        });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-cache, no-transform" },
  });
}
