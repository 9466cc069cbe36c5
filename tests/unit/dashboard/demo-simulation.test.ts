import { describe, expect, it } from "vitest";
import { demoProfiles, simulateLearner, type SimProfile, type SimQuestion } from "@/lib/dashboard/demo-simulation";
import { seededRandom } from "@/lib/random";

const questions: SimQuestion[] = Array.from({ length: 40 }, (_, i) => {
  const type = (["multiple_choice", "cloze", "flashcard", "true_false"] as const)[i % 4]!;
  return {
    id: `q${i}`,
    type,
    prompt: `In ____, meeting ${i} took place.`,
    answer: String(1990 + i),
    choices: type === "multiple_choice" ? [String(1990 + i), "1901", "1902", "1903"] : null,
    statementIsTrue: type === "true_false" ? i % 8 === 3 : null,
  };
});

const NOW = new Date("2026-03-10T12:00:00Z");
const START = new Date("2026-02-08T12:00:00Z");
const steady: SimProfile = { skill: 0.8, studyChance: 0.9, newPerDay: 8, sessionHour: 16, stoppedDaysAgo: 0 };

describe("simulateLearner", () => {
  const run = () => simulateLearner(questions, steady, { start: START, now: NOW, random: seededRandom(5) });

  it("is deterministic for a seed", () => {
    expect(run()).toEqual(run());
  });

  it("answers in time order, inside the window, each card starting from new", () => {
    const { reviews, cards } = run();
    expect(reviews.length).toBeGreaterThan(0);
    const times = reviews.map((r) => r.reviewedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(START.getTime());
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    for (const [questionId, card] of cards) {
      const own = reviews.filter((r) => r.questionId === questionId);
      expect(own[0]!.stateBefore).toBe("new");
      expect(own[0]!.previousCard).toBeNull();
      // Every answer went through the scheduler once.
      expect(card.reps).toBe(own.length);
    }
  });

  it("stores graded responses: wrong multiple-choice answers are other options", () => {
    const { reviews } = run();
    const byId = new Map(questions.map((q) => [q.id, q]));
    const wrongMc = reviews.filter((r) => byId.get(r.questionId)!.type === "multiple_choice" && !r.correct);
    expect(wrongMc.length).toBeGreaterThan(0);
    for (const r of wrongMc) {
      const q = byId.get(r.questionId)!;
      expect(q.choices).toContain(r.response);
      expect(r.response).not.toBe(q.answer);
      expect(r.rating).toBe("again");
    }
    for (const r of reviews.filter((x) => byId.get(x.questionId)!.type === "flashcard")) expect(r.response).toBeNull();
  });

  it("leaves no trace for a learner who never started, and stops on the day a learner stopped", () => {
    const never = simulateLearner(
      questions,
      { ...steady, stoppedDaysAgo: Number.POSITIVE_INFINITY },
      { start: START, now: NOW, random: seededRandom(1) },
    );
    expect(never.reviews).toEqual([]);
    const stopped = simulateLearner(
      questions,
      { ...steady, stoppedDaysAgo: 10 },
      { start: START, now: NOW, random: seededRandom(1) },
    );
    const last = Math.max(...stopped.reviews.map((r) => r.reviewedAt.getTime()));
    expect(last).toBeLessThan(NOW.getTime() - 9 * 86_400_000);
  });
});

describe("demoProfiles", () => {
  it("makes the last learner one who never started and keeps values in range", () => {
    const profiles = demoProfiles(30, seededRandom(2025));
    expect(profiles).toHaveLength(30);
    expect(profiles.at(-1)!.stoppedDaysAgo).toBe(Number.POSITIVE_INFINITY);
    for (const p of profiles) {
      expect(p.skill).toBeGreaterThanOrEqual(0.5);
      expect(p.skill).toBeLessThan(0.97);
      expect(p.studyChance).toBeGreaterThan(0);
      expect(p.studyChance).toBeLessThanOrEqual(0.95);
    }
  });
});
