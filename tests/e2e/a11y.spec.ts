import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test("the deck page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/decks/all");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the study page has no serious accessibility violations, asking and answering", async ({ page }) => {
  await page.goto("/decks/all/study");
  const card = page.locator(".study-card");
  await expect(card).toHaveAttribute("data-phase", "question");
  expect(await seriousViolations(page)).toEqual([]);

  // The answer side: feedback for auto-graded questions, grade buttons for flashcards.
  const type = await card.getAttribute("data-question-type");
  if (type === "cloze") await page.keyboard.press("Enter");
  else if (type === "multiple_choice") await page.keyboard.press("2");
  else if (type === "true_false") await page.keyboard.press("f");
  else await page.keyboard.press("Space");
  await expect(card).toHaveAttribute("data-phase", /answered|revealed/);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the progress page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/decks/all/study");
  await expect(page.locator(".study-card")).toBeVisible();
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
