import { describe, expect, it } from "vitest";
import { simulateLearner, type SimProfile, type SimQuestion } from "@/lib/dashboard/demo-simulation";
import { FIT_RULES, longTermItems, splitHoldOut, toHistories, type FitReview } from "@/lib/fsrs-fit/history";
import { fitLearner } from "@/lib/fsrs-fit/optimizer";
import { seededRandom } from "@/lib/random";

const DAY = 86_400_000;
const START = new Date("2026-01-05T00:00:00Z");

function questions(n: number): SimQuestion[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `q${String(i).padStart(4, "0")}`,
    type: "flashcard",
    prompt: `Prompt ${i}`,
    answer: `Answer ${i}`,
    choices: null,
    statementIsTrue: null,
  }));
}

/** A learner's simulated log, as the review table would hold it (the question stands for the card). */
function simulatedLog(profile: SimProfile, days: number, seed: number): FitReview[] {
  const now = new Date(START.getTime() + days * DAY);
  const { reviews } = simulateLearner(questions(400), profile, { start: START, now, random: seededRandom(seed) });
  return reviews.map((r) => ({ cardId: r.questionId, rating: r.rating, reviewedAt: r.reviewedAt }));
}

// Weaker than FSRS's average user: they forget sooner than the default parameters predict.
const weakLearner: SimProfile = { skill: 0.5, studyChance: 0.9, newPerDay: 12, sessionHour: 17, stoppedDaysAgo: 0 };

describe("toHistories", () => {
  it("groups by card in time order with whole days between reviews in the learner's zone", () => {
    const at = (iso: string) => new Date(iso);
    const histories = toHistories(
      [
        { cardId: "b", rating: "good", reviewedAt: at("2026-03-03T23:30:00Z") },
        { cardId: "a", rating: "again", reviewedAt: at("2026-03-01T10:00:00Z") },
        { cardId: "a", rating: "good", reviewedAt: at("2026-03-01T10:10:00Z") },
        { cardId: "a", rating: "easy", reviewedAt: at("2026-03-04T09:00:00Z") },
        { cardId: "b", rating: "hard", reviewedAt: at("2026-03-01T09:00:00Z") },
      ],
      "Asia/Tokyo",
    );
    expect(histories).toEqual([
      {
        cardId: "a",
        reviews: [
          { rating: 1, deltaT: 0 },
          { rating: 3, deltaT: 0 },
          { rating: 4, deltaT: 3 },
        ],
      },
      // 23:30 UTC on the 3rd is the 4th in Tokyo: three days after the 1st.
      {
        cardId: "b",
        reviews: [
          { rating: 2, deltaT: 0 },
          { rating: 3, deltaT: 3 },
        ],
      },
    ]);
    expect(longTermItems(histories)).toBe(2);
  });

  it("holds out whole cards, the same ones every time", () => {
    const histories = toHistories(simulatedLog(weakLearner, 20, 3), "UTC");
    const a = splitHoldOut(histories);
    const b = splitHoldOut(histories);
    expect(a.test.map((h) => h.cardId)).toEqual(b.test.map((h) => h.cardId));
    const share = a.test.length / histories.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
    const trainIds = new Set(a.train.map((h) => h.cardId));
    expect(a.test.some((h) => trainIds.has(h.cardId))).toBe(false);
  });
});

describe("fitLearner on simulated histories", () => {
  it("waits until the training share has the optimizer's 64 long-term reviews", async () => {
    const outcome = await fitLearner(toHistories(simulatedLog(weakLearner, 4, 5), "UTC"));
    expect(outcome.status).toBe("too-few");
    if (outcome.status === "too-few") {
      expect(outcome.trainItems).toBeLessThan(FIT_RULES.minTrainItems);
      expect(outcome.needed).toBe(64);
    }
  });

  it.each([
    ["a weak learner", weakLearner, 11],
    ["a strong learner", { ...weakLearner, skill: 0.97 }, 12],
  ])("fits %s so that the parameters beat the defaults on held-out reviews", async (_name, profile, seed) => {
    const outcome = await fitLearner(toHistories(simulatedLog(profile, 90, seed), "UTC"));
    expect(outcome.status).toBe("fitted");
    if (outcome.status !== "fitted") return;
    expect(outcome.parameters).toHaveLength(21);
    expect(outcome.testItems).toBeGreaterThan(50);
    expect(outcome.fitted.logLoss).toBeLessThan(outcome.defaults.logLoss);
    expect(outcome.fitted.rmse).toBeLessThan(outcome.defaults.rmse);
    expect(outcome.useFitted).toBe(true);
  });
});
