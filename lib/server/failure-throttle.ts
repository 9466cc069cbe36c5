/**
 * Throttles failures, not attempts: each key (an account and address pair,
 * an address) gets `freeFailures` wrong tries, then must wait a delay that
 * doubles with every further failure, up to `maxDelayMs`. A success clears
 * the key, so the owner signing in never uses anything up. Time comes in as
 * `now`. One process only, like the rate limiter.
 */
export type FailureThrottleOptions = {
  freeFailures: number;
  /** Delay after the first failure past the free ones. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key idle this long starts over. */
  forgetAfterMs: number;
  /** Keys kept at most; the oldest idle ones are dropped past it (default 50,000). */
  maxKeys?: number;
};

export type ThrottleCheck = { ok: true } | { ok: false; retryAfterMs: number };

type Entry = { failures: number; blockedUntil: number; lastFailure: number };

export function createFailureThrottle(options: FailureThrottleOptions) {
  const entries = new Map<string, Entry>();
  const maxKeys = options.maxKeys ?? 50_000;

  function live(key: string, now: number): Entry | undefined {
    const entry = entries.get(key);
    if (entry && now - entry.lastFailure >= options.forgetAfterMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function prune(now: number): void {
    for (const [key, entry] of entries) if (now - entry.lastFailure >= options.forgetAfterMs) entries.delete(key);
    // Still full: drop the oldest (Map keeps insertion order, refreshed on each failure).
    for (const key of entries.keys()) {
      if (entries.size < maxKeys) break;
      entries.delete(key);
    }
  }

  return {
    check(key: string, now: number): ThrottleCheck {
      const entry = live(key, now);
      return entry && entry.blockedUntil > now ? { ok: false, retryAfterMs: entry.blockedUntil - now } : { ok: true };
    },
    /** Records a failure; returns the delay now imposed (0 while failures are free). */
    fail(key: string, now: number): number {
      const entry = live(key, now) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
      entries.delete(key);
      if (entries.size >= maxKeys) prune(now);
      entry.failures++;
      entry.lastFailure = now;
      const over = entry.failures - options.freeFailures;
      const delay = over > 0 ? Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (over - 1)) : 0;
      entry.blockedUntil = now + delay;
      entries.set(key, entry);
      return delay;
    },
    succeed(key: string): void {
      entries.delete(key);
    },
    size: () => entries.size,
  };
}

/** "Try again in 8 seconds" / "in 3 minutes". */
export function retryMessage(retryAfterMs: number): string {
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `Too many attempts. Try again in ${s < 90 ? `${s} second${s === 1 ? "" : "s"}` : `${Math.ceil(s / 60)} minutes`}.`;
}
