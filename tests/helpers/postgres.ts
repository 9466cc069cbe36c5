import crypto from "node:crypto";
import pg from "pg";

/**
 * A PostgreSQL server for tests: QUARRY_TEST_PG_URL names a role that may
 * create databases (`.ci/run` and scripts/dev-services.sh start one with the
 * default below). Each test file gets its own database, copied from a template
 * that the integration-pg project migrates once.
 */
export const DEFAULT_TEST_PG_URL = "postgresql://quarry:quarry@localhost:5432/quarry";

export function testPgUrl(): string {
  return process.env.QUARRY_TEST_PG_URL || DEFAULT_TEST_PG_URL;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPgUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the server answers, and if not, why (for the skip message). */
export async function pgUnavailableReason(): Promise<string | null> {
  try {
    await admin((c) => c.query("SELECT 1"));
    return null;
  } catch (error) {
    return `${testPgUrl().replace(/:[^:@/]*@/, ":***@")}: ${(error as Error).message}`;
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A new, empty (or copied from `template`) database; returns its URL. */
export async function createTestDatabase(prefix: string, template?: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  await admin(async (c) => {
    const from = template ? ` TEMPLATE ${quoteIdent(template)}` : "";
    // Two files copying the same template at the same instant can collide; the copy is quick, so retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${quoteIdent(name)}${from}`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return { name, url: withDatabase(testPgUrl(), name) };
}

/**
 * Ends this role's own connections, then drops. Not `WITH (FORCE)`: that also
 * tries to end other roles' backends (the server's own maintenance ones), which
 * a CREATEDB role may not, and fails the test run now and then.
 */
export async function dropTestDatabase(name: string): Promise<void> {
  await admin(async (c) => {
    for (let attempt = 1; ; attempt++) {
      await c.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()",
        [name],
      );
      try {
        return await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
}
