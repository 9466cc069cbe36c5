import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { cardColumns, cardFromRow, cardFromStoredJson, type CardState, type ReviewLogEntry } from "@/lib/scheduling";
import type { StoredCard } from "./cards";
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

export async function findReviewLog(tx: Tx, reviewId: string): Promise<ReviewLogWithCard | null> {
  return tx.reviewLog.findUnique({ where: { id: reviewId }, include: { card: true } });
}

export async function findCard(tx: Tx, cardId: string): Promise<StoredCard | null> {
  const row = await tx.card.findUnique({ where: { id: cardId } });
  return row ? asCardState(row) : null;
}

export async function findLearnerCard(tx: Tx, learnerId: string, questionId: string): Promise<StoredCard | null> {
  const row = await tx.card.findUnique({ where: { learnerId_questionId: { learnerId, questionId } } });
  return row ? asCardState(row) : null;
}

export async function createCard(tx: Tx, learnerId: string, questionId: string, card: CardState): Promise<StoredCard> {
  return asCardState(await tx.card.create({ data: { learnerId, questionId, ...cardColumns(card) } }));
}

export async function updateCard(tx: Tx, cardId: string, card: CardState): Promise<StoredCard> {
  return asCardState(await tx.card.update({ where: { id: cardId }, data: cardColumns(card) }));
}

export async function insertReviewLog(tx: Tx, row: NewReviewLog): Promise<void> {
  await tx.reviewLog.create({
    data: {
      id: row.id,
      learnerId: row.learnerId,
      cardId: row.cardId,
      questionId: row.questionId,
      rating: row.log.rating,
      stateBefore: row.log.stateBefore,
      elapsedDays: row.log.elapsedDays,
      scheduledDays: row.log.scheduledDays,
      reviewedAt: row.log.reviewedAt,
      durationMs: row.durationMs,
      response: row.response,
      correct: row.correct,
      source: row.source,
      overridden: row.overridden,
      previousCard: row.previousCard ? cardColumns(row.previousCard) : Prisma.JsonNull,
    },
  });
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

/** A unique-key violation: two copies of one write raced and this one lost. */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}
