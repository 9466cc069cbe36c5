import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { answerCards, newPage, signUp, uniqueEmail } from "./helpers";

/** Uploads one file and returns its document id, once its drafts are generated. */
async function uploadFile(page: Page, file: string): Promise<string> {
  await page.goto("/upload");
  await page.getByLabel(/^Files/).setInputFiles(path.resolve(file));
  await page.getByRole("button", { name: "Upload and generate questions" }).click();
  const item = page.locator(".upload-item", { hasText: path.basename(file) });
  await expect(item).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await item.getByRole("link", { name: "Review them" }).click();
  await expect(page.getByRole("heading", { name: "Review questions" })).toBeVisible();
  return page.url().match(/documents\/([^/]+)\/review/)![1]!;
}

async function publishAll(page: Page, documentId: string) {
  await page.goto(`/documents/${documentId}/review`);
  await page.getByLabel("Approve drafts scoring at least").fill("0");
  await page.getByRole("button", { name: /Approve all above score/ }).click();
  await expect(page.getByTestId("review-counts")).toContainText(/^0 drafts · \d+ published/);
}

const sampleExport = async (page: Page) => {
  const res = await page.request.get("/api/decks/sample/export?format=json");
  expect(res.ok()).toBe(true);
  return res.body();
};

// Runs last (file order): it creates teacher accounts.
test("a teacher makes a deck of two documents; visitors cannot see it; a class learner studies it once assigned", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signUp(page, { name: "Dana Decks", email: uniqueEmail("dana"), role: "teacher" });

  // Two uploads: a PDF and a text file. They start as private drafts.
  const pdfId = await uploadFile(page, "tests/fixtures/ingest/two-pages.pdf");
  const notesId = await uploadFile(page, "tests/fixtures/qgen/history.md");
  await publishAll(page, pdfId);

  // The library labels the unreviewed upload as a draft deck.
  await page.goto("/");
  const mine = page.getByTestId("decks-mine");
  await expect(mine.locator(".card").filter({ hasText: /draft, \d+ questions? awaiting review/ })).toHaveCount(1);

  // A deck of both documents, made in the browser.
  await page.getByRole("link", { name: "New deck from documents" }).click();
  await page.getByLabel("Title").fill("Two sources");
  await page.getByLabel("Description (optional)").fill("The PDF and the history notes together");
  await page.locator(`input[name="documentId"][value="${pdfId}"]`).check();
  await page.locator(`input[name="documentId"][value="${notesId}"]`).check();
  await page.getByRole("button", { name: "Make deck" }).click();
  await expect(page.getByRole("heading", { name: "Two sources" })).toBeVisible();
  const deckId = page.url().match(/decks\/([^/?#]+)/)![1]!;
  await expect(page.locator("#main").getByRole("link", { name: "review its questions" })).toHaveCount(2);
  await page.goto("/");
  await expect(page.getByTestId("decks-mine").getByRole("link", { name: "Two sources" })).toBeVisible();

  // A signed-out visitor: not in the library, and 404 for the deck, its study page, export and documents.
  const visitor = await newPage(browser);
  await visitor.goto("/");
  await expect(visitor.getByRole("link", { name: "Two sources" })).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: "Sample deck", exact: true })).toBeVisible();
  expect((await visitor.goto(`/decks/${deckId}`))!.status()).toBe(404);
  expect((await visitor.goto(`/decks/${deckId}/study`))!.status()).toBe(404);
  expect((await visitor.request.get(`/api/decks/${deckId}/export?format=json`)).status()).toBe(404);
  expect((await visitor.request.get(`/api/decks/${deckId}/session?tz=UTC`)).status()).toBe(404);
  for (const id of [pdfId, notesId]) {
    expect((await visitor.goto(`/documents/${id}`))!.status()).toBe(404);
    expect((await visitor.goto(`/documents/${id}/questions`))!.status()).toBe(404);
    expect((await visitor.goto(`/documents/${id}/review`))!.status()).toBe(404);
  }
  const live = await visitor.request.post("/api/live", {
    data: { deckId, questionCount: 3, secondsPerQuestion: 20, shuffle: false, allowLateJoin: false },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect([403, 404]).toContain(live.status());

  // The teacher assigns it to a class; a learner who joins studies it.
  await page.goto("/classes");
  await page.getByLabel("Class name").fill("Period 3");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Manage Period 3" })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: "Two sources" });
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned.")).toBeVisible();

  const learner = await newPage(browser);
  await signUp(learner, { name: "Lou Learner", email: uniqueEmail("lou"), role: "learner" });
  expect((await learner.goto(`/decks/${deckId}`))!.status()).toBe(404);
  await learner.goto(`/join-class?code=${code}`);
  await learner.getByRole("button", { name: "Join class" }).click();
  await expect(learner.getByText("You joined Period 3.")).toBeVisible();
  await learner.goto("/");
  const first = learner.locator("#main .card").first();
  await expect(first).toContainText("Two sources");
  await expect(first).toContainText("assigned by Period 3");
  await first.getByRole("link", { name: "Two sources" }).click();
  await expect(learner.getByRole("heading", { name: "Two sources" })).toBeVisible();
  await learner.locator("#main").getByRole("link", { name: "Study", exact: true }).click();
  await answerCards(learner, 2);
  // Only published questions: the PDF's, none of the history notes' drafts.
  const session = await (await learner.request.get(`/api/decks/${deckId}/session?tz=UTC`)).json();
  expect(session.cards.length).toBeGreaterThan(0);
  expect(session.cards.every((c: { question: { documentId: string } }) => c.question.documentId === pdfId)).toBe(true);

  // Another teacher still gets 404.
  const other = await newPage(browser);
  await signUp(other, { name: "Otto Other", email: uniqueEmail("otto"), role: "teacher" });
  expect((await other.goto(`/decks/${deckId}`))!.status()).toBe(404);
  expect((await other.goto(`/documents/${pdfId}`))!.status()).toBe(404);
  expect((await other.request.get(`/api/decks/${deckId}/export?format=csv`)).status()).toBe(404);
});

test("the sample deck's questions are byte-for-byte the same before and after an upload", async ({ page }) => {
  const before = await sampleExport(page);
  await signUp(page, { name: "Uma Upload", email: uniqueEmail("uma"), role: "teacher" });
  await uploadFile(page, "tests/fixtures/qgen/science.md");
  const after = await sampleExport(page);
  expect(Buffer.compare(after, before)).toBe(0);
});
