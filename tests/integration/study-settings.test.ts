import { randomUUID } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { simulateLearner, type SimQuestion } from "@/lib/dashboard/demo-simulation";
import { createGuestLearner, getLearner, type LearnerRecord } from "@/lib/data/learners";
import { seededRandom } from "@/lib/random";
import { cardColumns } from "@/lib/scheduling";
import { db } from "@/lib/server/db";
import { fitLearnerParameters, getFitSummary } from "@/lib/server/fsrs-fit";
import { importContent } from "@/lib/server/import-content";
import { saveLearnerSettings } from "@/lib/server/learner-settings";
import { loadReadableDeck } from "@/lib/server/decks";
import { submitReview } from "@/lib/server/reviews";
import { buildStudySession } from "@/lib/server/study-session";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

const NOW = new Date("2026-03-02T09:00:00Z");

beforeAll(async () => {
  await importContent(path.resolve("content"));
});

async function firstCloze() {
  return db().question.findFirstOrThrow({ where: { status: "published", type: "cloze" }, orderBy: { id: "asc" } });
}

describe("'I was right'", () => {
  it("stores an overridden typed answer as a pass and says so in the log", async () => {
    const learner = await createGuestLearner("hash-override");
    const q = await firstCloze();
    const reviewId = randomUUID();
    const base = { questionId: q.id, answeredAt: NOW.toISOString(), durationMs: 9000, response: "not it" };
    const result = await submitReview(learner, { ...base, reviewId, override: true }, NOW);
    expect(result).toMatchObject({ status: "stored", rating: "good", correct: true });
    const log = await db().reviewLog.findUniqueOrThrow({ where: { id: reviewId } });
    expect(log).toMatchObject({ overridden: true, rating: "good", correct: true, response: "not it" });
    // Without the override the same answer is wrong, rated Again, and not marked.
    const other = await createGuestLearner("hash-no-override");
    const plain = await submitReview(other, { ...base, reviewId: randomUUID() }, NOW);
    expect(plain).toMatchObject({ rating: "again", correct: false });
  });
});

describe("settings apply from the next session", () => {
  it("follows the new-card limit, the study order and the review limit", async () => {
    let learner = await createGuestLearner("hash-settings");
    const deck = (await loadReadableDeck({ user: null, learnerId: learner.id }, "sample"))!;
    const first = await buildStudySession(learner, deck, NOW);
    expect(first.cards).toHaveLength(20);
    // Answer 5 new cards, which will be due as reviews three days on once graduated with Easy.
    for (const c of first.cards.slice(0, 5)) {
      const answer =
        c.question.type === "flashcard"
          ? { rating: "easy" as const }
          : { response: c.question.type === "true_false" ? String(c.question.statementIsTrue) : c.question.answer };
      await submitReview(
        learner,
        {
          reviewId: randomUUID(),
          questionId: c.question.id,
          answeredAt: NOW.toISOString(),
          durationMs: 500,
          ...answer,
        },
        NOW,
      );
    }
    learner = await saveLearnerSettings(learner, { newCardsPerDay: 3, studyOrder: "new-first", maxReviewsPerDay: 2 });
    const later = new Date(NOW.getTime() + 40 * 86_400_000);
    const next = await buildStudySession(learner, deck, later);
    expect(next.counts).toEqual({ new: 3, learning: 0, due: 2 });
    expect(next.cards.map((c) => (c.cardId === null ? "new" : c.card.state))).toEqual([
      "new",
      "new",
      "new",
      "review",
      "review",
    ]);
  });
});

describe("FSRS fitted to a learner", () => {
  it("fits a simulated history, keeps the parameters that beat the defaults, and schedules with them", async () => {
    const learner = await createGuestLearner("hash-fit");
    // One flashcard stays out of the simulated history, however small the seeded bank, to be studied fresh below.
    const kept = await db().question.findFirstOrThrow({
      where: { status: "published", type: "flashcard" },
      orderBy: { id: "desc" },
    });
    const rows = await db().question.findMany({
      where: { status: "published", id: { not: kept.id } },
      orderBy: { id: "asc" },
      take: 300,
    });
    const sim: SimQuestion[] = rows.map((q) => ({ ...q, type: "flashcard", choices: null, statementIsTrue: null }));
    const start = new Date(NOW.getTime() - 90 * 86_400_000);
    const profile = { skill: 0.5, studyChance: 0.9, newPerDay: 10, sessionHour: 17, stoppedDaysAgo: 0 };
    const { cards, reviews } = simulateLearner(sim, profile, { start, now: NOW, random: seededRandom(7) });
    const cardIds = new Map([...cards.keys()].map((questionId) => [questionId, randomUUID()]));
    await db().card.createMany({
      data: [...cards].map(([questionId, card]) => ({
        id: cardIds.get(questionId)!,
        learnerId: learner.id,
        questionId,
        ...cardColumns(card),
      })),
    });
    await db().reviewLog.createMany({
      data: reviews.map((r) => ({
        id: randomUUID(),
        learnerId: learner.id,
        cardId: cardIds.get(r.questionId)!,
        questionId: r.questionId,
        rating: r.rating,
        stateBefore: r.stateBefore,
        elapsedDays: r.elapsedDays,
        scheduledDays: r.scheduledDays,
        reviewedAt: r.reviewedAt,
        durationMs: r.durationMs,
        previousCard: {},
      })),
    });

    const summary = (await fitLearnerParameters(learner.id, NOW))!;
    expect(summary.status).toBe("fitted");
    expect(summary.fitted!.logLoss).toBeLessThan(summary.defaults!.logLoss);
    expect(summary.useFitted).toBe(true);
    expect((await getFitSummary(learner.id))!.useFitted).toBe(true);

    const fitted = (await getLearner(learner.id))!;
    expect(fitted.fsrsWeights).toHaveLength(21);
    // A new question answered Good: its first stability is the fitted w[2] (ts-fsrs keeps an
    // initial stability of at least 0.1 day), not the default 2.3 days.
    const fresh = await db().question.findFirstOrThrow({
      where: { status: "published", type: "flashcard", cards: { none: { learnerId: learner.id } } },
    });
    const stored = await submitReview(
      fitted as LearnerRecord,
      { reviewId: randomUUID(), questionId: fresh.id, rating: "good", answeredAt: NOW.toISOString(), durationMs: 4000 },
      NOW,
    );
    expect(stored.card.stability).toBeCloseTo(Math.max(0.1, fitted.fsrsWeights![2]!), 3);
    expect(Math.abs(stored.card.stability - 2.3065)).toBeGreaterThan(0.1);
  }, 120_000);
});
