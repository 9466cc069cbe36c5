import { randomUUID } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReviewSubmission, StudyCard } from "@/lib/api/study-contract";
import { createGuestLearner, type LearnerRecord } from "@/lib/data/learners";
import { countReviews } from "@/lib/data/cards";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { loadReadableDeck } from "@/lib/server/decks";
import { submitReview, undoSubmittedReview } from "@/lib/server/reviews";
import { buildStudySession, getDeckCounts } from "@/lib/server/study-session";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

const NOW = new Date("2026-03-02T09:00:00Z");
const visitor = { user: null, learnerId: null };
let alice: LearnerRecord;
let bob: LearnerRecord;
let cards: StudyCard[];

function answerFor(c: StudyCard, correct = true): Pick<ReviewSubmission, "response" | "rating"> {
  const q = c.question;
  switch (q.type) {
    case "flashcard":
      return { rating: correct ? "good" : "again" };
    case "multiple_choice":
      return { response: correct ? q.answer : q.choices!.find((x) => x !== q.answer)! };
    case "true_false":
      return { response: String(correct ? q.statementIsTrue : !q.statementIsTrue) };
    default:
      return { response: correct ? q.answer : "zzzz" };
  }
}

function submission(c: StudyCard, extra: Partial<ReviewSubmission> = {}): ReviewSubmission {
  return {
    reviewId: randomUUID(),
    questionId: c.question.id,
    cardId: c.cardId,
    answeredAt: NOW.toISOString(),
    durationMs: 8000,
    ...answerFor(c),
    ...extra,
  };
}

/** A new card of the given type: from Alice's session when it has one, else straight from the bank. */
async function cardOfType(type: StudyCard["question"]["type"], skip = 0): Promise<StudyCard> {
  const inSession = cards.filter((c) => c.question.type === type)[skip];
  if (inSession) return inSession;
  const q = await db().question.findMany({
    where: { status: "published", type },
    orderBy: { id: "asc" },
    skip,
    take: 1,
    include: { document: true },
  });
  const row = q[0]!;
  return {
    cardId: null,
    card: cards[0]!.card,
    question: {
      id: row.id,
      type,
      prompt: row.prompt,
      answer: row.answer,
      choices: (row.choices as string[] | null) ?? null,
      statementIsTrue: row.statementIsTrue,
      factType: row.factType,
      documentId: row.documentId,
      documentTitle: row.document.title,
      sentenceIndex: row.sentenceIndex,
      sentence: row.sentence,
    },
  };
}

beforeAll(async () => {
  await importContent(path.resolve("content"));
  alice = await createGuestLearner("hash-alice");
  bob = await createGuestLearner("hash-bob");
  const deck = (await loadReadableDeck(visitor, "all"))!;
  cards = (await buildStudySession(alice, deck, NOW)).cards;
});

describe("study sessions", () => {
  it("offers at most the daily new-card limit, one question per source sentence", async () => {
    expect(cards).toHaveLength(20);
    const sentences = new Set(cards.map((c) => `${c.question.documentId}:${c.question.sentenceIndex}`));
    expect(sentences.size).toBe(20);
    expect(cards.every((c) => c.cardId === null && c.card.state === "new")).toBe(true);
  });

  it("grades on the server: a wrong multiple-choice answer is stored as Again", async () => {
    const mc = await cardOfType("multiple_choice");
    const result = await submitReview(alice, submission(mc, answerFor(mc, false)), NOW);
    expect(result).toMatchObject({ status: "stored", rating: "again", correct: false });
    expect(result.card.state).toBe("learning");
  });
});

