import { describe, expect, it } from "vitest";
import { createRateLimiter, RateLimitConfigError } from "@/lib/server/rate-limit";

describe("createRateLimiter", () => {
  it("allows a burst of `capacity` requests, then refuses with the wait until one token is back", () => {
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5 });
    const t0 = 1_000_000;
    expect(limiter.take("a", t0)).toEqual({ ok: true, remaining: 2 });
    expect(limiter.take("a", t0)).toEqual({ ok: true, remaining: 1 });
    expect(limiter.take("a", t0)).toEqual({ ok: true, remaining: 0 });
    // 0.5 tokens per second: one token takes 2,000 ms.
    expect(limiter.take("a", t0)).toEqual({ ok: false, retryAfterMs: 2000 });
  });

  it("refills continuously with time", () => {
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1 });
    const t0 = new Date("2026-01-01T00:00:00Z");
    limiter.take("a", t0);
    limiter.take("a", t0);
    const half = t0.getTime() + 500;
    expect(limiter.take("a", half)).toEqual({ ok: false, retryAfterMs: 500 });
    expect(limiter.take("a", t0.getTime() + 1000).ok).toBe(true);
    expect(limiter.take("a", t0.getTime() + 1000).ok).toBe(false);
  });

  it("never refills above capacity", () => {
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 10 });
    limiter.take("a", 0);
    expect(limiter.take("a", 60_000)).toEqual({ ok: true, remaining: 1 });
  });

  it("keeps keys independent", () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1 });
    expect(limiter.take("a", 0).ok).toBe(true);
    expect(limiter.take("a", 0).ok).toBe(false);
    expect(limiter.take("b", 0).ok).toBe(true);
  });

  it("does not let a clock step backwards mint tokens", () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1 });
    expect(limiter.take("a", 10_000).ok).toBe(true);
    expect(limiter.take("a", 5_000).ok).toBe(false);
    expect(limiter.take("a", 10_500).ok).toBe(false);
    expect(limiter.take("a", 11_000).ok).toBe(true);
  });

  it("supports a cost above one", () => {
    const limiter = createRateLimiter({ capacity: 5, refillPerSecond: 1 });
    expect(limiter.take("a", 0, 4)).toEqual({ ok: true, remaining: 1 });
    expect(limiter.take("a", 0, 4)).toEqual({ ok: false, retryAfterMs: 3000 });
  });

  it("forgets idle keys once the map is full, but not busy ones", () => {
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, maxKeys: 2 });
    limiter.take("idle", 0);
    limiter.take("busy", 1_500);
    limiter.take("busy", 1_500);
    // At 2,000 ms "idle" has been full again for a while; "busy" is still empty-ish.
    limiter.take("new", 2_000);
    expect(limiter.size()).toBe(2);
    expect(limiter.take("busy", 2_000).ok).toBe(false);
  });

  it("rejects nonsensical settings with a typed error", () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(RateLimitConfigError);
    expect(() => createRateLimiter({ capacity: 1, refillPerSecond: 0 })).toThrow(RateLimitConfigError);
  });
});
