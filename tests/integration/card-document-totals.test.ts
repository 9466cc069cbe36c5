import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReviewSubmission } from "@/lib/api/study-contract";
import { getNewQuestions, STUDY_QUESTION_SELECT } from "@/lib/data/cards";
import { addClassMember, createClassroom } from "@/lib/data/classes";
import { classCardStats, num } from "@/lib/data/dashboard";
import { createGuestLearner, getLearner, type LearnerRecord } from "@/lib/data/learners";
import { readStoredTotals, readTotalsFromLogs } from "@/lib/data/progress-totals";
import { createUserWithPassword } from "@/lib/data/users";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LiveQuestion } from "@/lib/live/types";
import { seededRandom } from "@/lib/random";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { recordRoundReviews } from "@/lib/server/live/round-reviews";
import { mergeLearnerInto } from "@/lib/server/merge-learners";
import { rebuildProgressTotals } from "@/lib/server/progress-totals";
import { submitReview, undoSubmittedReview } from "@/lib/server/reviews";
import { MASTERY_STABILITY_DAYS } from "@/lib/study/progress";
import { DAY_MS } from "@/lib/time";
import { setupTestDatabase } from "./helpers/test-db";

// The card totals per learner and document, the published questions per document and the due
// dates per learner and document (triggers on Card and Question) against recomputations from the
// Card and Question tables, after a random mix of everything that writes them.

setupTestDatabase();

const CARD_TABLES = ["LearnerDocumentTotal", "DocumentQuestionTotal", "LearnerDocumentDue"] as const;
const NOW = new Date("2026-03-20T15:30:00Z");
const random = seededRandom(61);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type Question = {
  id: string;
  type: string;
  answer: string;
  choices: string[] | null;
  statementIsTrue: boolean | null;
  documentId: string;
};
let questions: Question[];
let classId: string;
const learners: LearnerRecord[] = [];
const guests: LearnerRecord[] = [];
const accounts: LearnerRecord[] = [];
const stored: Array<{ learner: LearnerRecord; reviewId: string }> = [];
const done = { reviews: 0, undos: 0, live: 0, merges: 0, statusChanges: 0 };

function response(q: Question, correct: boolean): Pick<ReviewSubmission, "response" | "rating"> {
  switch (q.type) {
    case "flashcard":
      return { rating: correct ? pick(["hard", "good", "easy"] as const) : "again" };
    case "multiple_choice":
      return { response: correct ? q.answer : pick(q.choices!.filter((c) => c !== q.answer)) };
    case "true_false":
      return { response: String(correct ? q.statementIsTrue : !q.statementIsTrue) };
    default:
      return { response: correct ? q.answer : "zzzz" };
  }
}

async function review() {
  const learner = pick(learners);
  const q = pick(questions);
  // A withdrawn question can't be studied; the card totals must still follow it back.
  const status = await db().question.findUniqueOrThrow({ where: { id: q.id }, select: { status: true } });
  if (status.status !== "published") return;
  const reviewId = `c-${done.reviews}`;
  await submitReview(
    learner,
    {
      reviewId,
      questionId: q.id,
      answeredAt: new Date(NOW.getTime() - random() * 25 * DAY_MS).toISOString(),
      durationMs: 2000,
      ...response(q, random() < 0.7),
    },
    NOW,
  );
  stored.push({ learner, reviewId });
  done.reviews++;
}

async function undo() {
  const recent = stored.slice(-6);
  if (recent.length === 0) return;
  const { learner, reviewId } = pick(recent);
  try {
    await undoSubmittedReview(learner, reviewId, NOW);
    done.undos++;
  } catch (error) {
    expect((error as { code?: string }).code).toMatch(/^(not_latest_review|review_not_found)$/);
  }
}

