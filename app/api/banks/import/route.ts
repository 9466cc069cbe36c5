import { BIDI_MESSAGE, hasBidiControl, INVALID_TEXT_MESSAGE, isWellFormedText } from "@/lib/api/text";
import { formDataFrom, readBodyWithLimit } from "@/lib/server/body";
import { apiError, crossSiteRefusal, json, tooLarge } from "@/lib/server/http";
import { importBankFile } from "@/lib/server/banks";
import { canUpload } from "@/lib/server/hosting";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

// A bank file of 20 MB plus the multipart envelope.
const MAX_BANK_BYTES = 20 * 1024 * 1024 + 64 * 1024;

/** Imports a bank file as a new deck: all of it, or nothing with every error listed. */
export async function POST(request: Request) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const viewer = await currentViewer();
  if (!(await canUpload(viewer))) return apiError(403, "forbidden", "Sign in as a teacher to import question banks.");
  const body = await readBodyWithLimit(request, MAX_BANK_BYTES);
  if (!body.ok && body.reason === "too_large") return tooLarge("Bank files can be at most 20 MB.");
  const form = body.ok ? await formDataFrom(request, body.bytes) : null;
  const file = form?.get("file");
  if (!file || typeof file === "string") return apiError(400, "no_file", "Choose a bank file to import.");
  // The file name may become the deck's title.
  if (!isWellFormedText(file.name)) return apiError(400, "invalid_text", `The file name ${INVALID_TEXT_MESSAGE}`);
  if (hasBidiControl(file.name)) return apiError(400, "invalid_title", `File names ${BIDI_MESSAGE}`);
  const update = form?.get("updateDeckId");
  const updateDeckId = typeof update === "string" && update.length > 0 && update.length <= 100 ? update : undefined;
  const result = await importBankFile(viewer.user?.id ?? null, file.name, new Uint8Array(await file.arrayBuffer()), {
    updateDeckId,
  });
  if (!result.ok) {
    return json(
      {
        error: { code: "invalid_bank", message: "Nothing was imported.", errors: result.errors, report: result.report },
      },
      { status: 422 },
    );
  }
  return json(result);
}
