import { describe, expect, it } from "vitest";
import { learnersCsv, questionsCsv } from "@/lib/dashboard/export";
import type { LearnerRow, QuestionRow } from "@/lib/dashboard/types";

const decks = [
  { id: "all", title: "All documents", documentIds: ["d1", "d2"], questionCount: 10, dueAt: null },
  { id: "d1", title: "Trade, 2025", documentIds: ["d1"], questionCount: 4, dueAt: null },
];

const learner: LearnerRow = {
  learnerId: "l1",
  name: "=cmd|' /C calc'!A0",
  cardsStudied: 7,
  reviewsLast7Days: 12,
  retentionReviews: 8,
  retentionPassed: 7,
  retention: 7 / 8,
  dueNow: 3,
  overdue: 1,
  mastery: { all: 0.3, d1: 2 / 3 },
  lastActiveAt: "2026-03-09T08:10:00.000Z",
  fittedParameters: true,
};

describe("learnersCsv", () => {
  it("writes one line per learner with percentages and neutralised formulas", () => {
    const lines = learnersCsv(decks, [
      learner,
      { ...learner, name: "Bo", retention: null, lastActiveAt: null, fittedParameters: false },
    ]).split("\r\n");
    expect(lines[0]).toBe(
      "Learner,Cards studied,Reviews (7 days),True retention % (30 days),Review answers (30 days),Due now,Overdue," +
        'Mastery % All documents,"Mastery % Trade, 2025",Last active (UTC),FSRS parameters',
    );
    // 7/8 = 87.5%; 0.3 → 30%; 2/3 → 66.7%.
    expect(lines[1]).toBe("'=cmd|' /C calc'!A0,7,12,87.5,8,3,1,30,66.7,2026-03-09T08:10:00.000Z,fitted");
    expect(lines[2]).toBe("Bo,7,12,,8,3,1,30,66.7,,default");
  });
});

describe("questionsCsv", () => {
  it("lists distractors in one cell and seconds with one decimal", () => {
    const row: QuestionRow = {
      questionId: "q1",
      prompt: 'Which city, "the capital"?',
      type: "multiple_choice",
      documentId: "d1",
      documentTitle: "Geo",
      attempts: 6,
      firstTryLearners: 2,
      firstTryCorrect: 1,
      firstTryRate: 0.5,
      avgDurationMs: 7833.33,
      overrides: 3,
      distractors: [
        { choice: "Lyon", count: 2 },
        { choice: "+33 Nice", count: 1 },
      ],
    };
    expect(questionsCsv([row]).split("\r\n")[1]).toBe(
      'q1,Geo,multiple_choice,"Which city, ""the capital""?",6,2,50,7.8,"Lyon (2); +33 Nice (1)",3',
    );
  });
});
