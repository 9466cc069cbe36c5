import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReviewSubmission } from "@/lib/api/study-contract";
import { addClassMember, assignDeck, createClassroom } from "@/lib/data/classes";
import { createGuestLearner, getLearner, type LearnerRecord } from "@/lib/data/learners";
import { readStoredTotals, readTotalsFromLogs, TOTALS_TABLES } from "@/lib/data/progress-totals";
import { createUserWithPassword } from "@/lib/data/users";
import { utcDay } from "@/lib/dashboard/charts";
import { ACTIVITY_DAYS, RECENT_REVIEW_DAYS, RETENTION_WINDOW_DAYS } from "@/lib/dashboard/types";
import type { LiveQuestion } from "@/lib/live/types";
import { seededRandom } from "@/lib/random";
import { buildClassDashboard } from "@/lib/server/dashboard";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { recordRoundReviews } from "@/lib/server/live/round-reviews";
import { mergeLearnerInto } from "@/lib/server/merge-learners";
import { rebuildProgressTotals } from "@/lib/server/progress-totals";
import { submitReview, undoSubmittedReview } from "@/lib/server/reviews";
import { DAY_MS } from "@/lib/time";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

const NOW = new Date("2026-03-20T15:30:00Z");
const random = seededRandom(14);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type Question = { id: string; type: string; answer: string; choices: string[] | null; statementIsTrue: boolean | null };
let questions: Question[];
let classId: string;
const learners: LearnerRecord[] = [];
const guests: LearnerRecord[] = [];
const accounts: LearnerRecord[] = [];
/** Stored reviews, newest last, that an undo may name. */
const stored: Array<{ learner: LearnerRecord; reviewId: string }> = [];
const done = { reviews: 0, undos: 0, refusedUndos: 0, live: 0, merges: 0 };

function response(q: Question, correct: boolean): Pick<ReviewSubmission, "response" | "rating" | "override"> {
  switch (q.type) {
    case "flashcard":
      return { rating: correct ? pick(["hard", "good", "easy"] as const) : "again" };
    case "multiple_choice":
      return { response: correct ? q.answer : pick(q.choices!.filter((c) => c !== q.answer)) };
    case "true_false":
      return { response: String(correct ? q.statementIsTrue : !q.statementIsTrue) };
    default:
      // A typed answer the grader rejects, sometimes overridden ("I was right").
      return correct ? { response: q.answer } : { response: "zzzz", override: random() < 0.3 };
  }
}

async function review() {
  const learner = pick(learners);
  const q = pick(questions);
  const reviewId = `r-${done.reviews}`;
  const answeredAt = new Date(NOW.getTime() - random() * 25 * DAY_MS);
  await submitReview(
    learner,
    {
      reviewId,
      questionId: q.id,
      answeredAt: answeredAt.toISOString(),
      durationMs: 1000 + Math.floor(random() * 20_000),
      ...response(q, random() < 0.6),
    },
    NOW,
  );
  stored.push({ learner, reviewId });
  done.reviews++;
}

async function undo() {
  const recent = stored.slice(-8);
  if (recent.length === 0) return;
  const { learner, reviewId } = pick(recent);
  try {
    await undoSubmittedReview(learner, reviewId, NOW);
    done.undos++;
  } catch (error) {
    // Only the latest answer of a card can be undone; a merged-away guest's answers are no longer theirs.
    expect((error as { code?: string }).code).toMatch(/^(not_latest_review|review_not_found)$/);
    done.refusedUndos++;
  }
}

async function live() {
  const playable = questions.filter((q) => q.type === "multiple_choice" || q.type === "true_false");
  const q = pick(playable);
  const choices = q.type === "multiple_choice" ? q.choices! : ["true", "false"];
  const correctIndex = q.type === "multiple_choice" ? choices.indexOf(q.answer) : q.statementIsTrue ? 0 : 1;
  const question: LiveQuestion = { id: q.id, type: q.type as LiveQuestion["type"], prompt: "?", choices, correctIndex };
  const players = learners.filter(() => random() < 0.4);
  // Older than a study answer may be (a live game's answers come in as played), so windows' first days have answers.
  const at = NOW.getTime() - random() * 40 * DAY_MS;
  const answers = players.map((_, i) => {
    const choiceIndex = Math.floor(random() * choices.length);
    return {
      playerId: `p${i}`,
      choiceIndex,
      at,
      responseMs: 800 + i,
      correct: choiceIndex === correctIndex,
      points: 0,
    };
  });
  const entry = { id: `game-${done.live}`, learners: new Map(players.map((l, i) => [`p${i}`, l.id])) };
  await recordRoundReviews(entry, question, 0, answers);
  done.live++;
}

