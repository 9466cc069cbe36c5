import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
export const e2eDatabaseUrl = "file:./data/e2e.db";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // Two cores: one browser at a time keeps timings stable.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A fresh database each run; start.mjs migrates, imports content/, builds if stale.
    command: "rm -f data/e2e.db data/e2e.db-* && node scripts/start.mjs",
    url: `http://localhost:${port}/api/health`,
    env: { DATABASE_URL: e2eDatabaseUrl, PORT: String(port) },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