async function live() {
  const open = await db().question.findMany({ where: { status: "published" }, select: { id: true } });
  const isOpen = new Set(open.map((o) => o.id));
  const q = pick(
    questions.filter((x) => (x.type === "multiple_choice" || x.type === "true_false") && isOpen.has(x.id)),
  );
  const choices = q.type === "multiple_choice" ? q.choices! : ["true", "false"];
  const correctIndex = q.type === "multiple_choice" ? choices.indexOf(q.answer) : q.statementIsTrue ? 0 : 1;
  const question: LiveQuestion = { id: q.id, type: q.type as LiveQuestion["type"], prompt: "?", choices, correctIndex };
  const players = learners.filter(() => random() < 0.5);
  const at = NOW.getTime() - random() * 10 * DAY_MS;
  const answers = players.map((_, i) => {
    const choiceIndex = Math.floor(random() * choices.length);
    return { playerId: `p${i}`, choiceIndex, at, responseMs: 900, correct: choiceIndex === correctIndex, points: 0 };
  });
  await recordRoundReviews(
    { id: `cards-game-${done.live}`, learners: new Map(players.map((l, i) => [`p${i}`, l.id])) },
    question,
    0,
    answers,
  );
  done.live++;
}

async function merge() {
  const guest = guests.shift();
  if (!guest) return;
  await mergeLearnerInto(guest.id, pick(accounts).id);
  learners.splice(learners.indexOf(guest), 1);
  done.merges++;
}

/** A question withdrawn (retired or back to draft) or published again, as moderation does. */
async function changeStatus() {
  const q = pick(questions);
  const { status } = await db().question.findUniqueOrThrow({ where: { id: q.id }, select: { status: true } });
  await db().question.update({
    where: { id: q.id },
    data: { status: status === "published" ? pick(["retired", "draft", "rejected"]) : "published" },
  });
  done.statusChanges++;
}

const byKey = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));

/** The three tables recomputed in TypeScript from every card and question, in readStoredTotals' form. */
async function recomputeFromCards() {
  const cards = await db().card.findMany({
    select: {
      id: true,
      learnerId: true,
      state: true,
      reps: true,
      stability: true,
      due: true,
      question: { select: { documentId: true, status: true } },
    },
  });
  const perLearnerDoc = new Map<string, [number, number, number]>();
  const due: Array<{ key: string; values: string }> = [];
  for (const c of cards) {
    if (c.question.status !== "published") continue;
    const started = c.state !== "new" ? 1 : 0;
    const studied = c.reps > 0 ? 1 : 0;
    const mastered = c.state === "review" && c.stability >= MASTERY_STABILITY_DAYS ? 1 : 0;
    if (started) due.push({ key: c.id, values: `${c.learnerId}, ${c.question.documentId}, ${c.due.toISOString()}` });
    if (!started && !studied) continue;
    const key = `${c.learnerId} / ${c.question.documentId}`;
    const row = perLearnerDoc.get(key) ?? [0, 0, 0];
    perLearnerDoc.set(key, [row[0] + started, row[1] + studied, row[2] + mastered]);
  }
  const published = new Map<string, number>();
  for (const q of await db().question.findMany({ where: { status: "published" }, select: { documentId: true } }))
    published.set(q.documentId, (published.get(q.documentId) ?? 0) + 1);
  return {
    LearnerDocumentTotal: byKey([...perLearnerDoc].map(([key, v]) => ({ key, values: v.join(", ") }))),
    DocumentQuestionTotal: byKey([...published].map(([key, n]) => ({ key, values: String(n) }))),
    LearnerDocumentDue: byKey(due),
  };
}

async function expectTotalsEqualRecomputation() {
  const want = await recomputeFromCards();
  for (const table of CARD_TABLES) {
    const stored = byKey(await readStoredTotals(db(), table));
    expect(stored, table).toEqual(want[table]);
    expect(byKey(await readTotalsFromLogs(db(), table)), `${table} (rebuild's SQL)`).toEqual(want[table]);
  }
  expect((await rebuildProgressTotals({ fix: false })).drifted).toBe(0);
}

