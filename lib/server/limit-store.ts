import "server-only";

import type Redis from "ioredis";
import { createFailureThrottle, type FailureThrottleOptions, type ThrottleCheck } from "./failure-throttle";
import { createRateLimiter, type RateLimitOptions, type RateLimitResult, type RateLimiter } from "./rate-limit";
import { logRedisError, redis, redisPrefix } from "./redis";
import { redisLimitStore } from "./redis-limit-store";

/**
 * Where token buckets and failure throttles keep their counts: this process's
 * memory (one instance) or Redis (several instances behind one proxy, so a
 * limit holds for the whole install, not per instance). Both have the same
 * behaviour; each call is one atomic step. `name` keeps limiters apart.
 */
export type LimitStore = {
  take(name: string, options: RateLimitOptions, key: string, now: number, cost: number): Promise<RateLimitResult>;
  check(name: string, options: FailureThrottleOptions, key: string, now: number): Promise<ThrottleCheck>;
  /** Records a failure; returns the delay now imposed (0 while failures are free). */
  fail(name: string, options: FailureThrottleOptions, key: string, now: number): Promise<number>;
  succeed(name: string, key: string): Promise<void>;
};

export function memoryLimitStore(): LimitStore {
  const buckets = new Map<string, RateLimiter>();
  const throttles = new Map<string, ReturnType<typeof createFailureThrottle>>();
  const bucket = (name: string, options: RateLimitOptions) => {
    let limiter = buckets.get(name);
    if (!limiter) buckets.set(name, (limiter = createRateLimiter(options)));
    return limiter;
  };
  const throttle = (name: string, options: FailureThrottleOptions) => {
    let t = throttles.get(name);
    if (!t) throttles.set(name, (t = createFailureThrottle(options)));
    return t;
  };
  return {
    take: async (name, options, key, now, cost) => bucket(name, options).take(key, now, cost),
    check: async (name, options, key, now) => throttle(name, options).check(key, now),
    fail: async (name, options, key, now) => throttle(name, options).fail(key, now),
    succeed: async (name, key) => throttles.get(name)?.succeed(key),
  };
}

/**
 * Redis when REDIS_URL is set, this process's memory otherwise. While Redis
 * cannot be reached a call falls back to memory (logged once a minute): the
 * limits then hold per instance, which beats refusing every sign-in.
 */
function withFallback(primary: LimitStore, fallback: LimitStore): LimitStore {
  const guard =
    <A extends unknown[], R>(run: (store: LimitStore, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(primary, ...args);
      } catch (error) {
        logRedisError("rate limit", error);
        return run(fallback, ...args);
      }
    };
  return {
    take: guard((s, name: string, o: RateLimitOptions, key: string, now: number, cost: number) =>
      s.take(name, o, key, now, cost),
    ),
    check: guard((s, name: string, o: FailureThrottleOptions, key: string, now: number) => s.check(name, o, key, now)),
    fail: guard((s, name: string, o: FailureThrottleOptions, key: string, now: number) => s.fail(name, o, key, now)),
    succeed: guard((s, name: string, key: string) => s.succeed(name, key)),
  };
}

type Holder = { quarryLimitStore?: { client: Redis | null; store: LimitStore } };
const holder = globalThis as unknown as Holder;

/** The store for this process, chosen from REDIS_URL on first use (and again if it changes). */
export function limitStore(): LimitStore {
  const client = redis();
  if (!holder.quarryLimitStore || holder.quarryLimitStore.client !== client) {
    const memory = memoryLimitStore();
    holder.quarryLimitStore = {
      client,
      store: client ? withFallback(redisLimitStore(client, `${redisPrefix()}limit:`), memory) : memory,
    };
  }
  return holder.quarryLimitStore.store;
}

export type SharedRateLimiter = { take(key: string, now: number, cost?: number): Promise<RateLimitResult> };

/** A token bucket per key (see rate-limit.ts), shared by every instance when Redis is configured. */
export function sharedRateLimiter(name: string, options: RateLimitOptions): SharedRateLimiter {
  // Refuses a bad configuration at start-up, whichever store serves it.
  createRateLimiter(options);
  return { take: (key, now, cost = 1) => limitStore().take(name, options, key, now, cost) };
}

export type SharedFailureThrottle = {
  check(key: string, now: number): Promise<ThrottleCheck>;
  fail(key: string, now: number): Promise<number>;
  succeed(key: string): Promise<void>;
};

/** A failure throttle per key (see failure-throttle.ts), shared by every instance when Redis is configured. */
export function sharedFailureThrottle(name: string, options: FailureThrottleOptions): SharedFailureThrottle {
  return {
    check: (key, now) => limitStore().check(name, options, key, now),
    fail: (key, now) => limitStore().fail(name, options, key, now),
    succeed: (key) => limitStore().succeed(name, key),
  };
}
