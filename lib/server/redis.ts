import Redis, { type RedisOptions } from "ioredis";

/*
 * The Redis that several app instances share (REDIS_URL), or null when the
 * install runs as one process: then rate limits, sign-in throttles and live
 * games stay in this process's memory, exactly as without Redis.
 */

/** Key prefix, so several installs (or test runs) can share one Redis. */
export function redisPrefix(): string {
  return process.env.QUARRY_REDIS_PREFIX || "quarry:";
}

export function redisUrl(): string | null {
  return process.env.REDIS_URL?.trim() || null;
}

type Holder = { quarryRedis?: { url: string; client: Redis } };
const holder = globalThis as unknown as Holder;

/**
 * Options for every connection: a command fails after a short wait instead of
 * queueing while Redis is away, so a request is answered (from the in-memory
 * fallback, or with an error) rather than left hanging.
 */
export function redisOptions(): RedisOptions {
  return { maxRetriesPerRequest: 1, commandTimeout: 3000, connectTimeout: 3000, lazyConnect: false };
}

/** The shared command connection, or null without REDIS_URL. */
export function redis(): Redis | null {
  const url = redisUrl();
  if (!url) return null;
  if (holder.quarryRedis?.url !== url) {
    const client = new Redis(url, redisOptions());
    client.on("error", (error: Error) => logRedisError("connection", error));
    holder.quarryRedis = { url, client };
  }
  return holder.quarryRedis.client;
}

const lastLogged = new Map<string, number>();

/** At most one line a minute per kind, so an outage does not flood the log. */
export function logRedisError(kind: string, error: unknown): void {
  const now = Date.now();
  if (now - (lastLogged.get(kind) ?? 0) < 60_000) return;
  lastLogged.set(kind, now);
  console.error(`redis: ${kind} failed (${error instanceof Error ? error.message : String(error)})`);
}

/** Closes the shared connection (tests, shutdown). */
export async function closeRedis(): Promise<void> {
  const held = holder.quarryRedis;
  holder.quarryRedis = undefined;
  if (held) await held.client.quit().catch(() => held.client.disconnect());
}
