import type {
  CardStateJson,
  DeckCounts,
  ReviewResult,
  ReviewSubmission,
  StudyCard,
  StudySession,
} from "@/lib/api/study";
import { MAX_REVIEW_AGE_MS, MAX_RESPONSE_CHARS } from "@/lib/api/study";
import type { LearnerRecord } from "@/lib/data/learners";
import { recordReview, ReviewError, undoReview } from "@/lib/data/reviews";
import {
  countDeck,
  countNewCardsStudiedSince,
  getDueCards,
  getNewQuestions,
  listQuestionsAnsweredSince,
  type StudyQuestionRow,
} from "@/lib/data/study";
import { newCardState, scheduleReview, type CardState } from "@/lib/scheduling";
import { startOfDay } from "@/lib/study/calendar";
import { gradeAnswer, GradeError } from "@/lib/study/grade";
import { burySiblings } from "@/lib/study/siblings";
import type { Deck } from "./decks";

export const SESSION_SIZE = 50;
/** The schema's default daily new-card limit, shown to visitors who have not started yet. */
const DEFAULT_NEW_CARDS_PER_DAY = 20;
/** The schema's default desired retention, likewise. */
const DEFAULT_DESIRED_RETENTION = 0.9;
const QUESTION_TYPES = ["cloze", "multiple_choice", "flashcard", "true_false"] as const;

export type { Deck };

export async function getDeckCounts(learner: LearnerRecord | null, deck: Deck, now: Date): Promise<DeckCounts> {
  const allowance = learner ? await newAllowance(learner, now) : DEFAULT_NEW_CARDS_PER_DAY;
  const counts = await countDeck(learner?.id ?? null, deck.documentIds, now, allowance);
  return { new: Math.min(counts.unseen, allowance), learning: counts.learning, due: counts.due };
}

async function newAllowance(learner: LearnerRecord, now: Date): Promise<number> {
  const studied = await countNewCardsStudiedSince(learner.id, startOfDay(now, learner.timeZone));
  return Math.max(0, learner.newCardsPerDay - studied);
}

/**
 * Cards for one sitting: due learning and review cards first (oldest due
 * first), then new questions up to the daily limit. A note shows at most one
 * of its variants per day, in this session or an earlier one the same day
 * (sibling burying), and only one new question per source sentence is shown
 * in a session, so siblings don't give each other away.
 */
export async function buildStudySession(
  learner: LearnerRecord | null,
  deck: Deck,
  now: Date,
  visitorTimeZone = "UTC",
): Promise<StudySession> {
  // A visitor with no learner yet sees new cards only; the learner is created with their first answer.
  const answeredToday = learner ? await listQuestionsAnsweredSince(learner.id, startOfDay(now, learner.timeZone)) : [];
  // Fetch extra due cards: buried siblings drop out of the list.
  const dueRows = learner ? await getDueCards(learner.id, deck.documentIds, now, SESSION_SIZE * 2) : [];
  const due = burySiblings(dueRows, (r) => r.question, answeredToday).slice(0, SESSION_SIZE);
  const daily = learner ? await newAllowance(learner, now) : DEFAULT_NEW_CARDS_PER_DAY;
  const allowance = Math.min(daily, SESSION_SIZE - due.length);
  const seenSentences = new Set(due.map(({ question: q }) => `${q.documentId}:${q.sentenceIndex}`));
  const fresh: StudyQuestionRow[] = [];
  if (allowance > 0) {
    const candidates = await getNewQuestions(learner?.id ?? null, deck.documentIds, allowance * 8);
    const shown = [...answeredToday, ...due.map((d) => d.question)];
    for (const q of burySiblings(candidates, (c) => c, shown)) {
      const key = `${q.documentId}:${q.sentenceIndex}`;
      if (seenSentences.has(key)) continue;
      seenSentences.add(key);
      fresh.push(q);
      if (fresh.length >= allowance) break;
    }
  }
  const cards: StudyCard[] = [
    ...due.map(({ card, question }) => ({ cardId: card.id, question: toStudyQuestion(question), card: toJson(card) })),
    ...fresh.map((q) => ({ cardId: null, question: toStudyQuestion(q), card: toJson(newCardState(now)) })),
  ];
  return {
    deck: { id: deck.id, title: deck.title },
    learner: learner
      ? {
          desiredRetention: learner.desiredRetention,
          newCardsPerDay: learner.newCardsPerDay,
          timeZone: learner.timeZone,
        }
      : {
          desiredRetention: DEFAULT_DESIRED_RETENTION,
          newCardsPerDay: DEFAULT_NEW_CARDS_PER_DAY,
          timeZone: visitorTimeZone,
        },
    serverNow: now.toISOString(),
    counts: await getDeckCounts(learner, deck, now),
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
  const settings = { desiredRetention: learner.desiredRetention };
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
