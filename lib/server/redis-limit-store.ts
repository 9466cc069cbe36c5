import "server-only";

import type Redis from "ioredis";
import type { FailureThrottleOptions } from "./failure-throttle";
import type { LimitStore } from "./limit-store";
import type { RateLimitOptions } from "./rate-limit";

/*
 * The limit store in Redis. Each step is one Lua script, so a read, its
 * decision and the write happen atomically however many instances ask at
 * once. Time comes from the caller (`now`), as in memory; keys expire once
 * they carry no information (a bucket that has refilled, a throttle idle for
 * `forgetAfterMs`), so Redis holds only keys in use.
 */

// KEYS[1] bucket; ARGV capacity, refill per ms, now, cost, ttl ms → {1, remaining} | {0, retryAfterMs}
const TAKE = `
local cap = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local b = redis.call('HMGET', KEYS[1], 't', 'u')
local tokens = tonumber(b[1])
local updated = tonumber(b[2])
if tokens == nil or updated == nil then tokens = cap; updated = now end
tokens = math.min(cap, tokens + math.max(0, now - updated) * rate)
updated = math.max(updated, now)
local ok = 0
local out = 0
if tokens >= cost then
  tokens = tokens - cost
  ok = 1
  out = math.floor(tokens)
else
  out = math.ceil((cost - tokens) / rate)
end
redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'u', string.format('%d', updated))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {ok, out}
`;

// KEYS[1] throttle; ARGV now, forgetAfterMs → 0 (allowed) | retryAfterMs
const CHECK = `
local now = tonumber(ARGV[1])
local e = redis.call('HMGET', KEYS[1], 'b', 'l')
local blocked = tonumber(e[1])
local last = tonumber(e[2])
if blocked == nil or last == nil or now - last >= tonumber(ARGV[2]) then return 0 end
if blocked > now then return blocked - now end
return 0
`;

// KEYS[1] throttle; ARGV now, forgetAfterMs, freeFailures, baseDelayMs, maxDelayMs → delay imposed
const FAIL = `
local now = tonumber(ARGV[1])
local forget = tonumber(ARGV[2])
local e = redis.call('HMGET', KEYS[1], 'f', 'l')
local failures = tonumber(e[1])
local last = tonumber(e[2])
if failures == nil or last == nil or now - last >= forget then failures = 0 end
failures = failures + 1
local over = failures - tonumber(ARGV[3])
local delay = 0
if over > 0 then delay = math.min(tonumber(ARGV[5]), tonumber(ARGV[4]) * 2 ^ (over - 1)) end
redis.call('HSET', KEYS[1], 'f', failures, 'l', string.format('%d', now), 'b', string.format('%d', now + delay))
redis.call('PEXPIRE', KEYS[1], forget)
return delay
`;

type LimitCommands = {
  quarryTake(key: string, ...args: (string | number)[]): Promise<[number, number]>;
  quarryCheck(key: string, ...args: (string | number)[]): Promise<number>;
  quarryFail(key: string, ...args: (string | number)[]): Promise<number>;
};

function withCommands(client: Redis): Redis & LimitCommands {
  const c = client as Redis & Partial<LimitCommands>;
  if (!c.quarryTake) {
    client.defineCommand("quarryTake", { numberOfKeys: 1, lua: TAKE });
    client.defineCommand("quarryCheck", { numberOfKeys: 1, lua: CHECK });
    client.defineCommand("quarryFail", { numberOfKeys: 1, lua: FAIL });
  }
  return c as Redis & LimitCommands;
}

export function redisLimitStore(client: Redis, prefix: string): LimitStore {
  const r = withCommands(client);
  const bucketKey = (name: string, key: string) => `${prefix}bucket:${name}:${key}`;
  const throttleKey = (name: string, key: string) => `${prefix}throttle:${name}:${key}`;
  return {
    async take(name, options: RateLimitOptions, key, now, cost) {
      const ttl = Math.ceil((options.capacity / options.refillPerSecond) * 1000) + 1000;
      const [ok, value] = await r.quarryTake(
        bucketKey(name, key),
        options.capacity,
        options.refillPerSecond / 1000,
        Math.floor(now),
        cost,
        ttl,
      );
      return ok === 1 ? { ok: true, remaining: value } : { ok: false, retryAfterMs: value };
    },
    async check(name, options: FailureThrottleOptions, key, now) {
      const wait = await r.quarryCheck(throttleKey(name, key), Math.floor(now), options.forgetAfterMs);
      return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
    },
    async fail(name, options: FailureThrottleOptions, key, now) {
      return r.quarryFail(
        throttleKey(name, key),
        Math.floor(now),
        options.forgetAfterMs,
        options.freeFailures,
        options.baseDelayMs,
        options.maxDelayMs,
      );
    },
    async succeed(name, key) {
      await r.del(throttleKey(name, key));
    },
  };
}
