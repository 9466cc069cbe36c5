import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { liveReviewId } from "../../lib/server/live/review-id";
import { e2eDbFile, joinAs, phone, queryDb, signUp, teacherSession, uniqueEmail } from "./helpers";

// A whole live quiz in Chromium: a host and three phones, one of which
// reloads mid-game; one is signed in, and the game feeds her cards.

const query = (sql: string, params: (string | number)[]) => queryDb(e2eDbFile, sql, params);

type PlayedQuestion = { choices: string[]; correctIndex: number };

/** The questions as played, read from the stored game: the test decides who answers right. */
async function playedQuestions(gameId: string): Promise<PlayedQuestion[]> {
  const [row] = await query("SELECT questions FROM LiveGame WHERE id = ?", [gameId]);
  return JSON.parse(String(row?.questions)) as PlayedQuestion[];
}

const answerButtons = (page: Page) => page.getByRole("group", { name: "Answers" }).getByRole("button");

/** Serious and critical axe findings, as readable strings. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function reviewCount(page: Page): Promise<number> {
  const res = await page.request.get("/api/me/stats");
  return ((await res.json()) as { reviews: number }).reviews;
}

test("a host and three players play a 3-question game to a correct final leaderboard", async ({ browser }) => {
  test.setTimeout(360_000);
  const hostContext = await browser.newContext({ storageState: await teacherSession(browser) });
  const host = await hostContext.newPage();
  const [ana, bo, cy] = [await phone(browser), await phone(browser), await phone(browser)];

  // Ana is signed in to a learner account, so the game feeds her cards.
  await signUp(ana, { name: "Ana", email: uniqueEmail("ana"), role: "learner" });
  const reviewsBefore = await reviewCount(ana);

  await host.goto("/live/new");
  await host.getByLabel("Deck").selectOption("sample");
  await host.getByLabel("Number of questions").fill("3");
  // Everyone answers, so rounds close early; the long limit leaves room for axe runs on a busy machine.
  await host.getByLabel("Seconds per question (10–120)").fill("120");
  await host.getByRole("button", { name: "Create game" }).click();
  await expect(host).toHaveURL(/\/live\/[a-z0-9]+\/host$/);
  const gameId = host.url().split("/").at(-2)!;
  const code = (await host.getByTestId("join-code").innerText()).replace(/\s/g, "");
  expect(code).toMatch(/^\d{6}$/);
  await expect(host.getByRole("img", { name: /QR code/ })).toBeVisible();
  await ana.goto(`/join?code=${code}`);
  expect(await seriousViolations(ana)).toEqual([]);

  await joinAs(ana, code, "Ana");
  await joinAs(bo, code, "Bo");
  await joinAs(cy, code, "Cy");
  const roster = host.getByRole("list", { name: "Players in the lobby" });
  await expect(roster.getByRole("listitem")).toHaveText(["Ana", "Bo", "Cy"]);
  expect(await seriousViolations(host)).toEqual([]);
  // Phones are 360 px wide: nothing scrolls sideways.
  for (const p of [ana, bo, cy]) {
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }

  await host.getByRole("button", { name: "Start" }).click();
  const questions = await playedQuestions(gameId);
  expect(questions).toHaveLength(3);

  // Ana is always right, Bo only on the first question, Cy never: the order is Ana, Bo, Cy
  // whatever the speed bonus (3 × ≥500 > 1 × ≤1000 > 0).
  const wrong = (q: PlayedQuestion) => (q.correctIndex + 1) % q.choices.length;
  let boScoreBefore = "";
  for (let i = 0; i < 3; i++) {
    const q = questions[i]!;
    await expect(host.getByText(`Question ${i + 1} of 3`)).toBeVisible();
    for (const p of [ana, bo, cy]) await expect(answerButtons(p)).toHaveCount(q.choices.length);
    await expect(ana.getByRole("timer")).toBeVisible();
    if (i === 0) {
      expect(await seriousViolations(ana)).toEqual([]);
      expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }

    const boChoice = i === 0 ? q.correctIndex : wrong(q);
    await answerButtons(bo).nth(boChoice).click();
    await expect(bo.getByText(/Answer locked in/)).toBeVisible();
    if (i === 1) {
      // Bo's phone reloads mid-question: same player, same score, answer still shown.
      await bo.reload();
      await expect(bo.getByTestId("my-nickname")).toHaveText("Bo", { timeout: 15_000 });
      await expect(bo.getByText(`Answer locked in: ${q.choices[boChoice]}`)).toBeVisible();
      await expect(answerButtons(bo).nth(boChoice)).toHaveAttribute("aria-pressed", "true");
    }
    // Cy answers from the keyboard (1–4 picks a choice).
    await cy.keyboard.press(String(wrong(q) + 1));
    await expect(cy.getByText(/Answer locked in/)).toBeVisible();
    await answerButtons(ana).nth(q.correctIndex).click();

    // Everyone answered, so the question closes before its time is up.
    await expect(host.getByTestId("correct-choice")).toContainText(q.choices[q.correctIndex]!);
    await expect(ana.getByTestId("player-verdict")).toContainText("Correct!");
    await expect(cy.getByTestId("player-verdict")).toContainText("Not quite");
    await expect(bo.getByTestId("player-verdict")).toContainText(i === 0 ? "Correct!" : "Not quite");
    await expect(host.getByTestId("answered-count")).toContainText("3 answered");
    if (i === 0) {
      expect(await seriousViolations(host)).toEqual([]);
      expect(await seriousViolations(cy)).toEqual([]);
    }
    if (i === 0) boScoreBefore = await bo.getByTestId("my-score").innerText();
    if (i === 1) await expect(bo.getByTestId("my-score")).toHaveText(boScoreBefore);

    await host.getByRole("button", { name: "Show leaderboard" }).click();
    await expect(host.getByRole("table", { name: `Leaderboard after question ${i + 1}` })).toBeVisible();
    await host.getByRole("button", { name: i < 2 ? "Next question" : "Finish" }).click();
  }

  await expect(host.getByRole("heading", { name: "Final results" })).toBeVisible();
  const podium = host.getByRole("list", { name: "Podium" });
  await expect(podium.getByRole("listitem")).toHaveCount(3);
  const rows = host.locator(".live-report-players tbody tr");
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-player")))).toEqual(["Ana", "Bo", "Cy"]);
  // Points and accuracy are separate columns: 3/3, 1/3 and 0/3 correct.
  await expect(rows.nth(0)).toContainText("100% (3/3)");
  await expect(rows.nth(1)).toContainText("33% (1/3)");
  await expect(rows.nth(2)).toContainText("0% (0/3)");
  await expect(rows.nth(2).locator("td").nth(2)).toHaveText("0");

  for (const [p, rank] of [
    [ana, "1"],
    [bo, "2"],
    [cy, "3"],
  ] as const) {
    await expect(p.getByRole("heading", { name: "Game over" })).toBeVisible();
    await expect(p.getByTestId("my-rank")).toHaveText(rank);
  }
  await expect(bo.getByTestId("my-nickname")).toHaveText("Bo");

  // The report outlives the game screen: a page and a CSV, for the host only.
  const csv = await host.request.get(`/api/live/${gameId}/report.csv`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
  expect(lines.slice(1, 4).map((l) => l.split(",")[1])).toEqual(["Ana", "Bo", "Cy"]);
  expect((await bo.request.get(`/api/live/${gameId}/report.csv`)).status()).toBe(403);
  await host.goto(`/live/${gameId}/report`);
  await expect(host.locator(".live-report-questions tbody tr")).toHaveCount(3);

  // Ana's three answers became reviews on her cards (recorded at each reveal).
  await expect.poll(() => reviewCount(ana), { timeout: 10_000 }).toBe(reviewsBefore + 3);
  // Ana joined first, so she is p1; her review ids are derived from game, player and question.
  const ids = [0, 1, 2].map((i) => liveReviewId(gameId, "p1", i));
  const logs = await query(
    "SELECT rating, correct, source FROM ReviewLog WHERE id IN (?, ?, ?) ORDER BY reviewedAt",
    ids,
  );
  expect(logs).toEqual([
    { rating: "good", correct: 1, source: "live" },
    { rating: "good", correct: 1, source: "live" },
    { rating: "good", correct: 1, source: "live" },
  ]);
});
