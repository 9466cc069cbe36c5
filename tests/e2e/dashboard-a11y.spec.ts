import { execFileSync } from "node:child_process";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../../playwright.config";

const TEACHER = { email: "demo.teacher@quarry.local", password: "quarry-demo-2025" };
// E2E_DATABASE_URL: for running this spec against a server started by hand on another database.
const databaseUrl = process.env.E2E_DATABASE_URL ?? e2eDatabaseUrl;
let dashboardPath = "";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test.beforeAll(() => {
  // The web server has migrated the e2e database and imported content/; add the demo class to it.
  const output = execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/seed-demo.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 120_000,
  });
  const match = /Dashboard: (\/classes\/\S+)/.exec(output);
  if (!match) throw new Error(`seed-demo did not print the dashboard path:\n${output}`);
  dashboardPath = match[1]!;
});

test("the class dashboard and a learner drill-down have no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(TEACHER.email);
  await page.getByLabel("Password").fill(TEACHER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

  await page.goto(dashboardPath);
  await expect(page.getByRole("heading", { level: 1, name: "Demo class (sample data)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Learners", exact: true })).toBeVisible();
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Sorting and filtering keep the page accessible too.
  await page.getByRole("button", { name: /Retention, 30 days/ }).click();
  await page.getByLabel("Show").selectOption("low-retention");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel("Show").selectOption("all");
  await page.getByRole("link", { name: "Demo Learner 01" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demo Learner 01" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("someone who is not the class's teacher gets the not-found page", async ({ page }) => {
  await page.goto(dashboardPath);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
