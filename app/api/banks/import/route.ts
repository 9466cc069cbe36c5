import { apiError, crossSiteRefusal, json } from "@/lib/server/http";
import { importBankFile } from "@/lib/server/banks";
import { canUpload } from "@/lib/server/hosting";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

const MAX_BANK_BYTES = 20 * 1024 * 1024;

/** Imports a bank file as a new deck: all of it, or nothing with every error listed. */
export async function POST(request: Request) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const viewer = await currentViewer();
  if (!(await canUpload(viewer))) return apiError(403, "forbidden", "Sign in as a teacher to import question banks.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BANK_BYTES) {
    return apiError(413, "too_large", "Bank files can be at most 20 MB.");
  }
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!file || typeof file === "string") return apiError(400, "no_file", "Choose a bank file to import.");
  const result = await importBankFile(viewer.user?.id ?? null, file.name, new Uint8Array(await file.arrayBuffer()));
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
