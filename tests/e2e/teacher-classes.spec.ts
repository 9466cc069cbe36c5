import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { answerCards, newPage, signUp, uniqueEmail } from "./helpers";

test("a teacher sets up a class, two learners join and study, and the dashboard counts them", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, { name: "Ms Rivera", email: uniqueEmail("rivera"), role: "teacher" });
  await page.goto("/classes");
  await page.getByLabel("Class name").fill("Year 10 Civics");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Manage Year 10 Civics" })).toBeVisible();
  const classId = page.url().match(/classes\/([^/]+)\/manage/)![1]!;
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  await page.getByLabel("Deck", { exact: true }).selectOption({ label: "Sample deck" });
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned.")).toBeVisible();

  const learners = [
    { name: "Lena Learner", cards: 3 },
    { name: "Leo Learner", cards: 2 },
  ];
  for (const l of learners) {
    const p = await newPage(browser);
    await signUp(p, { name: l.name, email: uniqueEmail("learner"), role: "learner" });
    await p.goto(`/join-class?code=${code}`);
    await p.getByRole("button", { name: "Join class" }).click();
    await expect(p.getByText("You joined Year 10 Civics.")).toBeVisible();
    // Joining twice is harmless.
    await p.getByRole("button", { name: "Join class" }).click();
    await expect(p.getByText("You are already in Year 10 Civics.")).toBeVisible();
    // The assigned deck comes first in the library.
    await p.goto("/");
    await expect(p.locator(".card.assigned").first()).toContainText("assigned by Year 10 Civics");
    await p.goto("/decks/all/study");
    await answerCards(p, l.cards);
    // A learner in the class still cannot read the class's dashboard or its exports.
    expect((await p.goto(`/classes/${classId}`))!.status()).toBe(404);
    expect((await p.request.get(`/api/classes/${classId}/learners.csv`)).status()).toBe(404);
    await p.context().close();
  }

  await page.goto(`/classes/${classId}`);
  const table = page.getByRole("table", { name: /Learners in this class/ });
  for (const l of learners) {
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: l.name }) });
    const cells = row.getByRole("cell");
    await expect(cells.nth(0)).toHaveText(String(l.cards)); // cards studied
    await expect(cells.nth(1)).toHaveText(String(l.cards)); // reviews in the last 7 days
  }

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download learners (CSV)" }).click(),
  ]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  for (const l of learners) expect(csv).toContain(l.name);
  expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(1 + learners.length);

  // Another teacher gets nothing: not the page, not the CSV.
  const other = await newPage(browser);
  await signUp(other, { name: "Mr Other", email: uniqueEmail("other"), role: "teacher" });
  expect((await other.goto(`/classes/${classId}`))!.status()).toBe(404);
  expect((await other.request.get(`/api/classes/${classId}/learners.csv`)).status()).toBe(404);
  expect((await other.request.get(`/api/classes/${classId}/questions.csv`)).status()).toBe(404);
  expect((await other.goto(`/classes/${classId}/manage`))!.status()).toBe(404);
});
