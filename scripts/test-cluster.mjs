// The multi-instance test (vitest project `cluster`): three production servers
// on one PostgreSQL and one Redis behind nginx (deploy/nginx.conf). Without one
// of them it skips with a message naming what is missing, except in CI
// (CI=true), where that is a failure: CI must run it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import Redis from "ioredis";
import pg from "pg";

const pgUrl = process.env.QUARRY_TEST_PG_URL || "postgresql://quarry:quarry@localhost:5432/quarry";
const redisUrl = process.env.QUARRY_TEST_REDIS_URL || "redis://localhost:6379";
const missing = [];

const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.query("SELECT 1");
} catch (error) {
  missing.push(`PostgreSQL at ${pgUrl.replace(/:[^:@/]*@/, ":***@")} (${error.message}; QUARRY_TEST_PG_URL)`);
} finally {
  await client.end().catch(() => {});
}

const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000 });
redis.on("error", () => undefined);
try {
  await redis.connect();
  await redis.ping();
} catch (error) {
  missing.push(`Redis at ${redisUrl} (${error.message}; QUARRY_TEST_REDIS_URL)`);
} finally {
  redis.disconnect();
}

const nginx = process.env.QUARRY_TEST_NGINX || "nginx";
const found = spawnSync("sh", ["-c", `command -v ${nginx} || command -v /usr/sbin/nginx`], { encoding: "utf8" });
const nginxPath = found.stdout.trim().split("\n")[0];
if (found.status !== 0 || !nginxPath) missing.push("nginx (apt-get install -y nginx-light; QUARRY_TEST_NGINX)");

if (missing.length > 0) {
  const ci = process.env.CI === "true" || process.env.CI === "1";
  const what = `The multi-instance test needs ${missing.join(", ")}.`;
  if (!ci) {
    console.log(`\nSkipping the multi-instance test. ${what} scripts/dev-services.sh starts PostgreSQL and Redis.\n`);
    process.exit(0);
  }
  console.error(`\n${what}\n`);
  process.exit(1);
}

const vitest = path.resolve("node_modules", ".bin", "vitest");
const result = spawnSync(vitest, ["run", "--project", "cluster", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, QUARRY_TEST_PG_URL: pgUrl, QUARRY_TEST_REDIS_URL: redisUrl, QUARRY_TEST_NGINX: nginxPath },
});
process.exit(result.status ?? 1);
