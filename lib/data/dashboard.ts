import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { utcDay } from "@/lib/dashboard/charts";
import { splitByDay, type DayWindow, type InstantRange } from "@/lib/dashboard/day-window";

/**
 * Aggregate queries behind the teacher's class dashboard. Each one is limited
 * to the class's rows in "ClassMember" (or to the class's own totals), so only
 * that class's learners are ever counted, and each is a fixed number of
 * statements for the whole class (never one per learner). Answers are read from
 * the running totals ("LearnerDayTotal" per learner and day, kept exact by
 * triggers on "ReviewLog"; "ClassQuestionTotal" and "ClassWrongChoiceTotal" per
 * class, kept by triggers on the per-learner totals and on "ClassMember"), so
 * the cost follows the class's size, not its history; only the ragged ends of a
 * time window (today, the first day of a window) are read from the logs.
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

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Raw DateTime values come back as Date, ISO text or epoch numbers depending on driver and expression. */
export function toIso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(typeof v === "bigint" ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const DAY_OF_REVIEW = Prisma.sql`substr(CAST(r."reviewedAt" AS TEXT), 1, 10)`;

export type CardStatsRow = {
  learnerId: string;
  documentId: string;
  studied: number;
  dueNow: number;
  overdue: number;
  mastered: number;
};

/**
 * Per learner and document: cards studied, due, overdue and mastered, over
 * published questions, in one statement whatever the history. Studied and
 * mastered do not depend on `now`: they are read from the per learner and
 * document totals (the mastery threshold is MASTERY_STABILITY_DAYS). Due and
 * overdue cards are counted on the due dates kept per learner and document
 * ("LearnerDocumentDue"), one index range each, without reading the cards or
 * their questions. Triggers on "Card" and "Question" keep both tables.
 */
export async function classCardStats(classId: string, now: Date, overdueBefore: Date): Promise<CardStatsRow[]> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT m."learnerId" AS "learnerId", t."documentId" AS "documentId", t."studied" AS "studied",
      t."mastered" AS "mastered",
      (SELECT COUNT(*) FROM "LearnerDocumentDue" s
        WHERE s."learnerId" = t."learnerId" AND s."documentId" = t."documentId" AND s."due" <= ${now}) AS "dueNow",
      (SELECT COUNT(*) FROM "LearnerDocumentDue" s
        WHERE s."learnerId" = t."learnerId" AND s."documentId" = t."documentId" AND s."due" < ${overdueBefore}) AS "overdue"
    FROM "ClassMember" m
    JOIN "LearnerDocumentTotal" t ON t."learnerId" = m."learnerId"
    WHERE m."classId" = ${classId}`;
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

type Counts = { recent: number; reviewStateAnswers: number; reviewStatePassed: number };

/** The learner-review counts of the logs in one exact range (a day the window or its cut divides). */
async function learnerReviewsInRange(classId: string, range: InstantRange, recentSince: Date) {
  return db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT m."learnerId" AS "learnerId",
      SUM(CASE WHEN r."reviewedAt" >= ${recentSince} THEN 1 ELSE 0 END) AS "recent",
      SUM(CASE WHEN r."stateBefore" = 'review' THEN 1 ELSE 0 END) AS "reviewStateAnswers",
      SUM(CASE WHEN r."stateBefore" = 'review' AND r."rating" <> 'again' THEN 1 ELSE 0 END) AS "reviewStatePassed"
    FROM "ClassMember" m
    JOIN "ReviewLog" r ON r."learnerId" = m."learnerId"
    WHERE m."classId" = ${classId} AND r."undoneAt" IS NULL
      AND r."reviewedAt" >= ${range.from} AND r."reviewedAt" <= ${range.to}
    GROUP BY m."learnerId"`;
}