async function merge() {
  const guest = guests.shift();
  if (!guest) return;
  await mergeLearnerInto(guest.id, pick(accounts).id);
  learners.splice(learners.indexOf(guest), 1);
  done.merges++;
}

beforeAll(async () => {
  await importContent(path.resolve("content"));
  const published = await db().question.findMany({
    where: { status: "published" },
    orderBy: { id: "asc" },
    select: { id: true, type: true, answer: true, choices: true, statementIsTrue: true },
  });
  // A few of each type, so learners meet the same questions often.
  questions = ["multiple_choice", "true_false", "cloze", "flashcard"].flatMap((type) =>
    published
      .filter((q) => q.type === type)
      .slice(0, 4)
      .map((q) => ({ ...q, choices: q.choices as string[] | null })),
  );
  await db().user.create({
    data: { id: "teacher-totals", name: "T", email: "teacher-totals@school.org", role: "teacher" },
  });
  classId = (await createClassroom("teacher-totals", "Totals", "TOTALS")).id;
  for (const deck of await db().deck.findMany({ select: { id: true } })) await assignDeck(classId, deck.id, null);
  for (let i = 0; i < 3; i++) {
    const user = await createUserWithPassword({
      email: `totals-${i}@school.org`,
      name: `Account ${i}`,
      password: "long enough password",
      role: "learner",
    });
    accounts.push((await getLearner(user.learnerId))!);
  }
  for (let i = 0; i < 4; i++) guests.push(await createGuestLearner(`totals-guest-${i}`));
  learners.push(...accounts, ...guests);
  for (const l of learners) await addClassMember(classId, l.id);

  for (let step = 0; step < 220; step++) {
    const roll = random();
    if (roll < 0.62) await review();
    else if (roll < 0.8) await undo();
    else if (roll < 0.95) await live();
    else await merge();
  }
}, 300_000);

type Log = Awaited<ReturnType<typeof countedLogs>>[number];
const countedLogs = () => db().reviewLog.findMany({ where: { undoneAt: null }, orderBy: { reviewedAt: "asc" } });

/** The learner table's answer figures and the activity chart, straight from the logs. */
function expectedFromLogs(logs: Log[], now: Date) {
  const since = now.getTime() - RETENTION_WINDOW_DAYS * DAY_MS;
  const recentSince = now.getTime() - RECENT_REVIEW_DAYS * DAY_MS;
  const activitySince = new Date(`${utcDay(new Date(now.getTime() - (ACTIVITY_DAYS - 1) * DAY_MS))}T00:00:00Z`);
  const perLearner = new Map<string, { recent: number; answered: number; passed: number; last: string | null }>();
  const perDay = new Map<string, number>();
  for (const log of logs) {
    const t = log.reviewedAt.getTime();
    if (t > now.getTime()) continue;
    const row = perLearner.get(log.learnerId) ?? { recent: 0, answered: 0, passed: 0, last: null };
    row.last = log.reviewedAt.toISOString();
    if (t >= since) {
      if (t >= recentSince) row.recent++;
      if (log.stateBefore === "review") {
        row.answered++;
        if (log.rating !== "again") row.passed++;
      }
    }
    perLearner.set(log.learnerId, row);
    if (t >= activitySince.getTime()) perDay.set(utcDay(log.reviewedAt), (perDay.get(utcDay(log.reviewedAt)) ?? 0) + 1);
  }
  return { perLearner, perDay };
}

