import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

/**
 * Aggregate queries behind the teacher's class dashboard. Each one is limited
 * to the class's rows in "ClassMember", so only that class's learners are ever
 * counted, and each is one statement for the whole class (never one per learner).
 *
 * The SQL is standard and portable to PostgreSQL: quoted identifiers, CASE
 * instead of FILTER or IIF, booleans compared with TRUE/FALSE, dates bound as
 * parameters (the SQLite adapter binds them as ISO-8601 text in the same format
 * it stores them, so text comparison orders them correctly).
 */

/**
 * An account's name, else the name a guest gave when joining; a guest from before
 * names were asked gets a short tag of their id, so two guests never look alike.
 */
export function learnerName(name: unknown, learnerId: string): string {
  if (typeof name === "string" && name.trim() !== "") return name;
  return `Guest learner ${learnerId.slice(-4)}`;
}

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

// Grouping by the member's id (not the card's) follows the ClassMember index order, so SQLite needs no sort for it.

/** Per learner and document: cards studied, due, overdue and mastered, over published questions. */
export async function classCardStats(
  classId: string,
  now: Date,
  overdueBefore: Date,
  masteryStabilityDays: number,
): Promise<CardStatsRow[]> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT m."learnerId" AS "learnerId", q."documentId" AS "documentId",
      SUM(CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END) AS "studied",
      SUM(CASE WHEN c."state" <> 'new' AND c."due" <= ${now} THEN 1 ELSE 0 END) AS "dueNow",
      SUM(CASE WHEN c."state" <> 'new' AND c."due" < ${overdueBefore} THEN 1 ELSE 0 END) AS "overdue",
      SUM(CASE WHEN c."state" = 'review' AND c."stability" >= ${masteryStabilityDays} THEN 1 ELSE 0 END) AS "mastered"
    FROM "ClassMember" m
    JOIN "Card" c ON c."learnerId" = m."learnerId"
    JOIN "Question" q ON q."id" = c."questionId"
    WHERE m."classId" = ${classId} AND q."status" = 'published'
    GROUP BY m."learnerId", q."documentId"`;
  return rows.map((r) => ({
    learnerId: String(r.learnerId),
    documentId: String(r.documentId),
    studied: num(r.studied),
    dueNow: num(r.dueNow),
    overdue: num(r.overdue),
    mastered: num(r.mastered),
  }));
}

export type LearnerReviewRow = {
  learnerId: string;
  /** Answers at or after `recentSince`. */
  recent: number;
  /** Answers to cards in review state, and those not rated "again". */
  reviewStateAnswers: number;
  reviewStatePassed: number;
};

/** Per learner, over non-undone answers in [since, now]: recent answers and the true-retention counts. */
export async function classLearnerReviews(
  classId: string,
  since: Date,
  recentSince: Date,
  now: Date,
): Promise<LearnerReviewRow[]> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT m."learnerId" AS "learnerId",
      SUM(CASE WHEN r."reviewedAt" >= ${recentSince} THEN 1 ELSE 0 END) AS "recent",
      SUM(CASE WHEN r."stateBefore" = 'review' THEN 1 ELSE 0 END) AS "reviewStateAnswers",
      SUM(CASE WHEN r."stateBefore" = 'review' AND r."rating" <> 'again' THEN 1 ELSE 0 END) AS "reviewStatePassed"
    FROM "ClassMember" m
    JOIN "ReviewLog" r ON r."learnerId" = m."learnerId"
    WHERE m."classId" = ${classId} AND r."undoneAt" IS NULL
      AND r."reviewedAt" >= ${since} AND r."reviewedAt" <= ${now}
    GROUP BY m."learnerId"`;
  return rows.map((r) => ({
    learnerId: String(r.learnerId),
    recent: num(r.recent),
    reviewStateAnswers: num(r.reviewStateAnswers),
    reviewStatePassed: num(r.reviewStatePassed),
  }));
}

