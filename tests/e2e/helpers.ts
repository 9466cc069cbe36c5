import path from "node:path";
import Database from "better-sqlite3";
import { expect, type Browser, type Page } from "@playwright/test";

let counter = 0;

/** A unique email per run, so reruns against a reused database never collide. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}@school.test`;
}

export async function signUp(page: Page, opts: { name: string; email: string; role: "teacher" | "learner" }) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(opts.name);
  await page.getByLabel("Email").fill(opts.email);
  await page.getByLabel("Password").fill("a long classroom password");
  await page.getByLabel(opts.role === "teacher" ? "Teacher" : "Learner").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/sign-up/);
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Questions of a deck as exported to Quarry JSON, reduced to what a round trip must keep. */
export async function deckQuestions(page: Page, deckId: string): Promise<string[]> {
  const res = await page.request.get(`/api/decks/${deckId}/export?format=json`);
  expect(res.ok()).toBe(true);
  const bank = (await res.json()) as {
    questions: Array<{ type: string; prompt: string; answer: string; choices?: string[] }>;
  };
  return bank.questions.map((q) => JSON.stringify([q.type, q.prompt, q.answer, q.choices ?? null])).sort();
}

/** Answers `count` cards of the open study session with the keyboard only, then waits until all are saved. */
export async function answerCards(page: Page, count: number): Promise<void> {
  const card = page.locator(".study-card");
  for (let n = 1; n <= count; n++) {
    await expect(card).toHaveAttribute("data-phase", "question");
    const type = await card.getAttribute("data-question-type");
    if (type === "flashcard") {
      await page.keyboard.press("Space");
      await expect(card).toHaveAttribute("data-phase", "revealed");
      await page.keyboard.press("3");
    } else if (type === "multiple_choice") await page.keyboard.press("1");
    else if (type === "true_false") await page.keyboard.press("t");
    else {
      await page.keyboard.type("an answer");
      await page.keyboard.press("Enter");
    }
    await expect(page.getByText(new RegExp(`^Answer ${n}: `))).toBeAttached();
    if (type !== "flashcard") {
      await expect(card).toHaveAttribute("data-phase", "answered");
      await page.keyboard.press("Enter");
    }
  }
  await expect(page.getByText("All answers saved")).toBeVisible();
}

/** The app under test, for hooks that run before a test's own baseURL is set. */
export const e2eBaseUrl = `http://localhost:${process.env.E2E_PORT ?? 3210}`;

/** Signs up a new teacher in a throwaway page and returns the session (cookies) for other contexts. */
export async function teacherSession(browser: Browser, baseURL = e2eBaseUrl) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signUp(page, { name: "Quiz Host", email: uniqueEmail("host"), role: "teacher" });
  const state = await context.storageState();
  await context.close();
  return state;
}

/** The database the server under test writes (playwright.config starts it on data/e2e.db). */
export const e2eDbFile = process.env.LIVE_E2E_DB ?? path.resolve("data/e2e.db");

/** One read-only query on a server's database (a second connection; WAL lets it read alongside). */
export function queryDb(dbFile: string, sql: string, params: (string | number)[]): Record<string, unknown>[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** JSON request options for Playwright's request API. */
export const json = (data: unknown) => ({ data, headers: { "content-type": "application/json" } });

/** A phone-sized touch screen in a context of its own. */
export async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  return context.newPage();
}

/** Joins a live game from the join page, as a player on a phone would. */
export async function joinAs(page: Page, code: string, nickname: string) {
  await page.goto(`/join?code=${code}`);
  await expect(page.getByLabel("Game code")).toHaveValue(code);
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(new RegExp(`/play/${code}$`));
  await expect(page.getByRole("heading", { name: "You're in!" })).toBeVisible();
}
