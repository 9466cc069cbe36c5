import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React Server Components; tests import server modules directly.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        // A generous budget: CI has two cores, and a few tests read 5 MB inputs or start processes.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        extends: true,
        // React components rendered into a DOM (jsdom) and driven like a person would.
        test: {
          name: "component",
          include: ["tests/component/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["tests/component/setup.ts"],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // PostgreSQL-only tests (migration runner, db:copy) run in integration-pg.
          exclude: ["tests/integration/postgres/**"],
          environment: "node",
          // Each file gets its own SQLite database; running files in parallel is safe.
          // Question generation runs in worker threads, each of which loads the NLP model on
          // start; with several files doing so at once on two cores, imports need a wider budget.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        // The same suite against PostgreSQL (QUARRY_TEST_PG_URL, see tests/helpers/postgres.ts):
        // each file gets its own database, copied from a template migrated once.
        // `npm run test:integration` runs it through scripts/test-integration-pg.mjs.
        test: {
          name: "integration-pg",
          include: ["tests/integration/**/*.test.ts"],
          // Upgrades an SQLite file migration by migration; PostgreSQL's history is tested in postgres/.
          // Redis tests need no database; the SQLite run covers them.
          exclude: ["tests/integration/decks-migration.test.ts", "tests/integration/redis/**"],
          environment: "node",
          env: { QUARRY_TEST_DB: "postgresql" },
          globalSetup: ["tests/integration/helpers/pg-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        // Three production servers on one PostgreSQL and one Redis behind nginx
        // (deploy/nginx.conf); `npm run test:cluster` runs it through scripts/test-cluster.mjs.
        test: {
          name: "cluster",
          include: ["tests/cluster/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          // Setup builds the app when the build is older than the sources.
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
