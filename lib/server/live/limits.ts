import "server-only";

import { clientAddress } from "@/lib/server/client-address";
import { sharedRateLimiter, type SharedRateLimiter } from "@/lib/server/limit-store";
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

type Limiters = {
  joinIp: SharedRateLimiter;
  answerIp: SharedRateLimiter;
  answerPlayer: SharedRateLimiter;
  createIp: SharedRateLimiter;
};

const holder = globalThis as unknown as { quarryLiveLimits?: Limiters };

function limiters(): Limiters {
  const burst = ipBurst();
  holder.quarryLiveLimits ??= {
    joinIp: sharedRateLimiter("live-join-ip", { capacity: burst, refillPerSecond: burst / 60 }),
    answerIp: sharedRateLimiter("live-answer-ip", { capacity: burst * 2, refillPerSecond: burst / 10 }),
    // One answer per question is all a player needs; this stops a script hammering.
    answerPlayer: sharedRateLimiter("live-answer-player", { capacity: 5, refillPerSecond: 0.5 }),
    createIp: sharedRateLimiter("live-create-ip", { capacity: 20, refillPerSecond: 20 / 600 }),
  };
  return holder.quarryLiveLimits;
}

/** The caller's address from the socket, or from trusted proxies only (see lib/server/client-address.ts). */
export function clientIp(_request: Request): string {
  return clientAddress();
}

async function check(limiter: SharedRateLimiter, key: string, now: number, message: string): Promise<void> {
  const result = await limiter.take(key, now);
  if (!result.ok) throw new LiveServiceError("rate_limited", message, result.retryAfterMs);
}

export function limitJoin(ip: string, now: number): Promise<void> {
  return check(
    limiters().joinIp,
    ip,
    now,
    "Too many join attempts from this network. Wait a few seconds and try again.",
  );
}

export function limitCreate(ip: string, now: number): Promise<void> {
  return check(
    limiters().createIp,
    ip,
    now,
    "Too many games created from this network. Wait a few minutes and try again.",
  );
}

export async function limitAnswer(ip: string, playerKey: string, now: number): Promise<void> {
  const message = "Too many answers sent. Wait a moment and try again.";
  // Both at once: with Redis that is one round trip's wait, not two.
  const player = check(limiters().answerPlayer, playerKey, now, message);
  const address = check(limiters().answerIp, ip, now, message);
  await Promise.all([player, address]);
}
