import "server-only";

import type { z } from "zod";
import type { ApiError } from "@/lib/api/study-contract";
import { findMalformedText, INVALID_TEXT_MESSAGE } from "@/lib/api/text";
import { isAppError } from "@/lib/errors";
import { readBodyWithLimit, type BodyRead } from "./body";

/**
 * Largest JSON body a route accepts unless it names its own limit. Every JSON
 * body (an answer, a join, a host action, settings, a new game) is well under
 * 2 KB; reading stops at this limit, chunked or not.
 */
export const MAX_JSON_BYTES = 16 * 1024;

export function apiError(status: number, code: string, message: string, issues?: ApiError["error"]["issues"]) {
  const body: ApiError = { error: { code, message, ...(issues ? { issues } : {}) } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * The one mapping from a service's refusal to an HTTP answer: an AppError
 * becomes its status and code (with Retry-After when it has one); anything
 * else is a bug and is rethrown.
 */
export function toResponse(error: unknown): Response {
  if (!isAppError(error)) throw error;
  const response = apiError(error.status, error.code, error.message);
  const wait = error.details.retryAfterMs;
  if (wait !== undefined) response.headers.set("Retry-After", String(Math.max(1, Math.ceil(wait / 1000))));
  return response;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** What the body checks read of a request's headers (a Request's, or a node:http request's). */
export type HeaderReader = { get(name: string): string | null };

/** Reads and validates a JSON body; every failure becomes a 4xx with a readable message. */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes: number = MAX_JSON_BYTES,
): Promise<Parsed<z.infer<S>>> {
  const refused = refuseJsonRequest(request.headers);
  if (refused) return { ok: false, response: refused };
  return parseJsonBytes(await readBodyWithLimit(request, maxBytes), schema, maxBytes);
}

/** The checks made before a JSON body is read: same site, and declared as JSON. */
export function refuseJsonRequest(headers: HeaderReader): Response | null {
  const refused = crossSiteRefusal({ headers });
  if (refused) return refused;
  const type = headers.get("content-type") ?? "";
  return type.includes("application/json")
    ? null
    : apiError(415, "unsupported_media_type", "Send the body as application/json.");
}

/** Validates a body read with `maxBytes` as its limit. */
export function parseJsonBytes<S extends z.ZodType>(body: BodyRead, schema: S, maxBytes: number): Parsed<z.infer<S>> {
  if (!body.ok) {
    return {
      ok: false,
      response:
        body.reason === "too_large"
          ? tooLarge(`The body is over ${Math.round(maxBytes / 1024)} KB.`)
          : apiError(400, "unreadable_body", "The body could not be read."),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body.bytes));
  } catch {
    return { ok: false, response: apiError(400, "invalid_json", "The body is not valid JSON.") };
  }
  // One check for every JSON body: no string anywhere may hold a lone surrogate.
  const malformed = findMalformedText(json);
  if (malformed !== null) {
    return { ok: false, response: apiError(400, "invalid_text", `Invalid ${malformed}: it ${INVALID_TEXT_MESSAGE}`) };
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

/** 413, closing the connection: the rest of an oversized body is not worth reading. */
export function tooLarge(message: string): Response {
  return Response.json({ error: { code: "body_too_large", message } } satisfies ApiError, {
    status: 413,
    headers: { "Cache-Control": "no-store", Connection: "close" },
  });
}

export function json<T>(data: T, init?: ResponseInit) {
  return Response.json(data, { ...init, headers: { "Cache-Control": "no-store", ...init?.headers } });
}

/**
 * Refuses state-changing requests sent from another site. Browsers always
 * send Origin on cross-site POSTs; same-site requests and non-browser clients
 * (no Origin) pass. SameSite cookies are the first line; this is the second.
 */
export function crossSiteRefusal(request: { headers: HeaderReader }): Response | null {
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
