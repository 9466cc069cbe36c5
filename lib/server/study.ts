import type {
  CardStateJson,
  DeckCounts,
  ReviewResult,
  ReviewSubmission,
  StudyCard,
  StudySession,
} from "@/lib/api/study";
import { ALL_DECK_ID, MAX_REVIEW_AGE_MS, MAX_RESPONSE_CHARS } from "@/lib/api/study";
import { getDocumentTitle } from "@/lib/data/documents";
import type { LearnerRecord } from "@/lib/data/learners";
import { recordReview, ReviewError, undoReview } from "@/lib/data/reviews";
import {
  countNewCardsStudiedSince,
  countReviewsStudiedSince,
  getDueCards,
  getNewQuestions,
  type StudyQuestionRow,
} from "@/lib/data/study";
import { newCardState, scheduleReview, type CardState } from "@/lib/scheduling";
import { startOfDay } from "@/lib/study/calendar";
import { gradeAnswer, GradeError } from "@/lib/study/grade";
import { countPlan, planSession } from "@/lib/study/session-plan";

export const SESSION_SIZE = 50;
/** The schema's default daily new-card limit, shown to visitors who have not started yet. */
const DEFAULT_NEW_CARDS_PER_DAY = 20;
const QUESTION_TYPES = ["cloze", "multiple_choice", "flashcard", "true_false"] as const;

export type Deck = { id: string; title: string; documentId: string | null };

export async function findDeck(deckId: string): Promise<Deck | null> {
  if (deckId === ALL_DECK_ID) return { id: ALL_DECK_ID, title: "All documents", documentId: null };
  const doc = await getDocumentTitle(deckId);
  return doc ? { id: doc.id, title: doc.title, documentId: doc.id } : null;
}

/** The deck page's counts: a tally of the very plan the session would be built from now. */
export async function getDeckCounts(learner: LearnerRecord | null, deck: Deck, now: Date): Promise<DeckCounts> {
  return countPlan(await planFor(learner, deck, now));
}

async function allowances(learner: LearnerRecord, now: Date) {
  const since = startOfDay(now, learner.timeZone);
  const [newStudied, reviewsStudied] = await Promise.all([
    countNewCardsStudiedSince(learner.id, since),
    countReviewsStudiedSince(learner.id, since),
  ]);
  return {
    newAllowance: Math.max(0, learner.newCardsPerDay - newStudied),
    reviewAllowance: Math.max(0, learner.maxReviewsPerDay - reviewsStudied),
  };
}

type DueRow = Awaited<ReturnType<typeof getDueCards>>[number];
type PlanDue = DueRow["card"] & { row: DueRow };

/**
 * Cards for one sitting (lib/study/session-plan.ts): due learning cards always, due
 * review cards up to the daily review limit, new questions up to the daily new-card
 * limit (one per source sentence, so siblings don't give each other away), in the
 * learner's study order.
 */
async function planFor(learner: LearnerRecord | null, deck: Deck, now: Date) {
  const limits = learner
    ? await allowances(learner, now)
    : { newAllowance: DEFAULT_NEW_CARDS_PER_DAY, reviewAllowance: 0 };
  const [learning, review] = learner
    ? await Promise.all([
        getDueCards(learner.id, deck.documentId, now, SESSION_SIZE, ["learning", "relearning"]),
        getDueCards(learner.id, deck.documentId, now, Math.min(SESSION_SIZE, limits.reviewAllowance), ["review"]),
      ])
    : [[], []];
  const due: PlanDue[] = [...learning, ...review]
    .sort((a, b) => a.card.due.getTime() - b.card.due.getTime())
    .map((row) => ({ ...row.card, row }));
  const newCap = Math.min(limits.newAllowance, SESSION_SIZE);
  const fresh = newCap > 0 ? await getNewQuestions(learner?.id ?? null, deck.documentId, newCap * 8) : [];
  return planSession<PlanDue, StudyQuestionRow>({
    due,
    fresh,
    ...limits,
    size: SESSION_SIZE,
    order: learner?.studyOrder ?? "due-first",
    sentenceKey: ({ row: { question: q } }) => `${q.documentId}:${q.sentenceIndex}`,
  });
}

/** The scheduler settings a learner's answers are scheduled with, on the server and in the browser. */
export function schedulerSettingsFor(learner: LearnerRecord) {
  return { desiredRetention: learner.desiredRetention, weights: learner.fsrsWeights };
}

export async function buildStudySession(learner: LearnerRecord, deck: Deck, now: Date): Promise<StudySession> {
  const plan = await planFor(learner, deck, now);
  const cards: StudyCard[] = plan.map((p) =>
    p.kind === "due"
      ? { cardId: p.item.id, question: toStudyQuestion(p.item.row.question), card: toJson(p.item.row.card) }
      : { cardId: null, question: toStudyQuestion(p.item), card: toJson(newCardState(now)) },
  );
  return {
    deck: { id: deck.id, title: deck.title },
    learner: {
      desiredRetention: learner.desiredRetention,
      newCardsPerDay: learner.newCardsPerDay,
      maxReviewsPerDay: learner.maxReviewsPerDay,
      studyOrder: learner.studyOrder,
      timeZone: learner.timeZone,
      fsrsWeights: learner.fsrsWeights,
    },
    serverNow: now.toISOString(),
    counts: countPlan(plan),
    cards,
  };
}

function toStudyQuestion(q: StudyQuestionRow): StudyCard["question"] {
  return {
    id: q.id,
    type: QUESTION_TYPES.includes(q.type as never) ? (q.type as StudyCard["question"]["type"]) : "flashcard",
    prompt: q.prompt,
    answer: q.answer,
    choices: (q.choices as string[] | null) ?? null,
    statementIsTrue: q.statementIsTrue,
    factType: q.factType,
    documentId: q.documentId,
    documentTitle: q.document.title,
    sentenceIndex: q.sentenceIndex,
    sentence: q.sentence,
  };
}

export function toJson(card: CardState): CardStateJson {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.lastReview?.toISOString() ?? null,
  };
}

export class SubmissionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
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
  const result = await recordReview({
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
  return { ...result, rating: result.rating as ReviewResult["rating"], card: toJson(result.card) };
}

export async function undoSubmittedReview(learner: LearnerRecord, reviewId: string, now: Date) {
  return toJson(await undoReview(learner.id, reviewId, now));
}

/** Maps domain errors to HTTP statuses; anything else is a bug and propagates. */
export function reviewErrorStatus(err: unknown): { status: number; code: string; message: string } | null {
  if (err instanceof ReviewError) {
    const status = err.code === "review_id_taken" || err.code === "not_latest_review" ? 409 : 404;
    return { status, code: err.code, message: err.message };
  }
  if (err instanceof GradeError || err instanceof SubmissionError) {
    return { status: 422, code: err.code, message: err.message };
  }
  return null;
}
