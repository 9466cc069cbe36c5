import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { StudySession } from "@/lib/api/study-contract";

async function learner(baseURL: string): Promise<{ api: APIRequestContext; session: StudySession }> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.get("/api/decks/all/session?tz=Europe/Paris");
  expect(res.ok()).toBe(true);
  return { api, session: (await res.json()) as StudySession };
}

function flashcardReview(session: StudySession, cardId: string | null = null) {
  const card = session.cards.find((c) => c.question.type === "flashcard")!;
  return {
    reviewId: randomUUID(),
    questionId: card.question.id,
    cardId,
    rating: "good",
    answeredAt: new Date().toISOString(),
    durationMs: 2500,
  };
}

test("the review endpoint validates, stays idempotent, and keeps learners apart", async ({ baseURL }) => {
  const a = await learner(baseURL!);
  const b = await learner(baseURL!);

  const body = flashcardReview(a.session);
  const first = await a.api.post("/api/reviews", { data: body });
  expect(first.status()).toBe(200);
  const stored = await first.json();
  expect(stored).toMatchObject({ status: "stored", rating: "good" });
  const again = await a.api.post("/api/reviews", { data: body });
  expect(await again.json()).toMatchObject({ status: "duplicate", cardId: stored.cardId });
  expect((await (await a.api.get("/api/me/stats")).json()).reviews).toBe(1);

  // Another learner can neither answer with A's card nor undo A's answer, nor reuse A's review id.
  const forged = await b.api.post("/api/reviews", { data: { ...flashcardReview(a.session, stored.cardId) } });
  expect(forged.status()).toBe(404);
  expect((await forged.json()).error.message).toBe("That card does not exist or is not yours.");
  expect((await b.api.post(`/api/reviews/${body.reviewId}/undo`)).status()).toBe(404);
  expect((await b.api.post("/api/reviews", { data: { ...body, cardId: null } })).status()).toBe(409);
  expect((await (await b.api.get("/api/me/stats")).json()).reviews).toBe(0);

  // Bad bodies get a 4xx that says what is wrong.
  const bad = await a.api.post("/api/reviews", { data: { ...body, reviewId: "not-a-uuid", durationMs: -5 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/^Invalid reviewId/);
  const notJson = await a.api.post("/api/reviews", { data: "reviewId=1", headers: { "content-type": "text/plain" } });
  expect(notJson.status()).toBe(415);
  const crossSite = await a.api.post("/api/reviews", {
    data: flashcardReview(a.session),
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  // Opening a deck creates no learner; the first answer does (and sets the guest cookie).
  const newcomer = await playwrightRequest.newContext({ baseURL });
  const firstAnswer = await newcomer.post("/api/reviews", { data: flashcardReview(a.session) });
  expect(firstAnswer.status()).toBe(200);
  expect(firstAnswer.headers()["set-cookie"]).toMatch(/quarry_guest=/);
  expect((await (await newcomer.get("/api/me/stats")).json()).reviews).toBe(1);

  // Undo restores the card; a second undo of the same answer changes nothing.
  const undo = await a.api.post(`/api/reviews/${body.reviewId}/undo`);
  expect(undo.status()).toBe(200);
  expect((await undo.json()).card).toMatchObject({ state: "new", reps: 0 });
  expect((await (await a.api.get("/api/me/stats")).json()).reviews).toBe(0);
});
