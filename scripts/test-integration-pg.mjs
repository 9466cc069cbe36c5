// The integration suite against PostgreSQL (vitest project integration-pg).
// Without a PostgreSQL install it skips with a message saying so, except in CI
// (CI=true), where a missing database is a failure: CI must run both.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const url = process.env.QUARRY_TEST_PG_URL || "postgresql://quarry:quarry@localhost:5432/quarry";
const shown = url.replace(/:[^:@/]*@/, ":***@");
const installed = ["pg_ctlcluster", "postgres", "pg_ctl"].some(
  (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0,
);

let reason = null;
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.query("SELECT 1");
} catch (error) {
  reason = error.message;
} finally {
  await client.end().catch(() => {});
}

if (reason) {
  const ci = process.env.CI === "true" || process.env.CI === "1";
  if (!installed && !ci) {
    console.log(
      `\nSkipping the PostgreSQL integration run: PostgreSQL is not installed (no pg_ctlcluster, postgres or pg_ctl ` +
        `on PATH) and ${shown} does not answer (${reason}). Install it (apt-get install -y postgresql), ` +
        `then run scripts/dev-services.sh, or set QUARRY_TEST_PG_URL.\n`,
    );
    process.exit(0);
  }
  console.error(
    `\nThe PostgreSQL integration run needs a server at ${shown} (QUARRY_TEST_PG_URL): ${reason}. ` +
      `Start it with scripts/dev-services.sh.\n`,
  );
  process.exit(1);
}

const vitest = path.resolve("node_modules", ".bin", "vitest");
const result = spawnSync(vitest, ["run", "--project", "integration-pg", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, QUARRY_TEST_PG_URL: url },
});
process.exit(result.status ?? 1);
