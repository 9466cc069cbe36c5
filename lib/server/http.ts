import type { z } from "zod";
import type { ApiError } from "@/lib/api/study";

/** Largest JSON body any route accepts; bigger requests are refused before parsing. */
export const MAX_JSON_BYTES = 64 * 1024;

export function apiError(status: number, code: string, message: string, issues?: ApiError["error"]["issues"]) {
  const body: ApiError = { error: { code, message, ...(issues ? { issues } : {}) } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads and validates a JSON body; every failure becomes a 4xx with a readable message. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.infer<S>>> {
  const refused = crossSiteRefusal(request);
  if (refused) return { ok: false, response: refused };
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    return { ok: false, response: apiError(415, "unsupported_media_type", "Send the body as application/json.") };
  }
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) {
    return { ok: false, response: apiError(413, "body_too_large", `The body is over ${MAX_JSON_BYTES / 1024} KB.`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: apiError(400, "invalid_json", "The body is not valid JSON.") };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const first = issues[0];
    const message = first ? `Invalid ${first.path || "body"}: ${first.message}` : "Invalid body.";
    return { ok: false, response: apiError(400, "invalid_body", message, issues) };
  }
  return { ok: true, data: result.data };
}

export function json<T>(data: T, init?: ResponseInit) {
  return Response.json(data, { ...init, headers: { "Cache-Control": "no-store", ...init?.headers } });
}

/**
 * Refuses state-changing requests sent from another site. Browsers always
 * send Origin on cross-site POSTs; same-site requests and non-browser clients
 * (no Origin) pass. SameSite cookies are the first line; this is the second.
 */
export function crossSiteRefusal(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (!origin) return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return apiError(403, "cross_site", "Requests from other sites are not accepted.");
  }
  return originHost === host ? null : apiError(403, "cross_site", "Requests from other sites are not accepted.");
}
