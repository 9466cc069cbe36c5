import "server-only";

import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { cardColumns, cardFromRow, cardFromStoredJson, type CardState, type ReviewLogEntry } from "@/lib/scheduling";
import {
  CARD_COLUMN_NAMES,
  QUESTION_AND_CARD_COLUMNS,
  questionAndCardFromRaw,
  type RawQuestionAndCard,
  type StoredCard,
  type StudyQuestionRow,
} from "./cards";
import type { Tx } from "./tx";

/**
 * Persistence of answers: cards, review logs and undo marks. Every function
 * takes the transaction client of the service that owns the transaction
 * (lib/server/reviews.ts); nothing here decides whether an answer is accepted.
 */

export type ReviewLogWithCard = Prisma.ReviewLogGetPayload<{ include: { card: true } }>;

export type NewReviewLog = {
  id: string;
  learnerId: string;
  cardId: string;
  questionId: string;
  log: ReviewLogEntry;
  durationMs: number;
  response: string | null;
  correct: boolean | null;
  source: "study" | "live";
  overridden: boolean;
  /** The card as it stood before this answer; null: the learner had no card yet. */
  previousCard: CardState | null;
};

export const asCardState = (row: Prisma.CardGetPayload<object>): StoredCard => cardFromRow(row);

const CARD_COLUMNS = Prisma.raw(CARD_COLUMN_NAMES.join(", "));

export async function findReviewLog(tx: Tx, reviewId: string): Promise<ReviewLogWithCard | null> {
  return tx.reviewLog.findUnique({ where: { id: reviewId }, include: { card: true } });
}

/**
 * An answer's question (with its document's title) and the card it updates, in
 * one raw statement (see lib/data/cards.ts): the card `cardId` when given (whoever's it is: the service checks),
 * else the learner's card of that question. Null: no such question.
 */
export async function findQuestionAndCard(
  tx: Tx,
  questionId: string,
  learnerId: string,
  cardId: string | null,
): Promise<{ question: StudyQuestionRow; card: StoredCard | null } | null> {
  const cardJoin = cardId
    ? Prisma.sql`c."id" = ${cardId}`
    : Prisma.sql`c."learnerId" = ${learnerId} AND c."questionId" = q."id"`;
  const rows = await tx.$queryRaw<RawQuestionAndCard[]>`
    SELECT ${QUESTION_AND_CARD_COLUMNS}
    FROM "Question" q JOIN "Document" d ON d."id" = q."documentId"
    LEFT JOIN "Card" c ON ${cardJoin}
    WHERE q."id" = ${questionId}`;
  return rows[0] ? questionAndCardFromRaw(rows[0]) : null;
}

export async function createCard(tx: Tx, learnerId: string, questionId: string, card: CardState): Promise<StoredCard> {
  const c = cardColumns(card);
  const id = randomUUID();
  const now = new Date();
  await tx.$executeRaw`INSERT INTO "Card" (${CARD_COLUMNS}, "createdAt", "updatedAt")
    VALUES (${id}, ${learnerId}, ${questionId}, ${c.due}, ${c.stability}, ${c.difficulty}, ${c.elapsedDays},
      ${c.scheduledDays}, ${c.learningSteps}, ${c.reps}, ${c.lapses}, ${c.state}, ${c.lastReview}, ${now}, ${now})`;
  return { ...c, id, learnerId, questionId };
}

/** Writes `card`'s scheduling state over the stored card `stored`. */
export async function updateCard(tx: Tx, stored: CardKey, card: CardState): Promise<StoredCard> {
  const c = cardColumns(card);
  await tx.$executeRaw`UPDATE "Card" SET "due" = ${c.due}, "stability" = ${c.stability},
    "difficulty" = ${c.difficulty}, "elapsedDays" = ${c.elapsedDays}, "scheduledDays" = ${c.scheduledDays},
    "learningSteps" = ${c.learningSteps}, "reps" = ${c.reps}, "lapses" = ${c.lapses}, "state" = ${c.state},
    "lastReview" = ${c.lastReview}, "updatedAt" = ${new Date()}
    WHERE "id" = ${stored.id}`;
  return { ...c, id: stored.id, learnerId: stored.learnerId, questionId: stored.questionId };
}

/** Which card a write goes to. */
type CardKey = Pick<StoredCard, "id" | "learnerId" | "questionId">;

export async function insertReviewLog(tx: Tx, row: NewReviewLog): Promise<void> {
  const previous = JSON.stringify(row.previousCard ? cardColumns(row.previousCard) : null);
  const log = row.log;
  await tx.$executeRaw`INSERT INTO "ReviewLog" ("id", "learnerId", "cardId", "questionId", "rating", "stateBefore",
      "elapsedDays", "scheduledDays", "reviewedAt", "durationMs", "response", "correct", "source", "overridden",
      "previousCard", "createdAt")
    VALUES (${row.id}, ${row.learnerId}, ${row.cardId}, ${row.questionId}, ${log.rating}, ${log.stateBefore},
      ${log.elapsedDays}, ${log.scheduledDays}, ${log.reviewedAt}, ${row.durationMs}, ${row.response}, ${row.correct},
      ${row.source}, ${row.overridden}, ${previous}, ${new Date()})`;
}

/** The id of the card's latest answer that is not undone. */
export async function findLatestReviewId(tx: Tx, cardId: string): Promise<string | null> {
  const latest = await tx.reviewLog.findFirst({
    where: { cardId, undoneAt: null },
    orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true },
  });
  return latest?.id ?? null;
}

export async function markReviewUndone(tx: Tx, reviewId: string, at: Date): Promise<void> {
  await tx.reviewLog.update({ where: { id: reviewId }, data: { undoneAt: at } });
}

/** The card state stored beside a review log (dates as ISO strings), over `fallback`'s fields. */
export function previousCardOf(log: ReviewLogWithCard, fallback: CardState): CardState | null {
  return log.previousCard === null ? null : cardFromStoredJson(log.previousCard, fallback);
}

/**
 * A unique-key violation: two copies of one write raced and this one lost. A
 * model query reports it as P2002; a raw statement as P2010 with the driver's kind.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (err.code === "P2002") return true;
  const meta = err.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined;
  return err.code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
