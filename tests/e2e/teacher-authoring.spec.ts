import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { deckQuestions, newPage, signUp, uniqueEmail } from "./helpers";

// Runs after the guest-only specs (file order): it creates a teacher account.
test("a teacher uploads a PDF, reviews the drafts, publishes, and the deck round-trips through Anki and GIFT", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, { name: "Tess Teacher", email: uniqueEmail("tess"), role: "teacher" });

  // Upload, with progress streamed from the server.
  await page.goto("/upload");
  await page.getByLabel(/^Files/).setInputFiles(path.resolve("tests/fixtures/ingest/two-pages.pdf"));
  await page.getByRole("button", { name: "Upload and generate questions" }).click();
  const item = page.locator(".upload-item", { hasText: "two-pages.pdf" });
  await expect(item.locator("progress")).toBeVisible();
  await expect(item).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(item).toContainText(/\d+ draft questions/);
  await item.getByRole("link", { name: "Review them" }).click();
  await expect(page.getByRole("heading", { name: "Review questions" })).toBeVisible();
  const docId = page.url().match(/documents\/([^/]+)\/review/)![1]!;

  const counts = page.getByTestId("review-counts");
  const drafts = Number((await counts.textContent())!.match(/(\d+) drafts/)![1]);
  expect(drafts).toBeGreaterThan(3);

  // The queue shows notes (facts), each with its variants.
  const notes = page.locator("li.note");
  expect(await notes.count()).toBeGreaterThan(1);
  expect(await page.locator("li.note li.question").count()).toBe(drafts);

  // Reject a note with the keyboard: j moves to the second note, r rejects all its variants.
  const rejected = await notes.nth(1).locator("li.question").count();
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("j");
  await expect(notes.nth(1)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("r");
  await expect(counts).toContainText(`${rejected} rejected`);

  // Switch off one variant of a note, then approve the note with "a": its other variants are published.
  let target = 0;
  while ((await notes.nth(target).locator("li.question").count()) < 2) target++;
  const note = notes.nth(target);
  const variants = await note.locator("li.question").count();
  await note.locator("li.question").last().getByRole("button", { name: "Switch off" }).click();
  await expect(counts).toContainText(`${rejected + 1} rejected`);
  await note.locator(".meta").first().click();
  await expect(note).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("a");
  await expect(counts).toContainText(`${variants - 1} published`);
  const off = rejected + 1;

  // Edit one that is still a draft (so the bulk approval below publishes it): a flashcard's front.
  const flashcard = page.locator("li.question.status-box-draft", { hasText: "flashcard" }).first();
  const original = (await flashcard.locator(".prompt").textContent())!;
  await flashcard.getByRole("button", { name: "Edit" }).click();
  await flashcard.getByLabel("Prompt").fill(`Edited: ${original}`);
  await flashcard.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("li.question", { hasText: `Edited: ${original}` })).toBeVisible();

  // Bulk-approve everything left.
  await page.getByLabel("Approve drafts scoring at least").fill("0");
  await page.getByRole("button", { name: /Approve all above score/ }).click();
  await expect(counts).toContainText(new RegExp(`^0 drafts · \\d+ published · ${off} rejected`));
  const published = Number((await counts.textContent())!.match(/(\d+) published/)![1]);
  expect(published).toBe(drafts - off);

  // The upload's deck is private; the teacher makes it public, then a signed-out learner studies it.
  await page.goto(`/documents/${docId}`);
  await page.getByRole("link", { name: "Study this document" }).click();
  await page.waitForURL(/\/decks\//);
  const deckId = page.url().match(/decks\/([^/?#]+)/)![1]!;
  const learner = await newPage(browser);
  expect((await learner.goto(`/decks/${deckId}`))!.status()).toBe(404);
  await page.getByRole("radio", { name: /^Public/ }).check();
  await page.getByRole("button", { name: "Save deck settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await learner.goto(`/decks/${deckId}`);
  await expect(learner.getByTestId("count-new")).not.toHaveText("0");
  await learner.locator("#main").getByRole("link", { name: "Study" }).click();
  await expect(learner.locator(".study-card")).toHaveAttribute("data-phase", "question");
  const type = await learner.locator(".study-card").getAttribute("data-question-type");
  if (type === "flashcard") {
    await learner.keyboard.press("Space");
    await learner.keyboard.press("3");
  } else if (type === "multiple_choice") await learner.keyboard.press("1");
  else if (type === "true_false") await learner.keyboard.press("t");
  else {
    await learner.keyboard.type("answer");
    await learner.keyboard.press("Enter");
  }
  await expect(learner.getByText("All answers saved")).toBeVisible();
  expect(((await (await learner.request.get("/api/me/stats")).json()) as { reviews: number }).reviews).toBe(1);

  // Export to .apkg and GIFT from the deck page; each download re-imports to the same questions.
  const expected = await deckQuestions(page, deckId);
  expect(expected.some((q) => q.includes("Edited: "))).toBe(true);
  expect(expected).toHaveLength(published);
  for (const label of ["Anki", "Moodle GIFT"]) {
    await page.goto(`/decks/${deckId}`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: label }).click(),
    ]);
    const file = await download.path();
    const res = await page.request.post("/api/banks/import", {
      multipart: {
        file: {
          name: download.suggestedFilename(),
          mimeType: "application/octet-stream",
          buffer: fs.readFileSync(file!),
        },
      },
    });
    expect(res.ok(), await res.text()).toBe(true);
    const imported = (await res.json()) as { deckId: string; status: string };
    expect(imported.status).toBe("created");
    expect(await deckQuestions(page, imported.deckId)).toEqual(expected);
  }
});
