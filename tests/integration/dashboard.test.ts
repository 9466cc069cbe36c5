import { beforeAll, describe, expect, it } from "vitest";
import { hardestFirst } from "@/lib/dashboard/filters";
import { addClassMember, assignDeck, createClassroom } from "@/lib/data/classes";
import { getClassLearner } from "@/lib/data/dashboard";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import {
  buildClassDashboard,
  buildLearnerTable,
  buildQuestionTable,
  type ClassDashboard,
} from "@/lib/server/dashboard";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

// Windows measured back from NOW: last 7 days from 2026-03-03T12:00Z, last 30 days from 2026-02-08T12:00Z;
// overdue means due before 2026-03-09T12:00Z.
const NOW = new Date("2026-03-10T12:00:00Z");
const at = (iso: string) => new Date(iso);

let classId: string;
let otherClassId: string;
const ids: Record<"ann" | "bo" | "cy" | "dee", string> = { ann: "", bo: "", cy: "", dee: "" };

async function person(key: keyof typeof ids, name: string, role = "learner") {
  await db().user.create({ data: { id: `user-${key}`, name, email: `${key}@example.test`, role } });
  const learner = await db().learner.create({ data: { userId: `user-${key}` } });
  ids[key] = learner.id;
}

/** A document and its one-document deck (same id), as uploads and the decks migration make them. */
async function document(id: string, title: string) {
  await db().document.create({ data: { id, title, fileName: `${id}.md`, text: "Text.", sha256: id } });
  await db().deck.create({ data: { id, title, documents: { create: [{ documentId: id }] } } });
}

async function question(id: string, documentId: string, type: string, sentenceIndex: number, status = "published") {
  const choices = type === "multiple_choice" ? ["Paris", "Lyon", "Nice", "Lille"] : undefined;
  await db().question.create({
    data: {
      id,
      documentId,
      type,
      status,
      sentenceIndex,
      prompt: `Prompt ${id}`,
      answer: "Paris",
      choices,
      factType: "place",
      sentenceStart: 0,
      sentenceEnd: 5,
      sentence: "Paris.",
      score: 1,
    },
  });
}

type CardSpec = { state: string; stability: number; reps: number; due: string };
const cardIds = new Map<string, string>();

async function card(learner: keyof typeof ids, questionId: string, spec: CardSpec) {
  const row = await db().card.create({
    data: {
      learnerId: ids[learner],
      questionId,
      due: at(spec.due),
      stability: spec.stability,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: spec.reps,
      lapses: 0,
      state: spec.state,
    },
  });
  cardIds.set(`${learner}/${questionId}`, row.id);
}

type LogSpec = {
  id: string;
  q: string;
  before: string;
  when: string;
  rating: string;
  correct: boolean | null;
  response?: string;
  ms: number;
  undone?: string;
};

async function logs(learner: keyof typeof ids, specs: LogSpec[]) {
  for (const s of specs) {
    await db().reviewLog.create({
      data: {
        id: s.id,
        learnerId: ids[learner],
        cardId: cardIds.get(`${learner}/${s.q}`)!,
        questionId: s.q,
        rating: s.rating,
        stateBefore: s.before,
        elapsedDays: 0,
        scheduledDays: 0,
        reviewedAt: at(s.when),
        durationMs: s.ms,
        response: s.response ?? null,
        correct: s.correct,
        previousCard: Prisma.JsonNull,
        undoneAt: s.undone ? at(s.undone) : null,
      },
    });
  }
}