/** The learner table's card statistics as the dashboard computed them before the totals: from every card. */
async function cardStatsFromCards(now: Date, overdueBefore: Date) {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT m."learnerId" AS "learnerId", q."documentId" AS "documentId",
      SUM(CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END) AS "studied",
      SUM(CASE WHEN c."state" <> 'new' AND c."due" <= ${now} THEN 1 ELSE 0 END) AS "dueNow",
      SUM(CASE WHEN c."state" <> 'new' AND c."due" < ${overdueBefore} THEN 1 ELSE 0 END) AS "overdue",
      SUM(CASE WHEN c."state" = 'review' AND c."stability" >= ${MASTERY_STABILITY_DAYS} THEN 1 ELSE 0 END) AS "mastered"
    FROM "ClassMember" m
    JOIN "Card" c ON c."learnerId" = m."learnerId"
    JOIN "Question" q ON q."id" = c."questionId"
    WHERE m."classId" = ${classId} AND q."status" = 'published'
    GROUP BY m."learnerId", q."documentId"`;
  return rows
    .map((r) => ({
      key: `${String(r.learnerId)} / ${String(r.documentId)}`,
      values: [num(r.studied), num(r.dueNow), num(r.overdue), num(r.mastered)],
    }))
    .filter((r) => r.values.some((v) => v > 0));
}

/** New questions as they were read before the totals: every published question without a started card. */
function newQuestionsFromCards(learnerId: string, documentIds: string[], limit: number) {
  return db().question.findMany({
    where: {
      status: "published",
      documentId: { in: documentIds },
      cards: { none: { learnerId, state: { not: "new" } } },
    },
    orderBy: [{ documentId: "asc" }, { sentenceIndex: "asc" }, { score: "desc" }, { id: "asc" }],
    take: limit,
    select: STUDY_QUESTION_SELECT,
  });
}

async function expectReadsEqualRecomputation() {
  for (const now of [NOW, new Date(NOW.getTime() + 9 * DAY_MS)]) {
    const overdueBefore = new Date(now.getTime() - 7 * DAY_MS);
    const got = (await classCardStats(classId, now, overdueBefore))
      .map((r) => ({
        key: `${r.learnerId} / ${r.documentId}`,
        values: [r.studied, r.dueNow, r.overdue, r.mastered],
      }))
      .filter((r) => r.values.some((v) => v > 0));
    expect(byKey(got)).toEqual(byKey(await cardStatsFromCards(now, overdueBefore)));
  }
  const documents = (await db().document.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((d) => d.id);
  for (const learner of learners)
    for (const [docs, limit] of [
      [documents, 1000],
      [documents, 7],
      [documents.slice(0, 1), 3],
      [documents.slice(-2), 50],
    ] as const) {
      const want = await newQuestionsFromCards(learner.id, [...docs], limit);
      expect(await getNewQuestions(learner.id, docs, limit), `${learner.id} ${docs.length} ${limit}`).toEqual(want);
    }
}

beforeAll(async () => {
  await importContent(path.resolve("content"));
  const published = await db().question.findMany({
    where: { status: "published" },
    orderBy: { id: "asc" },
    select: { id: true, type: true, answer: true, choices: true, statementIsTrue: true, documentId: true },
  });
  // A few questions of each type in each document, so learners meet the same ones often.
  const documents = [...new Set(published.map((q) => q.documentId))];
  questions = documents.flatMap((documentId) =>
    ["multiple_choice", "true_false", "cloze", "flashcard"].flatMap((type) =>
      published
        .filter((q) => q.documentId === documentId && q.type === type)
        .slice(0, 2)
        .map((q) => ({ ...q, choices: q.choices as string[] | null })),
    ),
  );
  await db().user.create({
    data: { id: "teacher-cards", name: "T", email: "teacher-cards@school.org", role: "teacher" },
  });
  classId = (await createClassroom("teacher-cards", "Cards", "CARDS1")).id;
  for (let i = 0; i < 2; i++) {
    const user = await createUserWithPassword({
      email: `cards-${i}@school.org`,
      name: `Account ${i}`,
      password: "long enough password",
      role: "learner",
    });
    accounts.push((await getLearner(user.learnerId))!);
  }
  for (let i = 0; i < 4; i++) guests.push(await createGuestLearner(`cards-guest-${i}`));
  learners.push(...accounts, ...guests);
  for (const l of learners) await addClassMember(classId, l.id);

  for (let step = 0; step < 240; step++) {
    const roll = random();
    if (roll < 0.6) await review();
    else if (roll < 0.75) await undo();
    else if (roll < 0.87) await live();
    else if (roll < 0.9) await merge();
    else await changeStatus();
  }
}, 300_000);

describe("card totals after a random mix of reviews, undos, live answers, guest merges and status changes", () => {
  it("made a real mix", () => {
    expect(done.reviews).toBeGreaterThan(60);
    expect(done.undos).toBeGreaterThan(5);
    expect(done.live).toBeGreaterThan(10);
    expect(done.merges).toBeGreaterThan(1);
    expect(done.statusChanges).toBeGreaterThan(5);
  });

  it("equal a recomputation from the cards and questions, and the rebuild finds no drift", async () => {
    const want = await recomputeFromCards();
    for (const table of CARD_TABLES) expect(want[table].length, table).toBeGreaterThan(0);
    await expectTotalsEqualRecomputation();
  });

  it("give the learner table and the new-question lookup what the cards give", async () => {
    await expectReadsEqualRecomputation();
  });

  it("count mastery at MASTERY_STABILITY_DAYS exactly, the threshold the migrations' triggers use", async () => {
    const learner = await createGuestLearner("cards-mastery");
    const q = questions[0]!;
    const card = await db().card.create({
      data: {
        learnerId: learner.id,
        questionId: q.id,
        due: NOW,
        stability: MASTERY_STABILITY_DAYS - 0.001,
        difficulty: 5,
        elapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 3,
        lapses: 0,
        state: "review",
      },
    });
    await db().question.update({ where: { id: q.id }, data: { status: "published" } });
    const mastered = async () =>
      num(
        (
          await db().$queryRaw<Array<{ mastered: unknown }>>`
            SELECT "mastered" FROM "LearnerDocumentTotal" WHERE "learnerId" = ${learner.id} AND "documentId" = ${q.documentId}`
        )[0]?.mastered,
      );
    expect(await mastered()).toBe(0);
    await db().card.update({ where: { id: card.id }, data: { stability: MASTERY_STABILITY_DAYS } });
    expect(await mastered()).toBe(1);
    // The constant is written into the trigger SQL of both histories: each occurrence must be this one.
    for (const history of ["prisma/migrations", "prisma/postgresql/migrations"]) {
      const folder = fs.readdirSync(history).find((name) => name.endsWith("_card_document_totals"))!;
      const sql = fs.readFileSync(path.join(history, folder, "migration.sql"), "utf8");
      const thresholds = [...sql.matchAll(/"stability" >= (\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
      expect(thresholds.length, history).toBeGreaterThan(3);
      expect(new Set(thresholds), history).toEqual(new Set([MASTERY_STABILITY_DAYS]));
    }
    await expectTotalsEqualRecomputation();
  });
});

describe("deletions", () => {
  it("take a deleted card, question, learner and document out of the totals", async () => {
    const card = await db().card.findFirstOrThrow({ where: { state: { not: "new" } }, orderBy: { id: "asc" } });
    await db().card.delete({ where: { id: card.id } });
    await expectTotalsEqualRecomputation();

    const answered = await db().card.findFirstOrThrow({
      where: { state: { not: "new" }, question: { status: "published" } },
      orderBy: { id: "desc" },
      select: { questionId: true },
    });
    await db().question.delete({ where: { id: answered.questionId } });
    await expectTotalsEqualRecomputation();

    await db().learner.delete({ where: { id: learners.at(-1)!.id } });
    learners.pop();
    await expectTotalsEqualRecomputation();

    const document = await db().card.findFirstOrThrow({
      where: { state: { not: "new" }, question: { status: "published" } },
      select: { question: { select: { documentId: true } } },
    });
    const documentId = document.question.documentId;
    await db().document.delete({ where: { id: documentId } });
    for (const table of ["LearnerDocumentTotal", "DocumentQuestionTotal", "LearnerDocumentDue"])
      expect(
        num(
          (
            await db().$queryRaw<Array<{ n: unknown }>>`
              SELECT COUNT(*) AS "n" FROM ${Prisma.raw(`"${table}"`)} WHERE "documentId" = ${documentId}`
          )[0]!.n,
        ),
        table,
      ).toBe(0);
    await expectTotalsEqualRecomputation();
    await expectReadsEqualRecomputation();
  });
});
