import type { TestProject } from "vitest/node";
import { createTestDatabase, dropTestDatabase, pgUnavailableReason } from "../../helpers/postgres";
import { migratePostgres } from "../../../scripts/lib/migrate-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

/**
 * The integration-pg project: migrates one template database with the
 * checked-in PostgreSQL migrations (as `npm start` would), which each test
 * file then copies (CREATE DATABASE … TEMPLATE, much faster than migrating).
 */
export default async function setup(project: TestProject) {
  const missing = await pgUnavailableReason();
  if (missing) {
    throw new Error(
      `PostgreSQL integration tests need a server: ${missing}. ` +
        "Start one with scripts/dev-services.sh, or set QUARRY_TEST_PG_URL to a role with CREATEDB.",
    );
  }
  const template = await createTestDatabase("quarry_it_template");
  await migratePostgres({ url: template.url });
  project.provide("pgTemplate", template.name);
  return async () => dropTestDatabase(template.name);
}
