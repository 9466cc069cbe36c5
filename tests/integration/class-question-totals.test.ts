import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReviewSubmission } from "@/lib/api/study-contract";
import { addClassMember, assignDeck, createClassroom, removeClassMember } from "@/lib/data/classes";
import { createGuestLearner, getLearner, type LearnerRecord } from "@/lib/data/learners";
import { readStoredTotals, readTotalsFromLogs } from "@/lib/data/progress-totals";
import { createUserWithPassword } from "@/lib/data/users";
import { seededRandom } from "@/lib/random";
import { buildQuestionTable } from "@/lib/server/dashboard";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { mergeLearnerInto } from "@/lib/server/merge-learners";
import { rebuildProgressTotals } from "@/lib/server/progress-totals";
import { submitReview, undoSubmittedReview } from "@/lib/server/reviews";
import { DAY_MS } from "@/lib/time";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

// The per-class totals behind the question table, after a random mix of answers, undos, guest merges,
// learners joining and leaving classes, and a class deleted: each must equal the sums straight from the
// logs of the class's members at that moment.

const NOW = new Date("2026-04-02T10:00:00Z");
const random = seededRandom(6);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type Question = { id: string; type: string; answer: string; choices: string[] | null };
let questions: Question[];
const classIds: string[] = [];
const learners: LearnerRecord[] = [];
const guests: LearnerRecord[] = [];
const accounts: LearnerRecord[] = [];
const stored: Array<{ learner: LearnerRecord; reviewId: string }> = [];
const done = { reviews: 0, undos: 0, merges: 0, joins: 0, leaves: 0, checks: 0 };

function response(q: Question, correct: boolean): Pick<ReviewSubmission, "response" | "rating" | "override"> {
  if (q.type === "flashcard") return { rating: correct ? "good" : "again" };
  if (q.type === "multiple_choice")
    return { response: correct ? q.answer : pick(q.choices!.filter((c) => c !== q.answer)) };
  return correct ? { response: q.answer } : { response: "zzzz", override: random() < 0.3 };
}