describe("running totals after a random mix of reviews, undos, live answers and guest merges", () => {
  it("made a real mix", () => {
    expect(done.reviews).toBeGreaterThan(100);
    expect(done.undos).toBeGreaterThan(10);
    expect(done.live).toBeGreaterThan(10);
    expect(done.merges).toBeGreaterThan(2);
  });

  it("equal a recomputation from the logs, table by table", async () => {
    for (const table of TOTALS_TABLES) {
      const byKey = (rows: Array<{ key: string }>) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
      const want = byKey(await readTotalsFromLogs(db(), table));
      expect(want.length, table).toBeGreaterThan(0);
      expect(byKey(await readStoredTotals(db(), table)), table).toEqual(want);
    }
  });

  it("leave the rebuild nothing to fix", async () => {
    const report = await rebuildProgressTotals({ fix: false });
    expect(report.drifted).toBe(0);
    expect(report.tables.map((t) => t.table)).toEqual([...TOTALS_TABLES]);
  });

  it.each([
    ["now", NOW],
    ["mid-afternoon four days ago, with later answers on record", new Date(NOW.getTime() - 4 * DAY_MS - 3 * 3600_000)],
  ])("give the dashboard the numbers the logs give (%s)", async (_label, now) => {
    const logs = await countedLogs();
    const { perLearner, perDay } = expectedFromLogs(logs, now);
    const dashboard = await buildClassDashboard(classId, now);
    expect(dashboard.learners.rows).toHaveLength(learners.length);
    for (const row of dashboard.learners.rows) {
      const want = perLearner.get(row.learnerId) ?? { recent: 0, answered: 0, passed: 0, last: null };
      expect(
        [row.reviewsLast7Days, row.retentionReviews, row.retentionPassed, row.lastActiveAt],
        row.learnerId,
      ).toEqual([want.recent, want.answered, want.passed, want.last]);
    }
    expect(dashboard.charts.activity.map((d) => d.count)).toEqual(
      dashboard.charts.activity.map((d) => perDay.get(d.day) ?? 0),
    );

    const members = new Set(learners.map((l) => l.id));
    for (const row of dashboard.questions.rows) {
      const mine = logs.filter((l) => l.questionId === row.questionId && members.has(l.learnerId));
      const first = mine.filter((l) => l.stateBefore === "new");
      const passed = (l: Log) => (l.correct === null ? l.rating !== "again" : l.correct);
      const wrong = new Map<string, number>();
      for (const l of mine)
        if (l.correct === false && l.response !== null) wrong.set(l.response, (wrong.get(l.response) ?? 0) + 1);
      expect(
        {
          attempts: row.attempts,
          firstTryLearners: row.firstTryLearners,
          firstTryCorrect: row.firstTryCorrect,
          overrides: row.overrides,
          avgDurationMs: row.avgDurationMs,
          distractors: Object.fromEntries(row.distractors.map((d) => [d.choice, d.count])),
        },
        row.questionId,
      ).toEqual({
        attempts: mine.length,
        firstTryLearners: first.length,
        firstTryCorrect: first.filter(passed).length,
        overrides: mine.filter((l) => l.overridden).length,
        avgDurationMs: mine.length > 0 ? mine.reduce((n, l) => n + l.durationMs, 0) / mine.length : null,
        distractors: row.type === "multiple_choice" ? Object.fromEntries(wrong) : {},
      });
    }
  });
});

