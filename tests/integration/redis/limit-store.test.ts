import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLimitStore, type LimitStore } from "@/lib/server/limit-store";
import { redisLimitStore } from "@/lib/server/redis-limit-store";
import { dropRedisPrefix, redisUnavailableReason, testRedisPrefix, testRedisUrl } from "../../helpers/redis";

/*
 * The Redis limit store against a real Redis, side by side with the in-memory
 * one: the same calls must give the same answers, several "instances" (each
 * its own connection) must share one count, and keys must expire.
 */
const unavailable = await redisUnavailableReason();

describe.skipIf(unavailable !== null)("Redis limit store", () => {
  const prefix = testRedisPrefix("limits");
  const clients: Redis[] = [];
  const connect = () => {
    const c = new Redis(testRedisUrl());
    clients.push(c);
    return c;
  };
  let admin: Redis;

  beforeAll(() => {
    admin = connect();
  });
  afterAll(async () => {
    await dropRedisPrefix(admin, prefix);
    for (const c of clients) c.disconnect();
  });

  const bucket = { capacity: 3, refillPerSecond: 0.5 };
  const throttle = { freeFailures: 2, baseDelayMs: 1000, maxDelayMs: 4000, forgetAfterMs: 60_000 };

  it("gives the same token-bucket answers as the in-memory store", async () => {
    const stores: LimitStore[] = [memoryLimitStore(), redisLimitStore(connect(), `${prefix}same:`)];
    const t0 = 1_700_000_000_000;
    const steps = [0, 0, 0, 0, 500, 1999, 2000, 2000, 6000, 6000, 6000, 6000, 60_000];
    const results = await Promise.all(
      stores.map(async (store) => {
        const out = [];
        for (const dt of steps) out.push(await store.take("b", bucket, "k", t0 + dt, 1));
        out.push(await store.take("b", bucket, "other", t0, 2));
        out.push(await store.take("b", bucket, "other", t0, 2));
        return out;
      }),
    );
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.slice(0, 4)).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
      { ok: false, retryAfterMs: 2000 },
    ]);
  });

  it("gives the same failure-throttle answers as the in-memory store", async () => {
    const stores: LimitStore[] = [memoryLimitStore(), redisLimitStore(connect(), `${prefix}same:`)];
    const t0 = 1_700_000_000_000;
    const results = await Promise.all(
      stores.map(async (store) => {
        const out: unknown[] = [];
        for (let i = 0; i < 6; i++) {
          out.push(await store.check("t", throttle, "k", t0 + i * 10));
          out.push(await store.fail("t", throttle, "k", t0 + i * 10));
        }
        out.push(await store.check("t", throttle, "k", t0 + 50 + 3999));
        out.push(await store.check("t", throttle, "k", t0 + 50 + 4000));
        // Idle past forgetAfterMs: starts over.
        out.push(await store.fail("t", throttle, "k", t0 + 50 + 60_000));
        await store.succeed("t", "k");
        out.push(await store.check("t", throttle, "k", t0 + 50 + 60_001));
        for (let i = 0; i < 3; i++) out.push(await store.fail("t", throttle, "k", t0 + 70_000));
        return out;
      }),
    );
    expect(results[1]).toEqual(results[0]);
    // Two free failures, then 1 s, 2 s, 4 s, 4 s (capped).
    expect(results[0]!.filter((_, i) => i % 2 === 1 && i < 12)).toEqual([0, 0, 1000, 2000, 4000, 4000]);
  });

  it("holds one count for several instances, however they interleave", async () => {
    const instances = [0, 1, 2].map(() => redisLimitStore(connect(), `${prefix}shared:`));
    const now = Date.now();
    const capacity = 20;
    const takes = Array.from({ length: 60 }, (_, i) =>
      instances[i % 3]!.take("b", { capacity, refillPerSecond: 0.001 }, "ip", now, 1),
    );
    const granted = (await Promise.all(takes)).filter((r) => r.ok).length;
    expect(granted).toBe(capacity);

    const fails = Array.from({ length: 9 }, (_, i) => instances[i % 3]!.fail("t", throttle, "ip", now));
    const delays = (await Promise.all(fails)).sort((a, b) => a - b);
    expect(delays).toEqual([0, 0, 1000, 2000, 4000, 4000, 4000, 4000, 4000]);
    // Another instance sees the block at once.
    expect(await instances[2]!.check("t", throttle, "ip", now)).toEqual({ ok: false, retryAfterMs: 4000 });
    await instances[1]!.succeed("t", "ip");
    expect(await instances[0]!.check("t", throttle, "ip", now)).toEqual({ ok: true });
  });

  it("lets keys expire once they carry no information", async () => {
    const store = redisLimitStore(connect(), `${prefix}ttl:`);
    const now = Date.now();
    await store.take("b", { capacity: 2, refillPerSecond: 1 }, "k", now, 1);
    await store.fail("t", throttle, "k", now);
    const bucketTtl = await admin.pttl(`${prefix}ttl:bucket:b:k`);
    const throttleTtl = await admin.pttl(`${prefix}ttl:throttle:t:k`);
    // A bucket is full again after capacity / rate (2 s), plus a second's margin.
    expect(bucketTtl).toBeGreaterThan(0);
    expect(bucketTtl).toBeLessThanOrEqual(3000);
    expect(throttleTtl).toBeGreaterThan(0);
    expect(throttleTtl).toBeLessThanOrEqual(60_000);
  });
});

describe("limit store selection", () => {
  const saved = { url: process.env.REDIS_URL, prefix: process.env.QUARRY_REDIS_PREFIX };
  afterAll(async () => {
    const { closeRedis } = await import("@/lib/server/redis");
    await closeRedis();
    if (saved.url === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = saved.url;
    if (saved.prefix === undefined) delete process.env.QUARRY_REDIS_PREFIX;
    else process.env.QUARRY_REDIS_PREFIX = saved.prefix;
  });

  it("keeps limits in memory without REDIS_URL, and falls back to memory while Redis cannot be reached", async () => {
    const { sharedRateLimiter } = await import("@/lib/server/limit-store");
    const { redis } = await import("@/lib/server/redis");
    delete process.env.REDIS_URL;
    expect(redis()).toBeNull();
    const limiter = sharedRateLimiter("selection", { capacity: 1, refillPerSecond: 0.01 });
    expect((await limiter.take("k", 1000)).ok).toBe(true);
    expect((await limiter.take("k", 1000)).ok).toBe(false);

    // Nothing listens on port 1: every Redis call fails, and the fallback still counts.
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      expect((await limiter.take("k", 1000)).ok).toBe(true);
      expect((await limiter.take("k", 1000)).ok).toBe(false);
    } finally {
      console.error = original;
    }
    expect(errors.length).toBeGreaterThan(0);
  });
});
