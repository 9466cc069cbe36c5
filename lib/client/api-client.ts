import type { ApiError, CardStateJson, StudySession } from "@/lib/api/study-contract";

/**
 * Fetch calls for loading a study session and undoing a saved answer; every failure
 * becomes a typed value, never a throw. Answers themselves are sent by the answer
 * queue (review-queue.ts), which owns their retries.
 */

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The message of an `ApiError` body, if the reply has one. */
export async function errorMessage(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.json()) as Partial<ApiError>;
    return typeof body.error?.message === "string" ? body.error.message : undefined;
  } catch {
    return undefined;
  }
}

export type UndoOutcome =
  { kind: "undone"; card: CardStateJson } | { kind: "offline" } | { kind: "rejected"; status: number; message: string };

export async function undoReview(fetchFn: FetchLike, reviewId: string): Promise<UndoOutcome> {
  let res: Response;
  try {
    res = await fetchFn(`/api/reviews/${encodeURIComponent(reviewId)}/undo`, { method: "POST" });
  } catch {
    return { kind: "offline" };
  }
  if (res.ok) {
    const body = (await res.json().catch(() => null)) as { card?: CardStateJson } | null;
    if (body?.card) return { kind: "undone", card: body.card };
    return { kind: "rejected", status: res.status, message: "The server sent an unreadable reply." };
  }
  const message = (await errorMessage(res)) ?? `The server could not undo this answer (HTTP ${res.status}).`;
  return { kind: "rejected", status: res.status, message };
}

export type SessionLoad = { kind: "ok"; session: StudySession } | { kind: "error"; message: string };

export async function loadSession(fetchFn: FetchLike, deckId: string, timeZone: string): Promise<SessionLoad> {
  const url = `/api/decks/${encodeURIComponent(deckId)}/session?tz=${encodeURIComponent(timeZone)}`;
  try {
    const res = await fetchFn(url, { cache: "no-store" });
    if (res.ok) return { kind: "ok", session: (await res.json()) as StudySession };
    const message = (await errorMessage(res)) ?? `Could not load this deck (HTTP ${res.status}).`;
    return { kind: "error", message };
  } catch {
    return { kind: "error", message: "Could not reach the server. Check your connection and try again." };
  }
}
