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
import { parseTags } from "@/lib/data/question-tags";
import { recordReview, ReviewError, undoReview } from "@/lib/data/reviews";
import {
  countDeck,
  countNewCardsStudiedSince,
  getDueCards,
  getNewQuestions,
  type StudyQuestionRow,
} from "@/lib/data/study";
import { newCardState, scheduleReview, type CardState } from "@/lib/scheduling";
import { startOfDay } from "@/lib/study/calendar";
import { gradeAnswer, GradeError } from "@/lib/study/grade";

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

export async function getDeckCounts(learner: LearnerRecord | null, deck: Deck, now: Date): Promise<DeckCounts> {
  const allowance = learner ? await newAllowance(learner, now) : DEFAULT_NEW_CARDS_PER_DAY;
  const counts = await countDeck(learner?.id ?? null, deck.documentId, now, allowance);
  return { new: Math.min(counts.unseen, allowance), learning: counts.learning, due: counts.due };
}

async function newAllowance(learner: LearnerRecord, now: Date): Promise<number> {
  const studied = await countNewCardsStudiedSince(learner.id, startOfDay(now, learner.timeZone));
  return Math.max(0, learner.newCardsPerDay - studied);
}

/**
 * Cards for one sitting: due learning and review cards first (oldest due
 * first), then new questions up to the daily limit. Only one new question per
 * source sentence is shown in a session, so siblings don't give each other away.
 */
export async function buildStudySession(learner: LearnerRecord, deck: Deck, now: Date): Promise<StudySession> {
  const due = await getDueCards(learner.id, deck.documentId, now, SESSION_SIZE);
  const allowance = Math.min(await newAllowance(learner, now), SESSION_SIZE - due.length);
  const seenSentences = new Set(due.map(({ question: q }) => `${q.documentId}:${q.sentenceIndex}`));
  const fresh: StudyQuestionRow[] = [];
  if (allowance > 0) {
    for (const q of await getNewQuestions(learner.id, deck.documentId, allowance * 8)) {
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
    learner: {
      desiredRetention: learner.desiredRetention,
      newCardsPerDay: learner.newCardsPerDay,
      timeZone: learner.timeZone,
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
    ...(q.tags ? { tags: parseTags(q.tags) } : {}),
    ...(q.explanation ? { explanation: q.explanation } : {}),
    ...(q.tolerance ? { tolerance: q.tolerance } : {}),
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