const run = promisify(execFile);
const rebuildCommand = (...args: string[]) =>
  run(path.resolve("node_modules/.bin/tsx"), ["scripts/rebuild-totals.ts", ...args], {
    env: { ...process.env },
  }).then(
    (out) => ({ code: 0, stdout: out.stdout }),
    (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
  );

describe("npm run totals:rebuild", () => {
  it("finds no drift after the mix", async () => {
    const { code, stdout } = await rebuildCommand("--check");
    expect(stdout).toContain("No drift");
    expect(code).toBe(0);
  });

  it("finds drift introduced by hand, names the rows, and fixes it", async () => {
    const card = (await readStoredTotals(db(), "CardTotal"))[0]!;
    const [learnerId, questionId] = card.key.split(" / ");
    await db()
      .$executeRaw`UPDATE "CardTotal" SET "answers" = "answers" + 2 WHERE "learnerId" = ${learnerId} AND "questionId" = ${questionId}`;
    const day = (await readStoredTotals(db(), "LearnerDayTotal"))[0]!;
    const [dayLearner, dayKey] = day.key.split(" / ");
    await db().$executeRaw`DELETE FROM "LearnerDayTotal" WHERE "learnerId" = ${dayLearner} AND "day" = ${dayKey}`;
    await db().$executeRaw`INSERT INTO "WrongChoiceTotal" ("learnerId", "questionId", "choice", "count")
      VALUES (${learnerId}, ${questionId}, 'never picked', 1)`;

    const checked = await rebuildCommand("--check");
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain("CardTotal: ");
    expect(checked.stdout).toContain("1 drifted (0 missing, 0 extra, 1 differing)");
    expect(checked.stdout).toContain(`${learnerId} / ${questionId}: stored`);
    expect(checked.stdout).toContain(`missing ${dayLearner} / ${dayKey}`);
    expect(checked.stdout).toContain(`extra ${learnerId} / ${questionId} / never picked`);
    expect(checked.stdout).toContain("3 drifted rows; run without --check to fix them");
    // --check changed nothing.
    expect((await rebuildProgressTotals({ fix: false })).drifted).toBe(3);

    const fixed = await rebuildCommand();
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain("Fixed 3 drifted rows from the logs");
    expect((await rebuildCommand("--check")).stdout).toContain("No drift");
    for (const table of TOTALS_TABLES) {
      const sorted = async (rows: Promise<Array<{ key: string; values: string }>>) =>
        (await rows).sort((a, b) => (a.key < b.key ? -1 : 1));
      expect(await sorted(readStoredTotals(db(), table)), table).toEqual(await sorted(readTotalsFromLogs(db(), table)));
    }
  });
});

describe("the dashboard's windows at their edges, to the millisecond", () => {
  it("counts an answer at each edge exactly as the logs place it", async () => {
    const now = new Date("2026-03-20T15:30:00.500Z");
    const since = now.getTime() - RETENTION_WINDOW_DAYS * DAY_MS;
    const recentSince = now.getTime() - RECENT_REVIEW_DAYS * DAY_MS;
    const learner = await createGuestLearner("totals-edges");
    await db().user.create({ data: { id: "teacher-edges", name: "T", email: "edges@school.org", role: "teacher" } });
    const edgeClass = (await createClassroom("teacher-edges", "Edges", "EDGES1")).id;
    await addClassMember(edgeClass, learner.id);
    const card = await db().card.create({
      data: {
        learnerId: learner.id,
        questionId: questions[0]!.id,
        due: now,
        stability: 1,
        difficulty: 5,
        elapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: "review",
      },
    });
    // Each answer is in review state; "again" ones count towards retention's answers but not its passes.
    const edges: Array<[string, number, string]> = [
      ["before-window", since - 1, "good"],
      ["window-start", since, "again"],
      ["first-whole-day", since + DAY_MS, "good"],
      ["before-recent", recentSince - 1, "good"],
      ["recent-start", recentSince, "again"],
      ["yesterday", now.getTime() - DAY_MS, "good"],
      ["at-now", now.getTime(), "good"],
      ["after-now", now.getTime() + 1, "good"],
    ];
    for (const [id, t, rating] of edges) {
      await db().reviewLog.create({
        data: {
          id: `edge-${id}`,
          learnerId: learner.id,
          cardId: card.id,
          questionId: questions[0]!.id,
          rating,
          stateBefore: "review",
          elapsedDays: 0,
          scheduledDays: 0,
          reviewedAt: new Date(t),
          durationMs: 1000,
          previousCard: {},
        },
      });
    }
    const { learners: table, charts } = await buildClassDashboard(edgeClass, now);
    // In [since, now]: window-start … at-now (6 answers), 2 of them "again"; recent: recent-start, yesterday, at-now.
    expect(table.rows[0]).toMatchObject({
      reviewsLast7Days: 3,
      retentionReviews: 6,
      retentionPassed: 4,
      lastActiveAt: now.toISOString(),
    });
    const activity = new Map(charts.activity.map((d) => [d.day, d.count]));
    expect(activity.get(utcDay(now))).toBe(1);
    expect(activity.get(utcDay(new Date(recentSince)))).toBe(2);
    // The chart starts at midnight 29 days back: first-whole-day … at-now.
    expect([...activity.values()].reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe("deletions", () => {
  it("take a deleted document's answers (cascading through its questions, cards and logs) out of the totals", async () => {
    const question = await db().question.findUniqueOrThrow({ where: { id: questions[0]!.id } });
    const before = await db().reviewLog.count({ where: { questionId: question.id } });
    expect(before).toBeGreaterThan(0);
    await db().document.delete({ where: { id: question.documentId } });
    expect(await db().reviewLog.count({ where: { questionId: question.id } })).toBe(0);
    expect((await rebuildProgressTotals({ fix: false })).drifted).toBe(0);
  });
});
