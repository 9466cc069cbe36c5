import { expect, type Page, test } from "@playwright/test";

/**
 * Answers the card on screen with the keyboard only, reading its type from the page:
 * cloze → type and Enter; multiple choice → 1; true/false → T; flashcard → Space, then 3 (Good).
 * `n` is the number this answer will have in the session.
 */
async function answerWithKeyboard(page: Page, n: number): Promise<void> {
  const card = page.locator(".study-card");
  await expect(card).toHaveAttribute("data-phase", "question");
  const type = await card.getAttribute("data-question-type");
  switch (type) {
    case "cloze":
      await expect(page.getByLabel("Your answer")).toBeFocused();
      await page.keyboard.type("something");
      await page.keyboard.press("Enter");
      break;
    case "multiple_choice":
      await page.keyboard.press("1");
      break;
    case "true_false":
      await page.keyboard.press("t");
      break;
    case "flashcard":
      await page.keyboard.press("Space");
      await expect(card).toHaveAttribute("data-phase", "revealed");
      await expect(page.getByRole("button", { name: /^Good, next review in / })).toBeVisible();
      await page.keyboard.press("3");
      break;
    default:
      throw new Error(`Unexpected question type ${type}`);
  }
  await expect(page.getByText(new RegExp(`^Answer ${n}: `))).toBeAttached();
  if (type !== "flashcard") {
    await expect(card).toHaveAttribute("data-phase", "answered");
    await expect(card.getByRole("link", { name: /^Source: / })).toHaveAttribute("href", /^\/documents\/.+#s-\d+$/);
    await page.keyboard.press("Enter");
  }
}

async function reviewCount(page: Page): Promise<number> {
  const res = await page.request.get("/api/me/stats");
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { reviews: number }).reviews;
}

test("a new learner studies 10 cards with the keyboard and the progress page counts them", async ({ page }) => {
  await page.goto("/decks/all");
  const studyLink = page.locator("#main").getByRole("link", { name: "Study" });
  await studyLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/decks\/all\/study$/);
  const progress = page.getByRole("progressbar", { name: "Session progress" });
  await expect(progress).toHaveAttribute("aria-valuenow", "0");

  for (let n = 1; n <= 10; n += 1) await answerWithKeyboard(page, n);

  await expect(page.getByText("All answers saved")).toBeVisible();
  expect(await reviewCount(page)).toBe(10);

  // Nothing is lost or sent twice across a reload.
  await page.reload();
  await expect(page.locator(".study-card")).toHaveAttribute("data-phase", "question");
  await expect(page.getByText("All answers saved")).toBeVisible();
  expect(await reviewCount(page)).toBe(10);

  await page.goto("/progress");
  await expect(page.getByTestId("total-reviews")).toHaveText("10");
});

test("Ctrl+Z puts the last answered card back, on screen and on the server", async ({ page }) => {
  await page.goto("/decks/all/study");
  const card = page.locator(".study-card");
  await expect(card).toHaveAttribute("data-phase", "question");
  const first = await card.getAttribute("data-question-id");
  const undoButton = page.getByRole("button", { name: "Undo last answer" });
  await expect(undoButton).toBeDisabled();

  await answerWithKeyboard(page, 1);
  await expect(page.getByText("All answers saved")).toBeVisible();
  expect(await reviewCount(page)).toBe(1);

  await page.keyboard.press("Control+z");
  await expect(card).toHaveAttribute("data-question-id", first!);
  await expect(card).toHaveAttribute("data-phase", "question");
  await expect(undoButton).toBeDisabled();
  await expect.poll(() => reviewCount(page)).toBe(0);

  // The restored card can be answered again and is stored once.
  await answerWithKeyboard(page, 1);
  await expect(page.getByText("All answers saved")).toBeVisible();
  expect(await reviewCount(page)).toBe(1);
});

test("the study page fits a 360 px wide phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/decks/all/study");
  await expect(page.locator(".study-card")).toHaveAttribute("data-phase", "question");
  for (let n = 1; n <= 3; n += 1) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await answerWithKeyboard(page, n);
  }
});
