import "server-only";

import { clientAddress } from "@/lib/server/client-address";
import { createRateLimiter, type RateLimiter } from "@/lib/server/rate-limit";
import { LiveServiceError } from "./errors";

/**
 * Per-IP burst for joins and answers. A classroom on one Wi-Fi usually shows
 * each phone's own address, but a school NAT can put a whole class behind
 * one, hence the generous default. Load tests from one machine raise it with
 * QUARRY_LIVE_IP_LIMIT.
 */
function ipBurst(): number {
  const n = Number(process.env.QUARRY_LIVE_IP_LIMIT);
  return Number.isFinite(n) && n >= 1 ? n : 120;
}

type Limiters = { joinIp: RateLimiter; answerIp: RateLimiter; answerPlayer: RateLimiter; createIp: RateLimiter };

const holder = globalThis as unknown as { quarryLiveLimits?: Limiters };

function limiters(): Limiters {
  const burst = ipBurst();
  holder.quarryLiveLimits ??= {
    joinIp: createRateLimiter({ capacity: burst, refillPerSecond: burst / 60 }),
    answerIp: createRateLimiter({ capacity: burst * 2, refillPerSecond: burst / 10 }),
    // One answer per question is all a player needs; this stops a script hammering.
    answerPlayer: createRateLimiter({ capacity: 5, refillPerSecond: 0.5 }),
    createIp: createRateLimiter({ capacity: 20, refillPerSecond: 20 / 600 }),
  };
  return holder.quarryLiveLimits;
}

/** The caller's address from the socket, or from trusted proxies only (see lib/server/client-address.ts). */
export function clientIp(_request: Request): string {
  return clientAddress();
}

function check(limiter: RateLimiter, key: string, now: number, message: string): void {
  const result = limiter.take(key, now);
  if (!result.ok) throw new LiveServiceError("rate_limited", message, result.retryAfterMs);
}

export function limitJoin(ip: string, now: number): void {
  check(limiters().joinIp, ip, now, "Too many join attempts from this network. Wait a few seconds and try again.");
}

export function limitCreate(ip: string, now: number): void {
  check(limiters().createIp, ip, now, "Too many games created from this network. Wait a few minutes and try again.");
}

export function limitAnswer(ip: string, playerKey: string, now: number): void {
  const message = "Too many answers sent. Wait a moment and try again.";
  check(limiters().answerPlayer, playerKey, now, message);
  check(limiters().answerIp, ip, now, message);
}
