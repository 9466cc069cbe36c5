import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

/**
 * Aggregate queries behind the teacher's class dashboard. Each one joins
 * through "ClassMember" for the class, so only that class's learners are ever
 * counted, and each is one statement for the whole class (never one per learner).
 *
 * The SQL is standard and portable to PostgreSQL: quoted identifiers, CASE
 * instead of FILTER or IIF, booleans compared with TRUE/FALSE, dates bound as
 * parameters (the SQLite adapter binds them as ISO-8601 text in the same format
 * it stores them, so text comparison orders them correctly).
 */

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Raw DateTime values come back as Date, ISO text or epoch numbers depending on driver and expression. */
function toIso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(typeof v === "bigint" ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

// First-try success: graded answers use `correct`; self-graded flashcards (correct is null) pass unless "again".
const PASSED = Prisma.sql`CASE WHEN r."correct" IS NULL THEN (CASE WHEN r."rating" = 'again' THEN 0 ELSE 1 END)
  WHEN r."correct" = TRUE THEN 1 ELSE 0 END`;

const DAY_OF_REVIEW = Prisma.sql`substr(CAST(r."reviewedAt" AS TEXT), 1, 10)`;

export type CardStatsRow = {
  learnerId: string;
  documentId: string;
  studied: number;
  dueNow: number;
  overdue: number;
  mastered: number;
};

/** Per learner and document: cards studied, due, overdue and mastered, over published questions. */
export async function classCardStats(
  classId: string,
  now: Date,
  overdueBefore: Date,
  masteryStabilityDays: number,
): Promise<CardStatsRow[]> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT c."learnerId" AS "learnerId", q."documentId" AS "documentId",
      SUM(CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END) AS "studied",
      SUM(CASE WHEN c."state" <> 'new' AND c."due" <= ${now} THEN 1 ELSE 0 END) AS "dueNow",
      SUM(CASE WHEN c."state" <> 'new' AND c."due" < ${overdueBefore} THEN 1 ELSE 0 END) AS "overdue",
      SUM(CASE WHEN c."state" = 'review' AND c."stability" >= ${masteryStabilityDays} THEN 1 ELSE 0 END) AS "mastered"
    FROM "ClassMember" m
    JOIN "Card" c ON c."learnerId" = m."learnerId"
    JOIN "Question" q ON q."id" = c."questionId"
    WHERE m."classId" = ${classId} AND q."status" = 'published'
    GROUP BY c."learnerId", q."documentId"`;
  return rows.map((r) => ({
    learnerId: String(r.learnerId),
    documentId: String(r.documentId),
    studied: num(r.studied),
    dueNow: num(r.dueNow),
    overdue: num(r.overdue),
    mastered: num(r.mastered),
  }));
}

export type ReviewDayRow = {
  learnerId: string;
  /** UTC day, "YYYY-MM-DD". */
  day: string;
  reviews: number;
  /** Reviews at or after `recentSince`. */
  recent: number;
  /** Answers to cards in review state, and those not rated "again". */
  reviewStateAnswers: number;
  reviewStatePassed: number;
};

/**
 * Per learner and UTC day in [since, now]: answers, recent answers and the
 * true-retention counts. One pass over the window feeds the learner table and
 * the activity chart.
 */
export async function classReviewDays(classId: string, since: Date, recentSince: Date, now: Date): Promise<ReviewDayRow[]> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT r."learnerId" AS "learnerId", ${DAY_OF_REVIEW} AS "day",
      COUNT(*) AS "reviews",
      SUM(CASE WHEN r."reviewedAt" >= ${recentSince} THEN 1 ELSE 0 END) AS "recent",
      SUM(CASE WHEN r."stateBefore" = 'review' THEN 1 ELSE 0 END) AS "reviewStateAnswers",
      SUM(CASE WHEN r."stateBefore" = 'review' AND r."rating" <> 'again' THEN 1 ELSE 0 END) AS "reviewStatePassed"
    FROM "ClassMember" m
    JOIN "ReviewLog" r ON r."learnerId" = m."learnerId"
    WHERE m."classId" = ${classId} AND r."undoneAt" IS NULL
      AND r."reviewedAt" >= ${since} AND r."reviewedAt" <= ${now}
    GROUP BY r."learnerId", ${DAY_OF_REVIEW}`;
  return rows.map((r) => ({
    learnerId: String(r.learnerId),
    day: String(r.day),
    reviews: num(r.reviews),
    recent: num(r.recent),
    reviewStateAnswers: num(r.reviewStateAnswers),
    reviewStatePassed: num(r.reviewStatePassed),
  }));
}

