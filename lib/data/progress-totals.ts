import { Prisma } from "@/lib/generated/prisma/client";
import { databaseProvider } from "@/lib/server/database-url";
import { MASTERY_STABILITY_DAYS } from "@/lib/study/progress";
import { num, toIso } from "./dashboard";
import type { Tx } from "./tx";

/**
 * The running totals behind the class dashboard, recomputed for `npm run
 * totals:rebuild`. Triggers on "ReviewLog" keep the per-learner totals exact as
 * answers are stored, undone, moved by a guest merge or deleted; these are the
 * same sums the migration that added them backfilled with, in portable SQL.
 * The per-class totals are sums of the per-learner ones over each class's
 * members (triggers on "CardTotal", "WrongChoiceTotal" and "ClassMember"), so
 * they are recomputed from those, which come first in the list: a drifted
 * learner total is reported once, where it drifted, and rewriting it from the
 * logs carries the fix into its classes before they are compared.
 * The card totals per learner and document, and the published questions per
 * document, are recomputed from "Card" and "Question" (triggers on those tables
 * keep them).
 */
export const TOTALS_TABLES = [
  "CardTotal",
  "WrongChoiceTotal",
  "LearnerDayTotal",
  "ClassQuestionTotal",
  "ClassWrongChoiceTotal",
  "LearnerDocumentTotal",
  "DocumentQuestionTotal",
  "LearnerDocumentDue",
] as const;
export type TotalsTable = (typeof TOTALS_TABLES)[number];

/** Each table's key columns, then its value columns. */
export const TOTALS_COLUMNS: Record<TotalsTable, { keys: readonly string[]; values: readonly string[] }> = {
  CardTotal: { keys: ["learnerId", "questionId"], values: ["answers", "durationMs", "firstTries", "firstCorrect", "overrides"] },
  WrongChoiceTotal: { keys: ["learnerId", "questionId", "choice"], values: ["count"] },
  LearnerDayTotal: {
    keys: ["learnerId", "day"],
    values: ["answers", "reviewStateAnswers", "reviewStatePassed", "lastReviewedAt"],
  },
  ClassQuestionTotal: {
    keys: ["classId", "questionId"],
    values: ["answers", "durationMs", "firstTries", "firstCorrect", "overrides"],
  },
  ClassWrongChoiceTotal: { keys: ["classId", "questionId", "choice"], values: ["count"] },
  LearnerDocumentTotal: { keys: ["learnerId", "documentId"], values: ["started", "studied", "mastered"] },
  DocumentQuestionTotal: { keys: ["documentId"], values: ["published"] },
  LearnerDocumentDue: { keys: ["cardId"], values: ["learnerId", "documentId", "due"] },
};

/** What each table is recomputed from, for the rebuild's report. */
export const TOTALS_SOURCE: Record<TotalsTable, string> = {
  CardTotal: "the logs",
  WrongChoiceTotal: "the logs",
  LearnerDayTotal: "the logs",
  ClassQuestionTotal: "the members' CardTotal",
  ClassWrongChoiceTotal: "the members' WrongChoiceTotal",
  LearnerDocumentTotal: "the cards and questions",
  DocumentQuestionTotal: "the questions",
  LearnerDocumentDue: "the cards and questions",
};

/** Value columns that hold a date, and those that hold text; the others are counts. */
const DATE_VALUES = new Set(["lastReviewedAt", "due"]);
const TEXT_VALUES = new Set(["learnerId", "documentId"]);

// First-try success: graded answers use `correct`; self-graded flashcards (correct is null) pass unless "again".
const PASSED = Prisma.sql`CASE WHEN r."correct" IS NULL THEN (CASE WHEN r."rating" = 'again' THEN 0 ELSE 1 END)
  WHEN r."correct" = TRUE THEN 1 ELSE 0 END`;
const DAY = Prisma.sql`substr(CAST(r."reviewedAt" AS TEXT), 1, 10)`;

