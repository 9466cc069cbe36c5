import type { SessionModel } from "./session-model";

/**
 * The running study session, saved per deck in sessionStorage (this tab only), so a
 * reload picks up the same cards with the same progress instead of asking the server
 * for a fresh session that has forgotten what this one counted.
 */

export const RESUME_KEY_PREFIX = "quarry-study-session:";
/** A session older than this starts afresh: due cards and daily limits will have moved on. */
export const RESUME_MAX_AGE_MS = 6 * 3_600_000;

type Saved = { savedAt: number; model: SessionModel };

const storageKey = (deckId: string) => `${RESUME_KEY_PREFIX}${deckId}`;

export function saveSession(storage: Storage | undefined, deckId: string, model: SessionModel, now: Date): void {
  if (!storage) return;
  try {
    if (model.phase === "done") storage.removeItem(storageKey(deckId));
    else storage.setItem(storageKey(deckId), JSON.stringify({ savedAt: now.getTime(), model } satisfies Saved));
  } catch {
    // Storage full or disabled: the session still runs, it just won't survive a reload.
  }
}

/** Card dates come back as Date objects; everything else in the model is plain JSON. */
function revive(key: string, value: unknown): unknown {
  return (key === "due" || key === "lastReview") && typeof value === "string" ? new Date(value) : value;
}

export function loadSavedSession(storage: Storage | undefined, deckId: string, now: Date): SessionModel | null {
  if (!storage) return null;
  try {
    const text = storage.getItem(storageKey(deckId));
    if (!text) return null;
    const saved = JSON.parse(text, revive) as Saved;
    const fresh = now.getTime() - saved.savedAt < RESUME_MAX_AGE_MS;
    const usable = saved.model && saved.model.deck?.id === deckId && saved.model.phase !== "done";
    if (fresh && usable && Array.isArray(saved.model.pending) && Array.isArray(saved.model.results)) {
      return saved.model;
    }
    storage.removeItem(storageKey(deckId));
  } catch {
    // A damaged entry: start afresh.
  }
  return null;
}

/** Forgets every saved session, e.g. after the study settings change, so the next card follows them. */
export function clearSavedSessions(storage: Storage | undefined): void {
  if (!storage) return;
  try {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
      (k): k is string => k !== null && k.startsWith(RESUME_KEY_PREFIX),
    );
    for (const k of keys) storage.removeItem(k);
  } catch {
    // Nothing saved that we can reach.
  }
}