/** Every member with their name and latest answer (an index walk per member, newest first). */
export async function classMembersActivity(
  classId: string,
  now: Date,
): Promise<Array<{ learnerId: string; name: string; lastActiveAt: string | null }>> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT m."learnerId" AS "learnerId", u."name" AS "name",
      (SELECT r."reviewedAt" FROM "ReviewLog" r
        WHERE r."learnerId" = m."learnerId" AND r."undoneAt" IS NULL AND r."reviewedAt" <= ${now}
        ORDER BY r."reviewedAt" DESC LIMIT 1) AS "lastActiveAt"
    FROM "ClassMember" m
    JOIN "Learner" l ON l."id" = m."learnerId"
    LEFT JOIN "user" u ON u."id" = l."userId"
    WHERE m."classId" = ${classId}
    ORDER BY m."joinedAt", m."learnerId"`;
  return rows.map((r) => ({
    learnerId: String(r.learnerId),
    name: r.name === null || r.name === undefined ? "Guest learner" : String(r.name),
    lastActiveAt: toIso(r.lastActiveAt),
  }));
}

export type QuestionAnswerRow = {
  questionId: string;
  /** The chosen wrong option for multiple choice; null groups every other answer. */
  wrongChoice: string | null;
  answers: number;
  durationMs: number;
};

/**
 * Answers by class members to published questions, grouped by question and,
 * for wrong multiple-choice answers, by the option picked. Summing a
 * question's groups gives its attempts and total answer time.
 */
export async function classQuestionAnswers(classId: string): Promise<QuestionAnswerRow[]> {
  const wrongChoice = Prisma.sql`CASE WHEN r."correct" = FALSE AND q."type" = 'multiple_choice' THEN r."response" END`;
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT r."questionId" AS "questionId", ${wrongChoice} AS "wrongChoice",
      COUNT(*) AS "answers", SUM(r."durationMs") AS "durationMs"
    FROM "ClassMember" m
    JOIN "ReviewLog" r ON r."learnerId" = m."learnerId"
    JOIN "Question" q ON q."id" = r."questionId"
    WHERE m."classId" = ${classId} AND r."undoneAt" IS NULL AND q."status" = 'published'
    GROUP BY r."questionId", ${wrongChoice}`;
  return rows.map((r) => ({
    questionId: String(r.questionId),
    wrongChoice: r.wrongChoice === null || r.wrongChoice === undefined ? null : String(r.wrongChoice),
    answers: num(r.answers),
    durationMs: num(r.durationMs),
  }));
}

/**
 * Per question: learners who answered it, and how many were right the first
 * time (their earliest non-undone answer, found by walking the card's
 * (cardId, reviewedAt) index; a card is one learner's copy of one question).
 */
export async function classFirstTries(classId: string): Promise<Array<{ questionId: string; learners: number; correct: number }>> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT f."questionId" AS "questionId", COUNT(f."passed") AS "learners", SUM(f."passed") AS "correct"
    FROM (
      SELECT c."questionId" AS "questionId",
        (SELECT ${PASSED} FROM "ReviewLog" r
          WHERE r."cardId" = c."id" AND r."undoneAt" IS NULL
          ORDER BY r."reviewedAt" ASC, r."id" ASC LIMIT 1) AS "passed"
      FROM "ClassMember" m
      JOIN "Card" c ON c."learnerId" = m."learnerId"
      WHERE m."classId" = ${classId}
    ) f
    GROUP BY f."questionId"`;
  return rows.map((r) => ({ questionId: String(r.questionId), learners: num(r.learners), correct: num(r.correct) }));
}

export type DashboardQuestion = {
  id: string;
  prompt: string;
  type: string;
  documentId: string;
  documentTitle: string;
};

/** Published questions of the given decks (null = every document), in reading order. */
export async function listDeckQuestions(documentIds: string[] | null): Promise<DashboardQuestion[]> {
  const rows = await db().question.findMany({
    where: { status: "published", ...(documentIds ? { documentId: { in: documentIds } } : {}) },
    orderBy: [{ documentId: "asc" }, { sentenceIndex: "asc" }, { id: "asc" }],
    select: { id: true, prompt: true, type: true, documentId: true, document: { select: { title: true } } },
  });
  return rows.map(({ document, ...q }) => ({ ...q, documentTitle: document.title }));
}

/** Document titles and published question counts, for the assigned decks' headings. */
export async function listDeckDocuments(): Promise<Array<{ id: string; title: string; questionCount: number }>> {
  const rows = await db().document.findMany({
    orderBy: { title: "asc" },
    select: { id: true, title: true, _count: { select: { questions: { where: { status: "published" } } } } },
  });
  return rows.map((d) => ({ id: d.id, title: d.title, questionCount: d._count.questions }));
}

/** A class member with what the drill-down needs, or null when the learner is not in the class. */
export async function getClassLearner(classId: string, learnerId: string) {
  const row = await db().classMember.findUnique({
    where: { classId_learnerId: { classId, learnerId } },
    select: { classId: true, learnerId: true, learner: { select: { timeZone: true, user: { select: { name: true } } } } },
  });
  if (!row) return null;
  return {
    membership: { classId: row.classId, learnerId: row.learnerId },
    name: row.learner.user?.name ?? "Guest learner",
    timeZone: row.learner.timeZone,
  };
}
