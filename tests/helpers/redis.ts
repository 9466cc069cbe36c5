import crypto from "node:crypto";
import Redis from "ioredis";

/**
 * A Redis for tests: QUARRY_TEST_REDIS_URL (`.ci/run` and
 * scripts/dev-services.sh start one at the default below). Each test run uses
 * its own key prefix and deletes its keys afterwards, so runs never meet.
 */
export const DEFAULT_TEST_REDIS_URL = "redis://localhost:6379";

export function testRedisUrl(): string {
  return process.env.QUARRY_TEST_REDIS_URL || DEFAULT_TEST_REDIS_URL;
}

export const isCi = () => process.env.CI === "true" || process.env.CI === "1";

/** Null when Redis answers; otherwise why not. Under CI a missing Redis is a failure, not a skip. */
export async function redisUnavailableReason(): Promise<string | null> {
  const client = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    const reason = `Redis at ${testRedisUrl()} does not answer (${(error as Error).message}); install redis-server and run scripts/dev-services.sh, or set QUARRY_TEST_REDIS_URL`;
    if (isCi()) throw new Error(`CI needs Redis: ${reason}`);
    console.log(`Skipping the Redis tests: ${reason}.`);
    return reason;
  } finally {
    client.disconnect();
  }
}

export function testRedisPrefix(label: string): string {
  return `quarry-test:${label}:${process.pid}:${crypto.randomBytes(4).toString("hex")}:`;
}

/** Deletes every key under a prefix. */
export async function dropRedisPrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== "0");
}
