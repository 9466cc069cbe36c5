import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { e2eDbFile, joinAs, phone, queryDb, teacherSession } from "./helpers";

// A classroom's reality: a phone reloads mid-round, and the host view is projected.

const SHOTS = path.resolve("test-results/live-host");
const query = (sql: string, params: (string | number)[]) => queryDb(e2eDbFile, sql, params);

const answerButtons = (page: Page) => page.getByRole("group", { name: "Answers" }).getByRole("button");

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** What a projector needs: nothing scrolls, and (in the lobby) a one-line code and a QR ≥ 30% of the height. */
async function projectorLayout(host: Page) {
  return host.evaluate(() => {
    const doc = document.documentElement;
    const stage = document.querySelector(".live-stage") as HTMLElement;
    const code = document.querySelector('[data-testid="join-code"]') as HTMLElement | null;
    const qr = document.querySelector('[data-testid="join-qr"]') as HTMLElement | null;
    const lineHeight = code ? parseFloat(getComputedStyle(code).lineHeight) : 0;
    return {
      viewportHeight: window.innerHeight,
      pageScrolls: doc.scrollHeight > window.innerHeight || doc.scrollWidth > window.innerWidth,
      stageScrolls: stage.scrollHeight > stage.clientHeight || stage.scrollWidth > stage.clientWidth,
      navVisible: (document.querySelector(".site-header") as HTMLElement | null)?.offsetParent != null,
      codeLines: code ? Math.round(code.getBoundingClientRect().height / lineHeight) : null,
      codeFontPx: code ? parseFloat(getComputedStyle(code).fontSize) : null,
      qrHeight: qr ? qr.getBoundingClientRect().height : null,
    };
  });
}

async function checkProjector(host: Page, phase: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    await host.setViewportSize(size);
    await host.waitForTimeout(150);
    await host.screenshot({ path: path.join(SHOTS, `${phase}-${size.width}x${size.height}.png`) });
    const layout = await projectorLayout(host);
    expect(layout.pageScrolls, `${phase} at ${size.width}×${size.height}: the page scrolls`).toBe(false);
    expect(layout.stageScrolls, `${phase} at ${size.width}×${size.height}: the stage overflows`).toBe(false);
    expect(layout.navVisible).toBe(false);
    if (phase === "lobby") {
      expect(layout.codeLines).toBe(1);
      expect(layout.qrHeight!).toBeGreaterThanOrEqual(0.3 * layout.viewportHeight);
    }
  }
}

test("a phone that reloads while the others have answered keeps the round open, answers and is scored", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const hostContext = await browser.newContext({
    storageState: await teacherSession(browser),
    viewport: { width: 1920, height: 1080 },
  });
  const host = await hostContext.newPage();
  const [ana, bo, cy] = [await phone(browser), await phone(browser), await phone(browser)];

  await host.goto("/live/new");
  await host.getByLabel("Deck").selectOption("sample");
  await host.getByLabel("Number of questions").fill("2");
  // The longest round: the projector and axe checks below take a while on a busy 2-core machine.
  await host.getByLabel("Seconds per question (10–120)").fill("120");
  await host.getByRole("button", { name: "Create game" }).click();
  await expect(host).toHaveURL(/\/live\/[a-z0-9]+\/host$/);
  const code = (await host.getByTestId("join-code").innerText()).replace(/\s/g, "");
  const gameId = host.url().split("/").at(-2)!;

  await joinAs(ana, code, "Ana");
  await joinAs(bo, code, "Bo");
  await joinAs(cy, code, "Cy");
  await expect(host.getByText("3 of 3 connected")).toBeVisible();
  await checkProjector(host, "lobby");
  expect(await seriousViolations(host)).toEqual([]);

  await host.getByRole("button", { name: "Start" }).click();
  for (const p of [ana, bo, cy]) await expect(answerButtons(p).first()).toBeVisible();

  const [first] = JSON.parse(String(query("SELECT questions FROM LiveGame WHERE id = ?", [gameId])[0]?.questions)) as {
    choices: string[];
    correctIndex: number;
  }[];
  const wrong = (first!.correctIndex + 1) % first!.choices.length;

  // Two answer; the third reloads before answering.
  await answerButtons(ana).nth(wrong).click();
  await answerButtons(bo).nth(wrong).click();
  await expect(host.getByTestId("answered-count")).toHaveText("2 of 3 answered");
  await cy.reload();
  await expect(cy.getByTestId("my-nickname")).toHaveText("Cy", { timeout: 15_000 });
  // The round is still open for Cy, counting down to the server's deadline like the projector.
  await expect(answerButtons(cy)).toHaveCount(first!.choices.length);
  await expect(answerButtons(cy).first()).toBeEnabled();
  const [phoneLeft, hostLeft] = [
    Number(await cy.getByRole("timer").innerText()),
    Number(await host.getByRole("timer").innerText()),
  ];
  expect(phoneLeft).toBeGreaterThan(0);
  expect(phoneLeft).toBeLessThanOrEqual(120);
  expect(Math.abs(phoneLeft - hostLeft)).toBeLessThanOrEqual(2);
  await cy.waitForTimeout(1000);
  await expect(host.getByTestId("correct-choice")).toHaveCount(0);
  await expect(host.getByTestId("answered-count")).toHaveText("2 of 3 answered");

  // Cy answers after the reload: everyone has now answered, so the round closes, and Cy is scored.
  await answerButtons(cy).nth(first!.correctIndex).click();
  await expect(host.getByTestId("correct-choice")).toBeVisible();
  await expect(host.getByTestId("answered-count")).toContainText("3 answered");
  await expect(cy.getByTestId("player-verdict")).toContainText("Correct!");
  const cyScore = Number(await cy.getByTestId("my-score").innerText());
  expect(cyScore).toBeGreaterThan(500);
  await expect(ana.getByTestId("player-verdict")).toContainText("Not quite");
  const [stored] = query(
    "SELECT a.correct, a.points FROM LiveAnswer a JOIN LivePlayer p ON p.id = a.playerId WHERE a.gameId = ? AND p.nickname = 'Cy'",
    [gameId],
  );
  expect(stored).toEqual({ correct: 1, points: cyScore });
  await expect(cy.getByTestId("my-rank")).toBeVisible();
  await checkProjector(host, "reveal");
  expect(await seriousViolations(host)).toEqual([]);
  expect(await seriousViolations(cy)).toEqual([]);

  await host.getByRole("button", { name: "Show leaderboard" }).click();
  await expect(host.getByRole("table", { name: "Leaderboard after question 1" })).toBeVisible();
  await checkProjector(host, "leaderboard");
  expect(await seriousViolations(host)).toEqual([]);

  // The second question, for the projector and axe checks of an open round (nobody answers it).
  await host.getByRole("button", { name: "Next question" }).click();
  for (const p of [ana, bo, cy]) await expect(answerButtons(p).first()).toBeVisible();
  await checkProjector(host, "question");
  expect(await seriousViolations(host)).toEqual([]);
  expect(await seriousViolations(cy)).toEqual([]);
});