describe("recording reviews", () => {
  it("stores one log when the same review id is submitted twice", async () => {
    const card = await cardOfType("flashcard");
    const sub = submission(card);
    const before = await countReviews(alice.id);
    const first = await submitReview(alice, sub, NOW);
    const second = await submitReview(alice, sub, NOW);
    // And a concurrent pair of replays.
    const racing = await Promise.all([submitReview(alice, sub, NOW), submitReview(alice, sub, NOW)]);
    expect(first.status).toBe("stored");
    expect([second, ...racing].map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
    expect(second.card).toEqual(first.card);
    expect(await countReviews(alice.id)).toBe(before + 1);
    expect(await db().reviewLog.count({ where: { id: sub.reviewId } })).toBe(1);
  });

  it("records the FSRS log fields", async () => {
    const c = await cardOfType("true_false");
    const sub = submission(c, { durationMs: 4321 });
    await submitReview(alice, sub, NOW);
    const log = await db().reviewLog.findUniqueOrThrow({ where: { id: sub.reviewId } });
    expect(log).toMatchObject({
      learnerId: alice.id,
      questionId: c.question.id,
      stateBefore: "new",
      durationMs: 4321,
      correct: true,
      response: String(c.question.statementIsTrue),
      elapsedDays: 0,
    });
    expect(["good", "easy"]).toContain(log.rating);
    expect(log.reviewedAt.toISOString()).toBe(NOW.toISOString());
  });

  it("rejects a review of another learner's card, and stores nothing", async () => {
    const c = await cardOfType("cloze");
    const mine = await submitReview(alice, submission(c), NOW);
    const before = await db().reviewLog.count();
    await expect(submitReview(bob, submission(c, { cardId: mine.cardId }), NOW)).rejects.toMatchObject({
      code: "card_not_found",
    });
    expect(await db().reviewLog.count()).toBe(before);
    const card = await db().card.findUniqueOrThrow({ where: { id: mine.cardId } });
    expect(card.reps).toBe(1);
  });

  it("rejects another learner's review id, an unknown question, and a flashcard without a rating", async () => {
    const c = cards[5]!;
    const sub = submission(c);
    await submitReview(alice, sub, NOW);
    await expect(submitReview(bob, sub, NOW)).rejects.toMatchObject({ code: "review_id_taken" });
    await expect(submitReview(alice, { ...submission(c), questionId: "nope" }, NOW)).rejects.toMatchObject({
      code: "question_not_found",
    });
    const flash = await cardOfType("flashcard", 1);
    await expect(
      submitReview(alice, { ...submission(flash), rating: undefined, response: "whatever" }, NOW),
    ).rejects.toMatchObject({ code: "rating_required" });
  });

  it("refuses answers dated in the future", async () => {
    const c = cards[6]!;
    const future = new Date(NOW.getTime() + 3600_000).toISOString();
    await expect(submitReview(alice, submission(c, { answeredAt: future }), NOW)).rejects.toMatchObject({
      code: "answered_in_future",
    });
  });
});

describe("undo", () => {
  it("restores the card's exact previous state and keeps replays harmless", async () => {
    const c = cards[8]!;
    const first = await submitReview(alice, submission(c), NOW);
    const stateAfterFirst = await db().card.findUniqueOrThrow({ where: { id: first.cardId } });
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const secondSub = submission(
      { ...c, cardId: first.cardId },
      { answeredAt: later.toISOString(), ...answerFor(c, false) },
    );
    const second = await submitReview(alice, secondSub, later);
    expect(second.card).not.toEqual(first.card);

    // Only the latest answer can be undone.
    const firstLog = await db().reviewLog.findFirstOrThrow({
      where: { cardId: first.cardId },
      orderBy: { reviewedAt: "asc" },
    });
    await expect(undoSubmittedReview(alice, firstLog.id, later)).rejects.toMatchObject({ code: "not_latest_review" });
    await expect(undoSubmittedReview(bob, secondSub.reviewId, later)).rejects.toMatchObject({
      code: "review_not_found",
    });

    const restored = await undoSubmittedReview(alice, secondSub.reviewId, later);
    expect(restored).toEqual(first.card);
    const row = await db().card.findUniqueOrThrow({ where: { id: first.cardId } });
    const { updatedAt: _a, ...now } = row;
    const { updatedAt: _b, ...then } = stateAfterFirst;
    expect(now).toEqual(then);

    // Replaying the undone review stores nothing and changes nothing.
    const replay = await submitReview(alice, secondSub, later);
    expect(replay.status).toBe("duplicate");
    expect(await db().card.findUniqueOrThrow({ where: { id: first.cardId } })).toMatchObject({ reps: row.reps });
    expect(await db().reviewLog.count({ where: { cardId: first.cardId, undoneAt: null } })).toBe(1);
  });

  it("undoing a first answer makes the question new again", async () => {
    const c = cards[10]!;
    const sub = submission(c);
    const stored = await submitReview(alice, sub, NOW);
    const restored = await undoSubmittedReview(alice, sub.reviewId, NOW);
    expect(restored).toMatchObject({ state: "new", reps: 0, lastReview: null });
    const deck = (await loadReadableDeck(visitor, c.question.documentId))!;
    const session = await buildStudySession(alice, deck, NOW);
    expect(session.cards.some((x) => x.question.id === c.question.id)).toBe(true);
    expect(stored.cardId).toBeTruthy();
  });
});

describe("deck counts", () => {
  it("counts new, learning and due cards for a learner", async () => {
    const deck = (await loadReadableDeck(visitor, "all"))!;
    const fresh = await getDeckCounts(bob, deck, NOW);
    expect(fresh).toEqual({ new: 20, learning: 0, due: 0 });
    // The deck page's counts are a tally of what the session serves, now and later.
    for (const at of [NOW, new Date(NOW.getTime() + 3600_000), new Date(NOW.getTime() + 3 * 86400_000)]) {
      const counts = await getDeckCounts(alice, deck, at);
      const served = (await buildStudySession(alice, deck, at)).cards;
      expect(counts).toEqual({
        new: served.filter((c) => c.cardId === null).length,
        learning: served.filter((c) => c.card.state === "learning" || c.card.state === "relearning").length,
        due: served.filter((c) => c.cardId !== null && c.card.state === "review").length,
      });
    }
    // An hour on, every learning card is due again and is served.
    const learning = await db().card.count({
      where: { learnerId: alice.id, state: { in: ["learning", "relearning"] } },
    });
    expect(learning).toBeGreaterThan(0);
    expect((await getDeckCounts(alice, deck, new Date(NOW.getTime() + 3600_000))).learning).toBe(learning);
  });
});
