import { describe, expect, it } from "vitest";
import { filterLearners, filterQuestions, hardestFirst, isInactive } from "@/lib/dashboard/filters";
import { compareValues, sortRows } from "@/lib/dashboard/sort";
import type { LearnerRow, QuestionRow } from "@/lib/dashboard/types";

const NOW = new Date("2026-03-10T12:00:00Z");

function learner(name: string, over: Partial<LearnerRow> = {}): LearnerRow {
  return {
    learnerId: name,
    name,
    cardsStudied: 0,
    reviewsLast7Days: 0,
    retentionReviews: 0,
    retentionPassed: 0,
    retention: null,
    dueNow: 0,
    overdue: 0,
    mastery: {},
    lastActiveAt: null,
    fittedParameters: false,
    ...over,
  };
}

function question(id: string, over: Partial<QuestionRow> = {}): QuestionRow {
  return {
    questionId: id,
    prompt: `Prompt ${id}`,
    type: "cloze",
    documentId: "d1",
    documentTitle: "Doc",
    attempts: 0,
    firstTryLearners: 0,
    firstTryCorrect: 0,
    firstTryRate: null,
    avgDurationMs: null,
    overrides: 0,
    distractors: [],
    ...over,
  };
}

describe("sortRows", () => {
  it("sorts numbers and text both ways, empty values last either way", () => {
    const rows = [{ v: 3 }, { v: null }, { v: 1 }, { v: 2 }];
    expect(sortRows(rows, (r) => r.v, "asc").map((r) => r.v)).toEqual([1, 2, 3, null]);
    expect(sortRows(rows, (r) => r.v, "desc").map((r) => r.v)).toEqual([3, 2, 1, null]);
    const names = [{ v: "Demo Learner 10" }, { v: "demo learner 2" }, { v: "Ann" }];
    expect(sortRows(names, (r) => r.v, "asc").map((r) => r.v)).toEqual(["Ann", "demo learner 2", "Demo Learner 10"]);
  });

  it("keeps input order for ties", () => {
    const rows = [
      { id: "a", v: 1 },
      { id: "b", v: 1 },
      { id: "c", v: 0 },
    ];
    expect(sortRows(rows, (r) => r.v, "desc").map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(compareValues(null, null, "asc")).toBe(0);
  });
});

describe("filterLearners", () => {
  const rows = [
    learner("Ann", { lastActiveAt: "2026-03-10T08:00:00Z", retention: 0.95 }),
    // Exactly 7 days before NOW: counts as inactive 7+ days.
    learner("Bo", { lastActiveAt: "2026-03-03T12:00:00Z", retention: 0.79, overdue: 2 }),
    learner("Cy", { lastActiveAt: null, retention: null }),
  ];

  it("finds names case-insensitively", () => {
    expect(filterLearners(rows, { search: " an", filter: "all" }, NOW).map((r) => r.name)).toEqual(["Ann"]);
  });

  it("filters inactive learners, including those who never studied", () => {
    expect(filterLearners(rows, { search: "", filter: "inactive" }, NOW).map((r) => r.name)).toEqual(["Bo", "Cy"]);
    expect(isInactive({ lastActiveAt: "2026-03-03T12:00:01Z" }, NOW)).toBe(false);
  });

  it("filters retention below 80%, leaving out learners without a retention yet", () => {
    expect(filterLearners(rows, { search: "", filter: "low-retention" }, NOW).map((r) => r.name)).toEqual(["Bo"]);
  });

  it("filters learners with overdue cards", () => {
    expect(filterLearners(rows, { search: "", filter: "overdue" }, NOW).map((r) => r.name)).toEqual(["Bo"]);
  });
});

describe("question filters", () => {
  const rows = [
    question("q1", { type: "cloze", firstTryRate: 0.5, attempts: 4 }),
    question("q2", { type: "multiple_choice", documentId: "d2", firstTryRate: 0.25, attempts: 8 }),
    question("q3", { type: "multiple_choice", firstTryRate: null }),
    question("q4", { type: "true_false", firstTryRate: 0.5, attempts: 10 }),
  ];

  it("filters by deck, type and prompt text", () => {
    expect(filterQuestions(rows, { search: "", documentId: "d1", type: "" }).map((r) => r.questionId)).toEqual([
      "q1",
      "q3",
      "q4",
    ]);
    expect(
      filterQuestions(rows, { search: "", documentId: "", type: "multiple_choice" }).map((r) => r.questionId),
    ).toEqual(["q2", "q3"]);
    expect(filterQuestions(rows, { search: "prompt Q4", documentId: "", type: "" }).map((r) => r.questionId)).toEqual([
      "q4",
    ]);
  });

  it("orders hardest first: lowest first-try rate, then most attempts, unanswered last", () => {
    expect(hardestFirst(rows).map((r) => r.questionId)).toEqual(["q2", "q4", "q1", "q3"]);
  });
});