beforeAll(async () => {
  await person("ann", "Ann");
  await person("bo", "Bo");
  await person("cy", "Cy");
  await person("dee", "Dee");
  await db().user.create({ data: { id: "teacher-1", name: "T1", email: "t1@example.test", role: "teacher" } });
  await db().user.create({ data: { id: "teacher-2", name: "T2", email: "t2@example.test", role: "teacher" } });

  await document("doc-a", "Alpha");
  await document("doc-b", "Beta");
  await document("doc-c", "Gamma");
  await question("qa1", "doc-a", "multiple_choice", 0);
  await question("qa2", "doc-a", "cloze", 1);
  await question("qa3", "doc-a", "flashcard", 2);
  await question("qa4", "doc-a", "true_false", 3, "draft");
  await question("qb1", "doc-b", "multiple_choice", 0);
  await question("qc1", "doc-c", "cloze", 0);

  classId = (await createClassroom("teacher-1", "Class one", "CLASS1")).id;
  for (const k of ["ann", "bo", "cy"] as const) await addClassMember(classId, ids[k]);
  await assignDeck(classId, "doc-a", null);
  await assignDeck(classId, "doc-b", at("2026-03-20T00:00:00Z"));
  // Dee is only in the other teacher's class, with Ann.
  otherClassId = (await createClassroom("teacher-2", "Class two", "CLASS2")).id;
  await addClassMember(otherClassId, ids.dee);
  await addClassMember(otherClassId, ids.ann);

  await card("ann", "qa1", { state: "review", stability: 30, reps: 3, due: "2026-03-20T12:00:00Z" });
  await card("ann", "qa2", { state: "review", stability: 5, reps: 2, due: "2026-03-08T12:00:00Z" });
  await card("ann", "qa3", { state: "learning", stability: 1, reps: 1, due: "2026-03-10T11:00:00Z" });
  await card("ann", "qb1", { state: "review", stability: 25, reps: 2, due: "2026-03-15T12:00:00Z" });
  await card("ann", "qc1", { state: "review", stability: 40, reps: 2, due: "2026-03-07T12:00:00Z" });
  await card("bo", "qa1", { state: "relearning", stability: 2, reps: 2, due: "2026-03-10T12:10:00Z" });
  await card("bo", "qa2", { state: "new", stability: 0, reps: 0, due: "2026-03-05T12:00:00Z" });
  await card("bo", "qb1", { state: "review", stability: 21, reps: 1, due: "2026-03-09T12:00:00Z" });
  await card("dee", "qa1", { state: "review", stability: 50, reps: 2, due: "2026-03-05T12:00:00Z" });

  await logs("ann", [
    {
      id: "A1",
      q: "qa1",
      before: "new",
      when: "2026-02-01T10:00:00Z",
      rating: "again",
      correct: false,
      response: "Lyon",
      ms: 10000,
    },
    {
      id: "A2",
      q: "qa1",
      before: "learning",
      when: "2026-02-01T10:05:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 6000,
    },
    {
      id: "A3",
      q: "qa1",
      before: "review",
      when: "2026-03-05T09:00:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 4000,
    },
    {
      id: "A4",
      q: "qa2",
      before: "new",
      when: "2026-03-01T08:00:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 8000,
    },
    {
      id: "A5",
      q: "qa2",
      before: "review",
      when: "2026-03-09T08:00:00Z",
      rating: "again",
      correct: false,
      response: "Pari",
      ms: 12000,
    },
    { id: "A6", q: "qa3", before: "new", when: "2026-03-09T08:10:00Z", rating: "hard", correct: null, ms: 3000 },
    {
      id: "A7",
      q: "qb1",
      before: "new",
      when: "2026-03-02T10:00:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 5000,
    },
    {
      id: "A8",
      q: "qb1",
      before: "review",
      when: "2026-03-08T10:00:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 5000,
    },
    {
      id: "A9",
      q: "qc1",
      before: "new",
      when: "2026-03-01T09:00:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 7000,
    },
    {
      id: "A10",
      q: "qc1",
      before: "review",
      when: "2026-03-07T09:00:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 7000,
    },
    // Undone: left out of every number, although it is Ann's latest answer.
    {
      id: "A11",
      q: "qa2",
      before: "review",
      when: "2026-03-09T09:00:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 2000,
      undone: "2026-03-09T09:01:00Z",
    },
  ]);
  await logs("bo", [
    {
      id: "B1",
      q: "qa1",
      before: "new",
      when: "2026-03-04T10:00:00Z",
      rating: "again",
      correct: false,
      response: "Lyon",
      ms: 9000,
    },
    {
      id: "B2",
      q: "qa1",
      before: "learning",
      when: "2026-03-04T10:01:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 7000,
    },
    {
      id: "B3",
      q: "qa1",
      before: "review",
      when: "2026-03-06T10:00:00Z",
      rating: "again",
      correct: false,
      response: "Nice",
      ms: 11000,
    },
    {
      id: "B4",
      q: "qa2",
      before: "new",
      when: "2026-03-06T10:05:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 5000,
      undone: "2026-03-06T10:06:00Z",
    },
    {
      id: "B5",
      q: "qb1",
      before: "new",
      when: "2026-02-20T10:00:00Z",
      rating: "again",
      correct: false,
      response: "Wrong B",
      ms: 6000,
    },
    {
      id: "B6",
      q: "qb1",
      before: "review",
      when: "2026-03-02T10:00:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 4000,
    },
  ]);
  // Dee is in no class of teacher 1: none of this may show on class one's dashboard.
  await logs("dee", [
    {
      id: "D1",
      q: "qa1",
      before: "new",
      when: "2026-03-09T10:00:00Z",
      rating: "again",
      correct: false,
      response: "Nice",
      ms: 1000,
    },
    {
      id: "D2",
      q: "qa1",
      before: "review",
      when: "2026-03-09T11:00:00Z",
      rating: "good",
      correct: true,
      response: "Paris",
      ms: 1000,
    },
  ]);
});

