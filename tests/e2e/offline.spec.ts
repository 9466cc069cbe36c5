import { expect, type Page, test } from "@playwright/test";

/** Keyboard-only answer to whatever card is on screen (see study.spec.ts). */
async function answerWithKeyboard(page: Page, n: number): Promise<void> {
  const card = page.locator(".study-card");
  await expect(card).toHaveAttribute("data-phase", "question");
  const type = await card.getAttribute("data-question-type");
  if (type === "cloze") {
    await page.keyboard.type("something");
    await page.keyboard.press("Enter");
  } else if (type === "multiple_choice") {
    await page.keyboard.press("1");
  } else if (type === "true_false") {
    await page.keyboard.press("t");
  } else {
    await page.keyboard.press("Space");
    await expect(card).toHaveAttribute("data-phase", "revealed");
    await page.keyboard.press("3");
  }
  await expect(page.getByText(new RegExp(`^Answer ${n}: `))).toBeAttached();
  if (type !== "flashcard") await page.keyboard.press("Enter");
}

async function reviewCount(page: Page): Promise<number> {
  const res = await page.request.get("/api/me/stats");
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { reviews: number }).reviews;
}

test("answers given offline wait in the queue and are each saved once back online", async ({ page, context }) => {
  await page.goto("/decks/all/study");
  await expect(page.locator(".study-card")).toHaveAttribute("data-phase", "question");
  const before = await reviewCount(page);

  await context.setOffline(true);
  for (let n = 1; n <= 3; n += 1) await answerWithKeyboard(page, n);
  await expect(page.getByRole("status").filter({ hasText: "3 answers waiting to be saved — offline" })).toBeVisible();

  // A reload while offline is not possible, but the queue is already in localStorage.
  const stored = await page.evaluate(() => localStorage.getItem("quarry-review-queue"));
  expect((JSON.parse(stored ?? "{}") as { state?: { items?: unknown[] } }).state?.items).toHaveLength(3);

  await context.setOffline(false);
  await expect(page.getByText("All answers saved")).toBeVisible({ timeout: 20_000 });
  expect((await reviewCount(page)) - before).toBe(3);
});

test("an answer queued offline can be undone before it is sent", async ({ page, context }) => {
  await page.goto("/decks/all/study");
  const card = page.locator(".study-card");
  await expect(card).toHaveAttribute("data-phase", "question");
  const before = await reviewCount(page);
  const first = await card.getAttribute("data-question-id");

  await context.setOffline(true);
  await answerWithKeyboard(page, 1);
  await expect(page.getByText("1 answer waiting to be saved — offline")).toBeVisible();
  await page.getByRole("button", { name: "Undo last answer" }).click();
  await expect(card).toHaveAttribute("data-question-id", first!);
  await expect(page.getByText("All answers saved")).toBeVisible();

  await context.setOffline(false);
  await answerWithKeyboard(page, 1);
  await expect(page.getByText("All answers saved")).toBeVisible({ timeout: 20_000 });
  expect((await reviewCount(page)) - before).toBe(1);
});
