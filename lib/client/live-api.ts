import type { FetchLike } from "./api-client";

export type LiveCallResult<T> =
  { ok: true; status: number; data: T } | { ok: false; status: number; code: string; message: string };

/** POSTs JSON to a live route; every failure (network included) becomes a readable value. */
export async function postLive<T>(fetchFn: FetchLike, url: string, body: unknown): Promise<LiveCallResult<T>> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: "offline", message: "Could not reach the server. Check your connection." };
  }
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    ok: false,
    status: res.status,
    code: typeof error?.code === "string" ? error.code : "http_error",
    message:
      typeof error?.message === "string" ? error.message : `The server refused the request (HTTP ${res.status}).`,
  };
}