describe("learner table", () => {
  let dashboard: ClassDashboard;
  beforeAll(async () => {
    dashboard = await buildClassDashboard(classId, NOW);
  });
  const row = (name: string) => dashboard.learners.rows.find((r) => r.name === name)!;

  it("lists the assigned decks with their published question counts", () => {
    // Alpha: qa1, qa2, qa3 published (qa4 is a draft); Beta: qb1.
    expect(dashboard.learners.decks).toEqual([
      { id: "doc-a", title: "Alpha", documentIds: ["doc-a"], questionCount: 3, dueAt: null },
      { id: "doc-b", title: "Beta", documentIds: ["doc-b"], questionCount: 1, dueAt: "2026-03-20T00:00:00.000Z" },
    ]);
  });

  it("lists exactly the class's members, including those who never studied", () => {
    expect(dashboard.learners.rows.map((r) => r.name)).toEqual(["Ann", "Bo", "Cy"]);
  });

  it("computes Ann's numbers", () => {
    expect(row("Ann")).toEqual({
      learnerId: ids.ann,
      name: "Ann",
      // Cards with reps > 0 on published questions: qa1, qa2, qa3, qb1, qc1.
      cardsStudied: 5,
      // Since 03-03 12:00: A3, A5, A6, A8, A10 (A11 is undone).
      reviewsLast7Days: 5,
      // Review-state answers since 02-08 12:00: A3 good, A5 again, A8 good, A10 good → 3 of 4.
      retentionReviews: 4,
      retentionPassed: 3,
      retention: 0.75,
      // Not new and due by NOW: qa2 (03-08), qa3 (today 11:00), qc1 (03-07); qa1, qb1 due later.
      dueNow: 3,
      // Due before 03-09 12:00: qa2 and qc1; qa3 is only an hour late.
      overdue: 2,
      // Alpha: qa1 (review, stability 30) of 3 questions; qa2 (5) is too weak. Beta: qb1 (25) of 1.
      mastery: { "doc-a": 1 / 3, "doc-b": 1 },
      // A6; the later A11 is undone.
      lastActiveAt: "2026-03-09T08:10:00.000Z",
      fittedParameters: false,
    });
  });

  it("computes Bo's numbers", () => {
    expect(row("Bo")).toEqual({
      learnerId: ids.bo,
      name: "Bo",
      // qa1 and qb1; qa2 went back to new (reps 0) when its only answer was undone.
      cardsStudied: 2,
      // B1, B2, B3; B4 is undone, B6 (03-02) is older than 7 days.
      reviewsLast7Days: 3,
      // B3 again, B6 good → 1 of 2.
      retentionReviews: 2,
      retentionPassed: 1,
      retention: 0.5,
      // qb1 is due exactly 1 day ago: due, not overdue. qa1 is due in 10 minutes; qa2 is new.
      dueNow: 1,
      overdue: 0,
      // qb1 stability 21 meets the 21-day bar; nothing in Alpha.
      mastery: { "doc-a": 0, "doc-b": 1 },
      lastActiveAt: "2026-03-06T10:00:00.000Z",
      fittedParameters: false,
    });
  });

  it("shows a learner with no activity as zeros", () => {
    expect(row("Cy")).toMatchObject({
      cardsStudied: 0,
      reviewsLast7Days: 0,
      retention: null,
      dueNow: 0,
      overdue: 0,
      mastery: { "doc-a": 0, "doc-b": 0 },
      lastActiveAt: null,
    });
  });

  it("charts reviews per UTC day over the last 30 days, members only", () => {
    const activity = dashboard.charts.activity;
    expect(activity).toHaveLength(30);
    expect(activity[0]!.day).toBe("2026-02-09");
    expect(activity.at(-1)!.day).toBe("2026-03-10");
    const nonZero = Object.fromEntries(activity.filter((d) => d.count > 0).map((d) => [d.day, d.count]));
    expect(nonZero).toEqual({
      "2026-02-20": 1, // B5
      "2026-03-01": 2, // A4, A9
      "2026-03-02": 2, // A7, B6
      "2026-03-04": 2, // B1, B2
      "2026-03-05": 1, // A3
      "2026-03-06": 1, // B3 (B4 undone)
      "2026-03-07": 1, // A10
      "2026-03-08": 1, // A8
      "2026-03-09": 2, // A5, A6 (A11 undone; Dee is not a member)
    });
  });

  it("bins learners by retention", () => {
    const counts = dashboard.charts.retentionHistogram.map((b) => b.count);
    // Bo 50% → 50–60% band, Ann 75% → 70–80% band; Cy has no review-state answers.
    expect(counts).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 0, 0]);
    expect(dashboard.charts.learnersWithoutRetention).toBe(1);
  });
});