/** The same counts over the window's whole days, from the learner-day totals. */
async function learnerReviewsOfWholeDays(classId: string, window: DayWindow, recentSince: Date) {
  return db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT m."learnerId" AS "learnerId",
      SUM(CASE WHEN t."day" >= ${utcDay(recentSince)} THEN t."answers" ELSE 0 END) AS "recent",
      SUM(t."reviewStateAnswers") AS "reviewStateAnswers",
      SUM(t."reviewStatePassed") AS "reviewStatePassed"
    FROM "ClassMember" m
    JOIN "LearnerDayTotal" t ON t."learnerId" = m."learnerId"
    WHERE m."classId" = ${classId} AND t."day" >= ${window.firstDay} AND t."day" <= ${window.lastDay}
      AND t."day" NOT IN (${Prisma.join(window.partialDays)})
    GROUP BY m."learnerId"`;
}

/** Per learner, over non-undone answers in [since, now]: recent answers and the true-retention counts. */
export async function classLearnerReviews(
  classId: string,
  since: Date,
  recentSince: Date,
  now: Date,
): Promise<LearnerReviewRow[]> {
  const window = splitByDay(since, now, [recentSince]);
  const parts = await Promise.all([
    learnerReviewsOfWholeDays(classId, window, recentSince),
    ...window.exact.map((range) => learnerReviewsInRange(classId, range, recentSince)),
  ]);
  const byLearner = new Map<string, Counts>();
  for (const r of parts.flat()) {
    const id = String(r.learnerId);
    const row = byLearner.get(id) ?? { recent: 0, reviewStateAnswers: 0, reviewStatePassed: 0 };
    row.recent += num(r.recent);
    row.reviewStateAnswers += num(r.reviewStateAnswers);
    row.reviewStatePassed += num(r.reviewStatePassed);
    byLearner.set(id, row);
  }
  return [...byLearner].map(([learnerId, row]) => ({ learnerId, ...row }));
}

/** Non-undone answers by class members per UTC day in [since, now]; days without answers are absent. */
export async function classActivityByDay(
  classId: string,
  since: Date,
  now: Date,
): Promise<Array<{ day: string; count: number }>> {
  const window = splitByDay(since, now);
  const parts = await Promise.all([
    db().$queryRaw<Array<Record<string, unknown>>>`
      SELECT t."day" AS "day", SUM(t."answers") AS "count"
      FROM "ClassMember" m
      JOIN "LearnerDayTotal" t ON t."learnerId" = m."learnerId"
      WHERE m."classId" = ${classId} AND t."day" >= ${window.firstDay} AND t."day" <= ${window.lastDay}
        AND t."day" NOT IN (${Prisma.join(window.partialDays)})
      GROUP BY t."day"`,
    ...window.exact.map(
      (range) => db().$queryRaw<Array<Record<string, unknown>>>`
        SELECT ${DAY_OF_REVIEW} AS "day", COUNT(*) AS "count"
        FROM "ClassMember" m
        JOIN "ReviewLog" r ON r."learnerId" = m."learnerId"
        WHERE m."classId" = ${classId} AND r."undoneAt" IS NULL
          AND r."reviewedAt" >= ${range.from} AND r."reviewedAt" <= ${range.to}
        GROUP BY ${DAY_OF_REVIEW}`,
    ),
  ]);
  const byDay = new Map<string, number>();
  for (const r of parts.flat()) byDay.set(String(r.day), (byDay.get(String(r.day)) ?? 0) + num(r.count));
  return [...byDay].map(([day, count]) => ({ day, count }));
}

/**
 * Every member with their name and latest answer at or before `now`: today's
 * from the logs (an index walk per member, newest first), else the latest
 * earlier day's from the learner-day totals.
 */
export async function classMembersActivity(
  classId: string,
  now: Date,
): Promise<Array<{ learnerId: string; name: string; fittedParameters: boolean; lastActiveAt: string | null }>> {
  const today = new Date(`${utcDay(now)}T00:00:00Z`);
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT m."learnerId" AS "learnerId", COALESCE(u."name", l."displayName") AS "name",
      l."fsrsUseFitted" AS "fittedParameters",
      COALESCE(
        (SELECT r."reviewedAt" FROM "ReviewLog" r
          WHERE r."learnerId" = m."learnerId" AND r."undoneAt" IS NULL
            AND r."reviewedAt" >= ${today} AND r."reviewedAt" <= ${now}
          ORDER BY r."reviewedAt" DESC LIMIT 1),
        (SELECT t."lastReviewedAt" FROM "LearnerDayTotal" t
          WHERE t."learnerId" = m."learnerId" AND t."day" < ${utcDay(now)}
          ORDER BY t."day" DESC LIMIT 1)) AS "lastActiveAt"
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

/**
 * Per question of the decks: the class members' non-undone answers, their
 * total answer time, first tries and overrides, from the per class and
 * question totals (the members' per learner and question totals summed by
 * triggers): one index range of the class. A card's first answer is the one
 * given while it was new (undo returns a card to new, so a re-answer after an
 * undo is the first try that counts).
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
    SELECT t."questionId" AS "questionId", t."answers" AS "answers", t."durationMs" AS "durationMs",
      t."firstTries" AS "firstLearners", t."firstCorrect" AS "firstCorrect", t."overrides" AS "overrides"
    FROM "ClassQuestionTotal" t
    WHERE t."classId" = ${classId} AND t."questionId" IN (${deckQuestionIds(documentIds)})`;
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
    SELECT w."questionId" AS "questionId", w."choice" AS "choice", w."count" AS "count"
    FROM "ClassWrongChoiceTotal" w
    WHERE w."classId" = ${classId} AND w."questionId" IN (${deckQuestionIds(documentIds, "multiple_choice")})`;
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

/** Published questions of the given decks (null = every document), in reading order: one raw statement. */
export async function listDeckQuestions(documentIds: string[] | null): Promise<DashboardQuestion[]> {
  if (documentIds && documentIds.length === 0) return [];
  const inDecks = documentIds ? Prisma.sql`AND q."documentId" IN (${Prisma.join(documentIds)})` : Prisma.empty;
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT q."id" AS "id", q."prompt" AS "prompt", q."type" AS "type", q."documentId" AS "documentId",
      d."title" AS "documentTitle"
    FROM "Question" q JOIN "Document" d ON d."id" = q."documentId"
    WHERE q."status" = 'published' ${inDecks}
    ORDER BY q."documentId" ASC, q."sentenceIndex" ASC, q."id" ASC`;
  return rows.map((r) => ({
    id: String(r.id),
    prompt: String(r.prompt),
    type: String(r.type),
    documentId: String(r.documentId),
    documentTitle: String(r.documentTitle),
  }));
}

