import "server-only";

import type { ReviewResult, ReviewSubmission } from "@/lib/api/study-contract";
import { MAX_REVIEW_AGE_MS, MAX_RESPONSE_CHARS } from "@/lib/api/study-contract";
import { toStudyQuestion, type StoredCard, type StudyQuestionRow } from "@/lib/data/cards";
import type { LearnerRecord } from "@/lib/data/learners";
import {
  asCardState,
  createCard,
  findLatestReviewId,
  findQuestionAndCard,
  findReviewLog,
  insertReviewLog,
  isUniqueViolation,
  markReviewUndone,
  previousCardOf,
  updateCard,
  type ReviewLogWithCard,
} from "@/lib/data/reviews";
import { AppError, STATUS } from "@/lib/errors";
import { cardToJson, newCardState, scheduleReview, type CardState, type ReviewLogEntry } from "@/lib/scheduling";
import { parseEnum, RATINGS } from "@/lib/domain/enums";
import { gradeAnswer } from "@/lib/study/grade";
import { db } from "./db";

type ReviewErrorCode =
  "question_not_found" | "card_not_found" | "review_id_taken" | "not_latest_review" | "review_not_found";

export class ReviewError extends AppError {
  constructor(
    override readonly code: ReviewErrorCode,
    message: string,
  ) {
    const conflict = code === "review_id_taken" || code === "not_latest_review";
    super(code, message, conflict ? STATUS.conflict : STATUS.notFound);
    this.name = "ReviewError";
  }
}

/** An answer the server will not store as sent (a wrong clock, a stale queue). */
export class SubmissionError extends AppError {
  constructor(code: string, message: string) {
    super(code, message, STATUS.invalid);
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

type AnswerInput = {
  learnerId: string;
  reviewId: string;
  questionId: string;
  cardId?: string | null;
  source?: "study" | "live";
  /** Pure: given the question and the card as it stands, what this answer does. */
  decide: (question: StudyQuestionRow, before: CardState) => ReviewDecision;
};

/**
 * Stores one answer and the card's new state in one transaction. The review
 * id is the primary key: a replay of a stored id answers "duplicate" and
 * changes nothing, even when two copies race (the log insert fails on the key,
 * the transaction rolls back whole, and the stored answer is returned).
 * Three statements: one read (question and card), the card's write, the log's insert.
 */
export async function recordAnswer(input: AnswerInput): Promise<RecordedReview> {
  try {
    return await storeAnswer(input);
  } catch (err) {
    // A replay of a stored answer (or the loser of a race between two copies of one).
    if (isUniqueViolation(err) || err instanceof ReviewError) {
      const existing = await findReviewLog(db(), input.reviewId);
      if (existing) return duplicateOf(existing, input.learnerId);
    }
    throw err;
  }
}

/** The transaction of one answer: the question and the card as it stands (one read), the card's new state, the log. */
async function storeAnswer(input: AnswerInput): Promise<RecordedReview> {
  return db().$transaction(async (tx) => {
    const target = await findQuestionAndCard(tx, input.questionId, input.learnerId, input.cardId ?? null);
    const question = target?.question;
    if (!target || !question || question.status === "draft" || question.status === "rejected") {
      throw new ReviewError("question_not_found", "That question does not exist or is not published.");
    }
    const stored = target.card;
    if (input.cardId && (!stored || stored.learnerId !== input.learnerId || stored.questionId !== question.id)) {
      throw new ReviewError("card_not_found", "That card does not exist or is not yours.");
    }
    const decision = input.decide(question, stored ?? blankCard());
    const card: StoredCard = stored
      ? await updateCard(tx, stored, decision.card)
      : await createCard(tx, input.learnerId, question.id, decision.card);
    await insertReviewLog(tx, {
      id: input.reviewId,
      learnerId: input.learnerId,
      cardId: card.id,
      questionId: question.id,
      log: decision.log,
      durationMs: decision.durationMs,
      response: decision.response,
      correct: decision.correct,
      source: input.source ?? "study",
      overridden: decision.overridden ?? false,
      previousCard: stored,
    });
    return {
      status: "stored" as const,
      reviewId: input.reviewId,
      cardId: card.id,
      rating: decision.log.rating,
      correct: decision.correct,
      card,
    };
  }, ANSWER_TRANSACTION);
}

/**
 * With PostgreSQL, a burst of answers (a class answering at once) queues for the pool's
 * connections; Prisma's 2 s default wait would refuse answers the server can still store.
 */
const ANSWER_TRANSACTION = { maxWait: 10_000, timeout: 10_000 };

function duplicateOf(log: ReviewLogWithCard, learnerId: string): RecordedReview {
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

/** The scheduler settings a learner's answers are scheduled with, on the server and in the browser. */
function schedulerSettingsFor(learner: LearnerRecord) {
  return { desiredRetention: learner.desiredRetention, weights: learner.fsrsWeights };
}

/**
 * Grades and schedules one answer. The server grades with the same pure
 * function as the browser, so stored results can be trusted by teachers.
 */
export async function submitReview(learner: LearnerRecord, sub: ReviewSubmission, now: Date): Promise<ReviewResult> {
  const answeredAt = new Date(sub.answeredAt);
  if (answeredAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new SubmissionError("answered_in_future", "answeredAt is in the future; check the device clock.");
  }
  if (now.getTime() - answeredAt.getTime() > MAX_REVIEW_AGE_MS) {
    throw new SubmissionError("answer_too_old", "This answer is more than 30 days old and was not stored.");
  }
  const settings = schedulerSettingsFor(learner);
  const result = await recordAnswer({
    learnerId: learner.id,
    reviewId: sub.reviewId,
    questionId: sub.questionId,
    cardId: sub.cardId,
    decide: (question, before) => {
      const grade = gradeAnswer(toStudyQuestion(question), {
        response: sub.response,
        rating: sub.rating,
        durationMs: sub.durationMs,
        override: sub.override,
      });
      // Answers replayed from an offline queue arrive late; schedule them at the
      // time they were given, but never before the card's previous review.
      const at = new Date(Math.max(answeredAt.getTime(), before.lastReview?.getTime() ?? 0));
      const base = before.state === "new" && before.reps === 0 ? newCardState(at) : before;
      const { card, log } = scheduleReview(base, grade.rating, at, settings);
      return {
        card,
        log,
        response: question.type === "flashcard" ? null : (sub.response ?? "").slice(0, MAX_RESPONSE_CHARS),
        correct: grade.correct,
        durationMs: sub.durationMs,
        overridden: grade.overridden,
      };
    },
  });
  return { ...result, rating: parseEnum(RATINGS, result.rating, "rating"), card: cardToJson(result.card) };
}

/**
 * Undoes the learner's answer `reviewId`: only the latest answer of its card
 * can be undone. The card returns to exactly its previous state; the log row
 * is kept, marked undone, so a replay of the same id stays a no-op.
 */
export async function undoSubmittedReview(learner: LearnerRecord, reviewId: string, now: Date) {
  const card = await db().$transaction(async (tx) => {
    const log = await findReviewLog(tx, reviewId);
    if (!log || log.learnerId !== learner.id) throw new ReviewError("review_not_found", "That answer does not exist.");
    if (log.undoneAt) return asCardState(log.card);
    if ((await findLatestReviewId(tx, log.cardId)) !== log.id) {
      throw new ReviewError("not_latest_review", "Only the latest answer to a card can be undone.");
    }
    const previous = previousCardOf(log, blankCard()) ?? blankCard();
    const restored = await updateCard(tx, log.card, previous);
    await markReviewUndone(tx, log.id, now);
    return restored;
  });
  return cardToJson(card);
}