async function review() {
  const learner = pick(learners);
  const q = pick(questions);
  const reviewId = `c-${done.reviews}`;
  await submitReview(
    learner,
    {
      reviewId,
      questionId: q.id,
      answeredAt: new Date(NOW.getTime() - random() * 10 * DAY_MS).toISOString(),
      durationMs: 500 + Math.floor(random() * 9_000),
      ...response(q, random() < 0.5),
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

async function joinOrLeave() {
  const learner = pick(learners);
  const classId = pick(classIds);
  if (random() < 0.55) {
    if ((await addClassMember(classId, learner.id)).created) done.joins++;
  } else if (await removeClassMember(classId, learner.id)) done.leaves++;
}

async function merge() {
  const guest = guests.shift();
  if (!guest) return;
  await mergeLearnerInto(guest.id, pick(accounts).id);
  learners.splice(learners.indexOf(guest), 1);
  done.merges++;
}

type Sums = { answers: number; durationMs: number; firstTries: number; firstCorrect: number; overrides: number };

/** Each class's question and wrong-choice sums over its current members' non-undone logs. */
async function expectedFromLogs() {
  const members = await db().classMember.findMany({ select: { classId: true, learnerId: true } });
  const logs = await db().reviewLog.findMany({ where: { undoneAt: null } });
  const questionSums = new Map<string, Sums>();
  const wrong = new Map<string, number>();
  for (const m of members) {
    for (const l of logs) {
      if (l.learnerId !== m.learnerId) continue;
      const key = `${m.classId} / ${l.questionId}`;
      const s = questionSums.get(key) ?? { answers: 0, durationMs: 0, firstTries: 0, firstCorrect: 0, overrides: 0 };
      const passed = l.correct === null ? l.rating !== "again" : l.correct;
      s.answers++;
      s.durationMs += l.durationMs;
      if (l.stateBefore === "new") {
        s.firstTries++;
        if (passed) s.firstCorrect++;
      }
      if (l.overridden) s.overrides++;
      questionSums.set(key, s);
      if (l.correct === false && l.response !== null) {
        const wrongKey = `${key} / ${l.response}`;
        wrong.set(wrongKey, (wrong.get(wrongKey) ?? 0) + 1);
      }
    }
  }
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
  return {
    ClassQuestionTotal: [...questionSums]
      .map(([key, s]) => ({
        key,
        values: [s.answers, s.durationMs, s.firstTries, s.firstCorrect, s.overrides].join(", "),
      }))
      .sort(byKey),
    ClassWrongChoiceTotal: [...wrong].map(([key, count]) => ({ key, values: String(count) })).sort(byKey),
  };
}

async function expectClassTotalsEqualLogs(label: string) {
  const want = await expectedFromLogs();
  for (const table of ["ClassQuestionTotal", "ClassWrongChoiceTotal"] as const) {
    const have = (await readStoredTotals(db(), table)).sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(have, `${table} ${label}`).toEqual(want[table]);
  }
  done.checks++;
}

beforeAll(async () => {
  await importContent(path.resolve("content"));
  const published = await db().question.findMany({
    where: { status: "published" },
    orderBy: { id: "asc" },
    select: { id: true, type: true, answer: true, choices: true },
  });
  questions = ["multiple_choice", "cloze", "flashcard"].flatMap((type) =>
    published
      .filter((q) => q.type === type)
      .slice(0, 3)
      .map((q) => ({ ...q, choices: q.choices as string[] | null })),
  );
  await db().user.create({ data: { id: "teacher-cqt", name: "T", email: "cqt@school.org", role: "teacher" } });
  for (let i = 0; i < 3; i++) classIds.push((await createClassroom("teacher-cqt", `C${i}`, `CQT00${i}`)).id);
  for (const deck of await db().deck.findMany({ select: { id: true } })) await assignDeck(classIds[0]!, deck.id, null);
  for (let i = 0; i < 3; i++) {
    const user = await createUserWithPassword({
      email: `cqt-${i}@school.org`,
      name: `Account ${i}`,
      password: "long enough password",
      role: "learner",
    });
    accounts.push((await getLearner(user.learnerId))!);
  }
  for (let i = 0; i < 4; i++) guests.push(await createGuestLearner(`cqt-guest-${i}`));
  learners.push(...accounts, ...guests);
  // Some learners start in one class, some in two, one in none; guests share classes with the accounts they merge into.
  for (const [i, l] of learners.entries()) {
    if (i % 4 !== 3) await addClassMember(classIds[0]!, l.id);
    if (i % 2 === 0) await addClassMember(classIds[1]!, l.id);
  }

  for (let step = 0; step < 200; step++) {
    const roll = random();
    if (roll < 0.55) await review();
    else if (roll < 0.7) await undo();
    else if (roll < 0.95) await joinOrLeave();
    else await merge();
    if (step % 50 === 49) await expectClassTotalsEqualLogs(`after step ${step}`);
  }
}, 300_000);

describe("class question totals after answers, undos, merges, joins and leaves", () => {
  it("made a real mix", () => {
    expect(done.reviews).toBeGreaterThan(90);
    expect(done.undos).toBeGreaterThan(10);
    expect(done.joins).toBeGreaterThan(5);
    expect(done.leaves).toBeGreaterThan(5);
    expect(done.merges).toBeGreaterThan(2);
    expect(done.checks).toBe(4);
  });

  it("equal the sums of each class's members' logs", async () => {
    const want = await expectedFromLogs();
    expect(want.ClassQuestionTotal.length).toBeGreaterThan(0);
    expect(want.ClassWrongChoiceTotal.length).toBeGreaterThan(0);
    await expectClassTotalsEqualLogs("at the end");
    expect((await rebuildProgressTotals({ fix: false })).drifted).toBe(0);
  });

  it("give the question table the members' sums", async () => {
    const classId = classIds[0]!;
    const members = new Set(
      (await db().classMember.findMany({ where: { classId }, select: { learnerId: true } })).map((m) => m.learnerId),
    );
    const logs = (await db().reviewLog.findMany({ where: { undoneAt: null } })).filter((l) => members.has(l.learnerId));
    const table = await buildQuestionTable(classId);
    expect(table.rows.some((r) => r.attempts > 0)).toBe(true);
    for (const row of table.rows) {
      const mine = logs.filter((l) => l.questionId === row.questionId);
      const first = mine.filter((l) => l.stateBefore === "new");
      expect([row.attempts, row.firstTryLearners, row.overrides], row.questionId).toEqual([
        mine.length,
        first.length,
        mine.filter((l) => l.overridden).length,
      ]);
    }
  });

  it("follow a learner leaving and rejoining, and a class being deleted", async () => {
    const classId = classIds[1]!;
    // A member with answers on record, so leaving changes the class's totals.
    const member = await db().classMember.findFirst({
      where: { classId, learner: { reviews: { some: { undoneAt: null } } } },
      select: { learnerId: true },
    });
    expect(member).not.toBeNull();
    await removeClassMember(classId, member!.learnerId);
    await expectClassTotalsEqualLogs("after leaving");
    await addClassMember(classId, member!.learnerId);
    await expectClassTotalsEqualLogs("after rejoining");
    await db().classroom.delete({ where: { id: classId } });
    await expectClassTotalsEqualLogs("after deleting a class");
    expect(
      (await readStoredTotals(db(), "ClassQuestionTotal")).filter((r) => r.key.startsWith(`${classId} /`)),
    ).toEqual([]);
  });

  it("report a class total changed by hand, and fix it from the members' totals", async () => {
    const row = (await readStoredTotals(db(), "ClassQuestionTotal"))[0]!;
    const [classId, questionId] = row.key.split(" / ");
    await db().$executeRaw`
      UPDATE "ClassQuestionTotal" SET "firstTries" = "firstTries" + 1 WHERE "classId" = ${classId} AND "questionId" = ${questionId}`;
    const report = await rebuildProgressTotals({ fix: false });
    expect(report.drifted).toBe(1);
    const drift = report.tables.find((t) => t.table === "ClassQuestionTotal")!;
    expect(drift.differing).toBe(1);
    expect(drift.examples[0]).toContain(`${classId} / ${questionId}: stored`);
    expect((await rebuildProgressTotals({ fix: true })).fixed).toBe(true);
    expect((await rebuildProgressTotals({ fix: false })).drifted).toBe(0);
    await expectClassTotalsEqualLogs("after the fix");
    expect(await readStoredTotals(db(), "ClassQuestionTotal")).toEqual(
      expect.arrayContaining(await readTotalsFromLogs(db(), "ClassQuestionTotal")),
    );
  });
});
