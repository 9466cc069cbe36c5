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
