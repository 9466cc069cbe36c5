import { expect, test } from "@playwright/test";

test("the home page lists both sample documents", async ({ page }) => {
  await page.goto("/");
  const documents = page.getByRole("region", { name: "Documents" });
  await expect(documents.getByRole("link", { name: /Trump–Ishiba Summit/ })).toBeVisible();
  await expect(documents.getByRole("link", { name: /Ishiba Meets Trump/ })).toBeVisible();
});

test("a document page shows its text with sentence anchors", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("region", { name: "Documents" })
    .getByRole("link", { name: /Ishiba Meets Trump/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Ishiba Meets Trump/);
  const treaty = page.locator(".sentence", { hasText: "Formed in 1951, the US-Japan Security Treaty" });
  await expect(treaty).toHaveAttribute("id", /^s-\d+$/);
  const id = await treaty.getAttribute("id");

  // The anchor addresses the sentence: following it targets and scrolls to it.
  await page.goto(`${page.url()}#${id}`);
  await expect(page.locator(".sentence:target")).toHaveText(/Formed in 1951/);
  // Seed 004's repeated paragraph is shown as a repeat.
  await expect(page.getByRole("note")).toContainText("repeat");
});

test("unknown pages answer 404 with a way back", async ({ page }) => {
  const response = await page.goto("/documents/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the library" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the health endpoint checks the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});