/** Non-undone answers by class members per UTC day in [since, now]; days without answers are absent. */
export async function classActivityByDay(
  classId: string,
  since: Date,
  now: Date,
): Promise<Array<{ day: string; count: number }>> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${DAY_OF_REVIEW} AS "day", COUNT(*) AS "count"
    FROM "ClassMember" m
    JOIN "ReviewLog" r ON r."learnerId" = m."learnerId"
    WHERE m."classId" = ${classId} AND r."undoneAt" IS NULL
      AND r."reviewedAt" >= ${since} AND r."reviewedAt" <= ${now}
    GROUP BY ${DAY_OF_REVIEW}`;
  return rows.map((r) => ({ day: String(r.day), count: num(r.count) }));
}

/** Every member with their name and latest answer (an index walk per member, newest first). */
export async function classMembersActivity(
  classId: string,
  now: Date,
): Promise<Array<{ learnerId: string; name: string; fittedParameters: boolean; lastActiveAt: string | null }>> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT m."learnerId" AS "learnerId", COALESCE(u."name", l."displayName") AS "name",
      l."fsrsUseFitted" AS "fittedParameters",
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
    name: learnerName(r.name, String(r.learnerId)),
    fittedParameters: r.fittedParameters === true || Number(r.fittedParameters) === 1,
    lastActiveAt: toIso(r.lastActiveAt),
  }));
}

/** Published questions of the decks (null: every document), as a subquery for IN. */
function deckQuestionIds(documentIds: string[] | null, type?: string): Prisma.Sql {
  const inDecks = documentIds
    ? documentIds.length > 0
      ? Prisma.sql`AND q."documentId" IN (${Prisma.join(documentIds)})`
      : Prisma.sql`AND 1 = 0`
    : Prisma.empty;
  const ofType = type ? Prisma.sql`AND q."type" = ${type}` : Prisma.empty;
  return Prisma.sql`SELECT q."id" FROM "Question" q WHERE q."status" = 'published' ${inDecks} ${ofType}`;
}

const classLearnerIds = (classId: string) =>
  Prisma.sql`SELECT m."learnerId" FROM "ClassMember" m WHERE m."classId" = ${classId}`;

/**
 * Non-undone answers by class members per question of the decks, with their
 * total answer time. Written as two IN lists (questions, members) so an index
 * led by questionId can be read in order, one range per question and learner.
 */
/**
 * Per question of the decks, in one pass over the class's answers: attempts,
 * total answer time, and first tries. A card's first answer is the one given
 * while it was new (undo returns a card to new, so a re-answer after an undo
 * is the first try that counts).
 */
export async function classQuestionTotals(
  classId: string,
  documentIds: string[] | null,
): Promise<
  Array<{
    questionId: string;
    answers: number;
    durationMs: number;
    firstLearners: number;
    firstCorrect: number;
    overrides: number;
  }>
> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT r."questionId" AS "questionId", COUNT(*) AS "answers", SUM(r."durationMs") AS "durationMs",
      SUM(CASE WHEN r."stateBefore" = 'new' THEN 1 ELSE 0 END) AS "firstLearners",
      SUM(CASE WHEN r."stateBefore" = 'new' THEN ${PASSED} ELSE 0 END) AS "firstCorrect",
      SUM(CASE WHEN r."overridden" = TRUE THEN 1 ELSE 0 END) AS "overrides"
    FROM "ReviewLog" r
    WHERE r."questionId" IN (${deckQuestionIds(documentIds)})
      AND r."learnerId" IN (${classLearnerIds(classId)})
      AND r."undoneAt" IS NULL
    GROUP BY r."questionId"`;
  return rows.map((r) => ({
    questionId: String(r.questionId),
    answers: num(r.answers),
    durationMs: num(r.durationMs),
    firstLearners: num(r.firstLearners),
    firstCorrect: num(r.firstCorrect),
    overrides: num(r.overrides),
  }));
}

/** Wrong options picked by class members, per multiple-choice question of the decks. */
export async function classWrongChoices(
  classId: string,
  documentIds: string[] | null,
): Promise<Array<{ questionId: string; choice: string; count: number }>> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT r."questionId" AS "questionId", r."response" AS "choice", COUNT(*) AS "count"
    FROM "ReviewLog" r
    WHERE r."questionId" IN (${deckQuestionIds(documentIds, "multiple_choice")})
      AND r."learnerId" IN (${classLearnerIds(classId)})
      AND r."undoneAt" IS NULL AND r."correct" = FALSE AND r."response" IS NOT NULL
    GROUP BY r."questionId", r."response"`;
  return rows.map((r) => ({ questionId: String(r.questionId), choice: String(r.choice), count: num(r.count) }));
}

/**
 * Per question: learners who answered it, and how many were right the first
 * time: their earliest non-undone answer, found by walking the card's
 * (cardId, reviewedAt) index (a card is one learner's copy of one question, and
 * any card with reps > 0 has at least one non-undone answer).
 */
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

/** A class member with what the drill-down needs, or null when the learner is not in the class. */
export async function getClassLearner(classId: string, learnerId: string) {
  const row = await db().classMember.findUnique({
    where: { classId_learnerId: { classId, learnerId } },
    select: {
      classId: true,
      learnerId: true,
      learner: { select: { timeZone: true, displayName: true, user: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  return {
    membership: { classId: row.classId, learnerId: row.learnerId },
    name: learnerName(row.learner.user?.name ?? row.learner.displayName, row.learnerId),
    timeZone: row.learner.timeZone,
  };
}
