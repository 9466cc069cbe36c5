import { Prisma } from "@/lib/generated/prisma/client";
import {
  cardColumns,
  cardFromRow,
  cardFromStoredJson,
  newCardState,
  type CardState,
  type ReviewLogEntry,
} from "@/lib/scheduling";
import { db } from "@/lib/server/db";
import { STUDY_QUESTION_SELECT, type StoredCard, type StudyQuestionRow } from "./study";

export class ReviewError extends Error {
  constructor(
    readonly code: "question_not_found" | "card_not_found" | "review_id_taken" | "not_latest_review" | "review_not_found",
    message: string,
  ) {
    super(message);
    this.name = "ReviewError";
  }
}

export type ReviewDecision = {
  card: CardState;
  log: ReviewLogEntry;
  response: string | null;
  correct: boolean | null;
  durationMs: number;
  /** The learner marked an answer the machine rejected as right. */
  overridden?: boolean;
};

export type RecordedReview = {
  status: "stored" | "duplicate";
  reviewId: string;
  cardId: string;
  rating: string;
  correct: boolean | null;
  card: CardState;
};

type ReviewInput = {
  learnerId: string;
  reviewId: string;
  questionId: string;
  cardId?: string | null;
  source?: "study" | "live";
  /** Pure: given the question and the card as it stands, what this answer does. */
  decide: (question: StudyQuestionRow, before: CardState) => ReviewDecision;
};


const asCardState = (row: Prisma.CardGetPayload<object>): StoredCard => cardFromRow(row);

/**
 * Stores one answer and the card's new state in one transaction. The review
 * id is the primary key: a replay of a stored id answers "duplicate" and
 * changes nothing, even when two copies race.
 */
export async function recordReview(input: ReviewInput): Promise<RecordedReview> {
  try {
    return await db().$transaction(async (tx) => {
      const existing = await tx.reviewLog.findUnique({ where: { id: input.reviewId }, include: { card: true } });
      if (existing) return duplicateOf(existing, input.learnerId);

      const question = await tx.question.findUnique({ where: { id: input.questionId }, select: STUDY_QUESTION_SELECT });
      if (!question || question.status === "draft" || question.status === "rejected") {
        throw new ReviewError("question_not_found", "That question does not exist or is not published.");
      }
      const stored = input.cardId
        ? await tx.card.findUnique({ where: { id: input.cardId } })
        : await tx.card.findUnique({ where: { learnerId_questionId: { learnerId: input.learnerId, questionId: question.id } } });
      if (input.cardId && (!stored || stored.learnerId !== input.learnerId || stored.questionId !== question.id)) {
        throw new ReviewError("card_not_found", "That card does not exist or is not yours.");
      }
      const before = stored ? asCardState(stored) : null;
      const decision = input.decide(question, before ?? blankCard());
      const card = stored
        ? await tx.card.update({ where: { id: stored.id }, data: cardColumns(decision.card) })
        : await tx.card.create({
            data: { learnerId: input.learnerId, questionId: question.id, ...cardColumns(decision.card) },
          });
      await tx.reviewLog.create({
        data: {
          id: input.reviewId,
          learnerId: input.learnerId,
          cardId: card.id,
          questionId: question.id,
          rating: decision.log.rating,
          stateBefore: decision.log.stateBefore,
          elapsedDays: decision.log.elapsedDays,
          scheduledDays: decision.log.scheduledDays,
          reviewedAt: decision.log.reviewedAt,
          durationMs: decision.durationMs,
          response: decision.response,
          correct: decision.correct,
          source: input.source ?? "study",
          overridden: decision.overridden ?? false,
          previousCard: before ? cardColumns(before) : Prisma.JsonNull,
        },
      });
      return {
        status: "stored" as const,
        reviewId: input.reviewId,
        cardId: card.id,
        rating: decision.log.rating,
        correct: decision.correct,
        card: asCardState(card),
      };
    });
  } catch (err) {
    // Two copies of one review raced: the loser's transaction rolled back whole.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const existing = await db().reviewLog.findUnique({ where: { id: input.reviewId }, include: { card: true } });
      if (existing) return duplicateOf(existing, input.learnerId);
    }
    throw err;
  }
}

function duplicateOf(
  log: Prisma.ReviewLogGetPayload<{ include: { card: true } }>,
  learnerId: string,
): RecordedReview {
  if (log.learnerId !== learnerId) {
    throw new ReviewError("review_id_taken", "That review id is already used; generate a new one.");
  }
  return {
    status: "duplicate",
    reviewId: log.id,
    cardId: log.cardId,
    rating: log.rating,
    correct: log.correct,
    card: asCardState(log.card),
  };
}

/** A card nobody has answered yet; its due date is irrelevant until it is scheduled. */
const blankCard = (): CardState => newCardState(new Date(0));

/**
 * Undoes the learner's answer `reviewId`: only the latest answer of its card
 * can be undone. The card returns to exactly its previous state; the log row
 * is kept, marked undone, so a replay of the same id stays a no-op.
 */
export async function undoReview(learnerId: string, reviewId: string, now: Date): Promise<CardState> {
  return db().$transaction(async (tx) => {
    const log = await tx.reviewLog.findUnique({ where: { id: reviewId }, include: { card: true } });
    if (!log || log.learnerId !== learnerId) throw new ReviewError("review_not_found", "That answer does not exist.");
    if (log.undoneAt) return asCardState(log.card);
    const latest = await tx.reviewLog.findFirst({
      where: { cardId: log.cardId, undoneAt: null },
      orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }],
      select: { id: true },
    });
    if (latest?.id !== log.id) {
      throw new ReviewError("not_latest_review", "Only the latest answer to a card can be undone.");
    }
    const previous = log.previousCard === null ? blankCard() : cardFromStoredJson(log.previousCard, blankCard());
    const card = await tx.card.update({ where: { id: log.cardId }, data: cardColumns(previous) });
    await tx.reviewLog.update({ where: { id: log.id }, data: { undoneAt: now } });
    return asCardState(card);
  });
}
