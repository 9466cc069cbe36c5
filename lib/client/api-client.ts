import type { ApiError, CardStateJson, ReviewResult, ReviewSubmission, StudySession } from "@/lib/api/study-contract";
import type { SendOutcome } from "@/lib/study/send-outcome";

/** Thin fetch wrappers for the study routes; every failure becomes a typed value, never a throw. */

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

async function errorMessage(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.json()) as Partial<ApiError>;
    return typeof body.error?.message === "string" ? body.error.message : undefined;
  } catch {
    return undefined;
  }
}

export type SendResult = { outcome: SendOutcome; result: ReviewResult | null };

export async function sendReview(fetchFn: FetchLike, submission: ReviewSubmission): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetchFn("/api/reviews", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(submission),
    });
  } catch {
    return { outcome: { kind: "network-error", message: "Could not reach the server." }, result: null };
  }
  if (res.ok) {
    const result = (await res.json().catch(() => null)) as ReviewResult | null;
    return { outcome: { kind: "http", status: res.status }, result };
  }
  return { outcome: { kind: "http", status: res.status, message: await errorMessage(res) }, result: null };
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