describe("question table", () => {
  it("computes attempts, first-try success, answer time and distractors", async () => {
    const { rows } = await buildQuestionTable(classId);
    // Published questions of Alpha and Beta in reading order; the draft qa4 and unassigned qc1 are left out.
    expect(rows).toEqual([
      {
        questionId: "qa1",
        prompt: "Prompt qa1",
        type: "multiple_choice",
        documentId: "doc-a",
        documentTitle: "Alpha",
        // A1, A2, A3, B1, B2, B3 (Dee's D1, D2 excluded).
        attempts: 6,
        // First answers: A1 wrong, B1 wrong.
        firstTryLearners: 2,
        firstTryCorrect: 0,
        firstTryRate: 0,
        // (10000 + 6000 + 4000 + 9000 + 7000 + 11000) / 6 = 47000 / 6.
        avgDurationMs: 47000 / 6,
        overrides: 0,
        // Lyon: A1, B1; Nice: B3 (Dee's Nice excluded).
        distractors: [
          { choice: "Lyon", count: 2 },
          { choice: "Nice", count: 1 },
        ],
      },
      {
        questionId: "qa2",
        prompt: "Prompt qa2",
        type: "cloze",
        documentId: "doc-a",
        documentTitle: "Alpha",
        // A4, A5; A11 and Bo's B4 are undone, so Bo has no first answer here.
        attempts: 2,
        firstTryLearners: 1,
        firstTryCorrect: 1,
        firstTryRate: 1,
        avgDurationMs: (8000 + 12000) / 2,
        overrides: 0,
        // Wrong typed answers are not distractors.
        distractors: [],
      },
      {
        questionId: "qa3",
        prompt: "Prompt qa3",
        type: "flashcard",
        documentId: "doc-a",
        documentTitle: "Alpha",
        // A6: self-graded "hard" with no correct flag counts as a pass.
        attempts: 1,
        firstTryLearners: 1,
        firstTryCorrect: 1,
        firstTryRate: 1,
        avgDurationMs: 3000,
        overrides: 0,
        distractors: [],
      },
      {
        questionId: "qb1",
        prompt: "Prompt qb1",
        type: "multiple_choice",
        documentId: "doc-b",
        documentTitle: "Beta",
        // A7, A8, B5, B6; first answers A7 right, B5 wrong → 1 of 2.
        attempts: 4,
        firstTryLearners: 2,
        firstTryCorrect: 1,
        firstTryRate: 0.5,
        avgDurationMs: (5000 + 5000 + 6000 + 4000) / 4,
        overrides: 0,
        distractors: [{ choice: "Wrong B", count: 1 }],
      },
    ]);
    // qa1 (0%), qb1 (50%), then the 100% ones, more attempts first.
    expect(hardestFirst(rows).map((r) => r.questionId)).toEqual(["qa1", "qb1", "qa2", "qa3"]);
  });

  it("covers every document of a deck made of several documents", async () => {
    const documentIds = ["doc-a", "doc-b", "doc-c"];
    await db().deck.create({
      data: {
        id: "all-docs",
        title: "All documents",
        documents: { create: documentIds.map((documentId, position) => ({ documentId, position })) },
      },
    });
    await assignDeck(otherClassId, "all-docs", null);
    const { decks, rows } = await buildQuestionTable(otherClassId);
    expect(decks).toEqual([{ id: "all-docs", title: "All documents", documentIds, questionCount: 5, dueAt: null }]);
    expect(rows.map((r) => r.questionId)).toEqual(["qa1", "qa2", "qa3", "qb1", "qc1"]);
    // Class two is Ann and Dee: qa1 has A1–A3 and D1, D2; first answers A1 wrong, D1 wrong.
    expect(rows[0]).toMatchObject({ attempts: 5, firstTryLearners: 2, firstTryCorrect: 0 });
    // Lyon (A1) and Nice (D1) once each: ties in alphabetical order.
    expect(rows[0]!.distractors).toEqual([
      { choice: "Lyon", count: 1 },
      { choice: "Nice", count: 1 },
    ]);
  });
});

