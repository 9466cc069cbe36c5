import "server-only";

/**
 * In-memory token-bucket limiter keyed by string (an IP, a player, an
 * account). Each key holds `capacity` tokens that refill continuously at
 * `refillPerSecond`; a request spends one. Time comes in as `now`, so tests
 * need no fake timers. One process only: a multi-process deployment needs a
 * shared store behind the same interface.
 */
export type RateLimitOptions = {
  /** Burst size: requests allowed at once from a full bucket. */
  capacity: number;
  /** Sustained rate. */
  refillPerSecond: number;
  /** Idle keys are forgotten once the map grows past this (default 10,000). */
  maxKeys?: number;
};

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

export type RateLimiter = {
  take(key: string, now: Date | number, cost?: number): RateLimitResult;
  /** Tracked keys, for tests and diagnostics. */
  size(): number;
};

type Bucket = { tokens: number; updatedAt: number };

export class RateLimitConfigError extends Error {
  readonly code = "invalid_rate_limit";
  constructor(message: string) {
    super(message);
    this.name = "RateLimitConfigError";
  }
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { capacity, refillPerSecond } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  if (!(capacity >= 1) || !Number.isFinite(capacity)) throw new RateLimitConfigError("capacity must be at least 1.");
  if (!(refillPerSecond > 0) || !Number.isFinite(refillPerSecond)) {
    throw new RateLimitConfigError("refillPerSecond must be a positive number.");
  }
  const buckets = new Map<string, Bucket>();
  const fullAfterMs = (capacity / refillPerSecond) * 1000;

  function refill(bucket: Bucket, at: number): void {
    const elapsed = Math.max(0, at - bucket.updatedAt);
    bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed / 1000) * refillPerSecond);
    bucket.updatedAt = Math.max(bucket.updatedAt, at);
  }

  // A bucket idle long enough to be full again carries no information.
  function prune(at: number): void {
    for (const [key, bucket] of buckets) {
      if (at - bucket.updatedAt >= fullAfterMs) buckets.delete(key);
    }
  }

  return {
    take(key, now, cost = 1) {
      const at = typeof now === "number" ? now : now.getTime();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) prune(at);
        bucket = { tokens: capacity, updatedAt: at };
        buckets.set(key, bucket);
      }
      refill(bucket, at);
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return { ok: true, remaining: Math.floor(bucket.tokens) };
      }
      const missing = cost - bucket.tokens;
      return { ok: false, retryAfterMs: Math.ceil((missing / refillPerSecond) * 1000) };
    },
    size: () => buckets.size,
  };
}