const FROM_LOGS: Record<TotalsTable, Prisma.Sql> = {
  CardTotal: Prisma.sql`
    SELECT r."learnerId" AS "learnerId", r."questionId" AS "questionId", COUNT(*) AS "answers",
      SUM(r."durationMs") AS "durationMs",
      SUM(CASE WHEN r."stateBefore" = 'new' THEN 1 ELSE 0 END) AS "firstTries",
      SUM(CASE WHEN r."stateBefore" = 'new' THEN ${PASSED} ELSE 0 END) AS "firstCorrect",
      SUM(CASE WHEN r."overridden" = TRUE THEN 1 ELSE 0 END) AS "overrides"
    FROM "ReviewLog" r WHERE r."undoneAt" IS NULL
    GROUP BY r."learnerId", r."questionId"`,
  WrongChoiceTotal: Prisma.sql`
    SELECT r."learnerId" AS "learnerId", r."questionId" AS "questionId", r."response" AS "choice", COUNT(*) AS "count"
    FROM "ReviewLog" r WHERE r."undoneAt" IS NULL AND r."correct" = FALSE AND r."response" IS NOT NULL
    GROUP BY r."learnerId", r."questionId", r."response"`,
  LearnerDayTotal: Prisma.sql`
    SELECT r."learnerId" AS "learnerId", ${DAY} AS "day", COUNT(*) AS "answers",
      SUM(CASE WHEN r."stateBefore" = 'review' THEN 1 ELSE 0 END) AS "reviewStateAnswers",
      SUM(CASE WHEN r."stateBefore" = 'review' AND r."rating" <> 'again' THEN 1 ELSE 0 END) AS "reviewStatePassed",
      MAX(r."reviewedAt") AS "lastReviewedAt"
    FROM "ReviewLog" r WHERE r."undoneAt" IS NULL
    GROUP BY r."learnerId", ${DAY}`,
  ClassQuestionTotal: Prisma.sql`
    SELECT m."classId" AS "classId", t."questionId" AS "questionId", SUM(t."answers") AS "answers",
      SUM(t."durationMs") AS "durationMs", SUM(t."firstTries") AS "firstTries",
      SUM(t."firstCorrect") AS "firstCorrect", SUM(t."overrides") AS "overrides"
    FROM "ClassMember" m JOIN "CardTotal" t ON t."learnerId" = m."learnerId"
    GROUP BY m."classId", t."questionId"`,
  ClassWrongChoiceTotal: Prisma.sql`
    SELECT m."classId" AS "classId", w."questionId" AS "questionId", w."choice" AS "choice", SUM(w."count") AS "count"
    FROM "ClassMember" m JOIN "WrongChoiceTotal" w ON w."learnerId" = m."learnerId"
    GROUP BY m."classId", w."questionId", w."choice"`,
  // A card counts while its question is published; one that is new and never answered counts nowhere.
  LearnerDocumentTotal: Prisma.sql`
    SELECT c."learnerId" AS "learnerId", q."documentId" AS "documentId",
      SUM(CASE WHEN c."state" <> 'new' THEN 1 ELSE 0 END) AS "started",
      SUM(CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END) AS "studied",
      SUM(CASE WHEN c."state" = 'review' AND c."stability" >= ${MASTERY_STABILITY_DAYS} THEN 1 ELSE 0 END) AS "mastered"
    FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
    WHERE q."status" = 'published' AND (c."state" <> 'new' OR c."reps" > 0)
    GROUP BY c."learnerId", q."documentId"`,
  DocumentQuestionTotal: Prisma.sql`
    SELECT q."documentId" AS "documentId", COUNT(*) AS "published"
    FROM "Question" q WHERE q."status" = 'published'
    GROUP BY q."documentId"`,
  LearnerDocumentDue: Prisma.sql`
    SELECT c."id" AS "cardId", c."learnerId" AS "learnerId", q."documentId" AS "documentId", c."due" AS "due"
    FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
    WHERE q."status" = 'published' AND c."state" <> 'new'`,
};

const quoted = (columns: readonly string[]) => Prisma.raw(columns.map((c) => `"${c}"`).join(", "));
const columnsOf = (table: TotalsTable) => [...TOTALS_COLUMNS[table].keys, ...TOTALS_COLUMNS[table].values];

/** One total: its key (the key columns joined) and its values, as comparable text. */
export type TotalRow = { key: string; values: string };

function toTotalRows(table: TotalsTable, rows: Array<Record<string, unknown>>): TotalRow[] {
  const { keys, values } = TOTALS_COLUMNS[table];
  return rows.map((r) => ({
    key: keys.map((k) => String(r[k])).join(" / "),
    values: values
      .map((v) => (DATE_VALUES.has(v) ? toIso(r[v]) : TEXT_VALUES.has(v) ? String(r[v]) : String(num(r[v]))))
      .join(", "),
  }));
}

/** The totals as stored. */
export async function readStoredTotals(tx: Tx, table: TotalsTable): Promise<TotalRow[]> {
  const rows = await tx.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${quoted(columnsOf(table))} FROM ${Prisma.raw(`"${table}"`)}`;
  return toTotalRows(table, rows);
}

/** The totals as the review logs say they should be (a class's: as its members' totals add up). */
export async function readTotalsFromLogs(tx: Tx, table: TotalsTable): Promise<TotalRow[]> {
  return toTotalRows(table, await tx.$queryRaw<Array<Record<string, unknown>>>(FROM_LOGS[table]));
}

/**
 * Replaces every stored total of the table with the sums of the logs (a class
 * table: of its members' totals). Rewriting a per-learner table fires its
 * triggers, which carry the change into the class tables.
 */
export async function replaceTotalsFromLogs(tx: Tx, table: TotalsTable): Promise<number> {
  await tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)}`;
  return tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${quoted(columnsOf(table))}) ${FROM_LOGS[table]}`;
}

/**
 * Holds off writes to the logs, cards, questions and class memberships (and so
 * the triggers) until the transaction ends, so a rebuild compares and rewrites
 * one consistent state. SQLite has one writer at a time: a write that changes
 * nothing takes that place first.
 */
export async function lockReviewLogs(tx: Tx): Promise<void> {
  if (databaseProvider() === "postgresql")
    await tx.$executeRaw`LOCK TABLE "ReviewLog", "Card", "Question", "ClassMember" IN SHARE MODE`;
  else await tx.$executeRaw`UPDATE "CardTotal" SET "answers" = "answers" WHERE 1 = 0`;
}