describe("isolation", () => {
  it("returns only the class's own members", async () => {
    const other = await buildLearnerTable(otherClassId, NOW);
    expect(other.rows.map((r) => r.name).sort()).toEqual(["Ann", "Dee"]);
    // Dee: card qa1 (stability 50, due 03-05) → studied, due, overdue; mastery 1 of 5 in "all-docs".
    expect(other.rows.find((r) => r.name === "Dee")).toMatchObject({
      cardsStudied: 1,
      reviewsLast7Days: 2,
      retention: 1,
      dueNow: 1,
      overdue: 1,
      mastery: { "all-docs": 1 / 5 },
    });
    const mine = await buildLearnerTable(classId, NOW);
    expect(mine.rows.map((r) => r.learnerId)).not.toContain(ids.dee);
  });

  it("finds a drill-down learner only through a class they are in", async () => {
    expect(await getClassLearner(classId, ids.ann)).toMatchObject({ name: "Ann", timeZone: "UTC" });
    expect(await getClassLearner(classId, ids.dee)).toBeNull();
    expect(await getClassLearner(otherClassId, ids.bo)).toBeNull();
  });

  it("shows an empty question table for a class with nothing assigned", async () => {
    const empty = (await createClassroom("teacher-1", "Empty", "EMPTY1")).id;
    await addClassMember(empty, ids.ann);
    expect(await buildQuestionTable(empty)).toEqual({ decks: [], rows: [] });
    const table = await buildLearnerTable(empty, NOW);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.mastery).toEqual({});
  });
});
