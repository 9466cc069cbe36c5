import type { HeaderReader } from "./http";

/**
 * Which scheme and origin a request reached Quarry through, decided one way
 * everywhere (cookies' Secure flag, join links, share links).
 *
 * - QUARRY_BASE_URL, when set, is the operator's statement of the public URL
 *   and wins: links use its origin, and an https:// one makes cookies Secure.
 * - Otherwise the request's own URL, or the first hop of X-Forwarded-Proto /
 *   X-Forwarded-Host that a TLS proxy adds. Those headers can be forged, but
 *   only to the sender's own harm: a forged "https" makes the browser drop a
 *   Secure cookie sent over http, and a forged host only changes the link that
 *   the sender is shown.
 */

const FALLBACK_HOST = "localhost:3000";

/** The configured public URL, or undefined when QUARRY_BASE_URL is unset or empty. */
export function configuredBaseUrl(): string | undefined {
  return process.env.QUARRY_BASE_URL || undefined;
}

/** The first value of a header that proxies append to ("https, http" → "https"). */
function firstHop(headers: HeaderReader, name: string): string | null {
  const value = headers.get(name)?.split(",")[0]?.trim();
  return value ? value : null;
}

/** Whether the client is on https; `url` is the request's URL when there is one (route handlers). */
export function isHttpsRequest(headers: HeaderReader, url?: string): boolean {
  if (configuredBaseUrl()?.startsWith("https://")) return true;
  if (firstHop(headers, "x-forwarded-proto")?.toLowerCase() === "https") return true;
  return url !== undefined && new URL(url).protocol === "https:";
}

/** "scheme://host" as the client addressed this server, for links people open elsewhere (QR codes, join links). */
export function publicOrigin(headers: HeaderReader, url?: string): string {
  const base = configuredBaseUrl();
  if (base) return new URL(base).origin;
  const host = firstHop(headers, "x-forwarded-host") ?? headers.get("host") ?? FALLBACK_HOST;
  return `${isHttpsRequest(headers, url) ? "https" : "http"}://${host}`;
}
