import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../../playwright.config";
import { signUp, uniqueEmail } from "./helpers";

const dbFile = path.resolve(__dirname, "../..", e2eDatabaseUrl.replace(/^file:/, ""));
const countLearners = () => {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM Learner").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

test("cookie-less study sessions create no learner; the first answer creates exactly one", async ({ playwright }) => {
  const before = countLearners();
  let questionId = "";
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`http://localhost:${process.env.E2E_PORT ?? 3210}/api/decks/all/session?tz=Europe/Paris`);
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    const session = (await res.json()) as { cards: Array<{ question: { id: string; type: string } }> };
    questionId = session.cards.find((c) => c.question.type === "flashcard")?.question.id ?? questionId;
  }
  expect(countLearners()).toBe(before);
  expect(questionId).not.toBe("");

  const api = await playwright.request.newContext({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3210}` });
  const answer = () => ({
    reviewId: randomUUID(),
    questionId,
    rating: "good",
    answeredAt: new Date().toISOString(),
    durationMs: 2000,
  });
  expect((await api.post("/api/reviews", { data: answer() })).status()).toBe(200);
  expect((await api.post("/api/reviews", { data: answer() })).status()).toBe(200);
  expect(countLearners()).toBe(before + 1);
  await api.dispose();
});

test("a lone surrogate in a review gets 400, and ?format=__proto__ gets 400", async ({ request }) => {
  const body = `{"reviewId":"${randomUUID()}","questionId":"q","response":"Par\\ud800is","answeredAt":"${new Date().toISOString()}","durationMs":10}`;
  const res = await request.post("/api/reviews", { data: body, headers: { "content-type": "application/json" } });
  expect(res.status()).toBe(400);
  expect((await res.json()).error.code).toBe("invalid_text");
  for (const format of ["__proto__", "constructor", "toString"]) {
    expect((await request.get(`/api/decks/all/export?format=${format}`)).status()).toBe(400);
  }
});

test("class names refuse bidi controls", async ({ page }) => {
  await signUp(page, { name: "Bidi Teacher", email: uniqueEmail("bidi"), role: "teacher" });
  await page.goto("/classes");
  await page.getByLabel("Class name").fill("Year 10 \u202Etxt.exe");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByText("Names and titles cannot contain text-direction control characters.")).toBeVisible();
});