export type ClassDeckRow = {
  deckId: string;
  title: string;
  dueAt: string | null;
  /** One of the deck's documents (null for a deck without any), with its published questions. */
  documentId: string | null;
  publishedQuestions: number;
};

/**
 * The class's assigned decks in assignment order, one row per deck and document
 * (in the deck's order), each with its document's published questions (kept
 * per document by triggers on "Question"): one statement. An assignment whose
 * deck was deleted has no row.
 */
export async function listClassDeckRows(classId: string): Promise<ClassDeckRow[]> {
  const rows = await db().$queryRaw<Array<Record<string, unknown>>>`
    SELECT a."deckId" AS "deckId", k."title" AS "title", a."dueAt" AS "dueAt", dd."documentId" AS "documentId",
      t."published" AS "publishedQuestions"
    FROM "Assignment" a
    JOIN "Deck" k ON k."id" = a."deckId"
    LEFT JOIN "DeckDocument" dd ON dd."deckId" = k."id"
    LEFT JOIN "DocumentQuestionTotal" t ON t."documentId" = dd."documentId"
    WHERE a."classId" = ${classId}
    ORDER BY a."createdAt" ASC, a."deckId" ASC, dd."position" ASC, dd."documentId" ASC`;
  return rows.map((r) => ({
    deckId: String(r.deckId),
    title: String(r.title),
    dueAt: toIso(r.dueAt),
    documentId: r.documentId === null || r.documentId === undefined ? null : String(r.documentId),
    publishedQuestions: num(r.publishedQuestions),
  }));
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
