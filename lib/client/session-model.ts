import type { StudyQuestion, StudySession } from "@/lib/api/study-contract";
import { cardFromJson, type CardState, type Rating, type SchedulerSettings, scheduleReview } from "@/lib/scheduling";
import type { AnswerVerdict } from "@/lib/study/answer-match";

/**
 * The study session as plain immutable data, with pure transitions. The Zustand
 * store only holds one of these, so every rule here is testable without a browser.
 */

/** A card due again within this window (learning steps, "again") comes back in the same session. */
export const REQUEUE_WINDOW_MS = 10 * 60_000;
/** How many answers can be undone in a row. */
export const UNDO_DEPTH = 20;

export interface SessionCard {
  question: StudyQuestion;
  cardId: string | null;
  state: CardState;
}

export type Phase = "question" | "revealed" | "answered" | "done";

export interface AnswerInput {
  reviewId: string;
  rating: Rating;
  verdict: AnswerVerdict;
  correct: boolean;
  /** What the learner chose or typed; absent for flashcards. */
  response?: string;
  durationMs: number;
  /** The learner marked a typed answer the grader rejected as right. */
  overridden?: boolean;
}

export interface AnswerRecord extends AnswerInput {
  questionId: string;
  questionType: StudyQuestion["type"];
  cardId: string | null;
  answeredAt: string;
  /** The locally scheduled next due date (the server computes the same). */
  nextDue: string;
  requeued: boolean;
}

/** The part of the session an answer changes; undo restores a snapshot of it. */
export interface Progress {
  current: SessionCard | null;
  /** Cards not shown yet, in the server's order. */
  pending: SessionCard[];
  /** Cards answered this session that come back, soonest due first. */
  learning: SessionCard[];
  /** Cards answered and not coming back this session. */
  finished: number;
  results: AnswerRecord[];
}

export interface UndoEntry {
  reviewId: string;
  questionId: string;
  before: Progress;
}

export interface SessionModel extends Progress {
  deck: StudySession["deck"];
  settings: SchedulerSettings;
  /** Distinct cards in the session; the progress bar runs from 0 to this. */
  total: number;
  phase: Phase;
  /** Epoch ms when the current question appeared, for answer durations. */
  shownAt: number;
  lastAnswer: AnswerRecord | null;
  undoStack: UndoEntry[];
  startedAt: number;
  endedAt: number | null;
}

/**
 * Which card comes next: a learning card whose step is over, else the next unseen card,
 * else the soonest learning card, shown early rather than making the learner wait.
 */
function pickNext(pending: SessionCard[], learning: SessionCard[], now: Date) {
  const [firstLearning, ...restLearning] = learning;
  if (firstLearning && firstLearning.state.due.getTime() <= now.getTime()) {
    return { current: firstLearning, pending, learning: restLearning };
  }
  const [firstPending, ...restPending] = pending;
  if (firstPending) return { current: firstPending, pending: restPending, learning };
  // Nothing new left: show the next learning card early rather than make the learner wait.
  if (firstLearning) return { current: firstLearning, pending, learning: restLearning };
  return { current: null, pending, learning };
}

function insertByDue(learning: SessionCard[], card: SessionCard): SessionCard[] {
  const at = learning.findIndex((c) => c.state.due.getTime() > card.state.due.getTime());
  return at === -1 ? [...learning, card] : [...learning.slice(0, at), card, ...learning.slice(at)];
}

function moveOn(model: SessionModel, now: Date): SessionModel {
  const next = pickNext(model.pending, model.learning, now);
  const done = next.current === null;
  return {
    ...model,
    ...next,
    phase: done ? "done" : "question",
    shownAt: now.getTime(),
    endedAt: done ? now.getTime() : null,
  };
}

/**
 * `skipQuestionIds`: questions with an answer still waiting in the queue (e.g. after an
 * offline reload); the server does not know about it yet, so it would offer them again.
 */
export function startSession(
  session: StudySession,
  now: Date,
  skipQuestionIds: ReadonlySet<string> = new Set(),
): SessionModel {
  const pending = session.cards
    .filter((c) => !skipQuestionIds.has(c.question.id))
    .map((c) => ({ question: c.question, cardId: c.cardId, state: cardFromJson(c.card) }));
  const empty: SessionModel = {
    deck: session.deck,
    settings: { desiredRetention: session.learner.desiredRetention, weights: session.learner.fsrsWeights },
    total: pending.length,
    current: null,
    pending,
    learning: [],
    finished: 0,
    results: [],
    phase: "question",
    shownAt: now.getTime(),
    lastAnswer: null,
    undoStack: [],
    startedAt: now.getTime(),
    endedAt: null,
  };
  return moveOn(empty, now);
}

/** Flashcards only: show the answer side. */
export function reveal(model: SessionModel): SessionModel {
  if (model.phase !== "question" || model.current?.question.type !== "flashcard") return model;
  return { ...model, phase: "revealed" };
}

/** Whether an answer is accepted now; a second key press on the same card is not. */
export function canAnswer(model: SessionModel): boolean {
  const type = model.current?.question.type;
  if (!type) return false;
  return type === "flashcard" ? model.phase === "revealed" : model.phase === "question";
}

/**
 * Records an answer and schedules the card locally. Flashcards move straight on
 * (their revealed side was the feedback); other types stay on an "answered" screen.
 * Returns null when the answer is not accepted, so double submits change nothing.
 */
export function answer(
  model: SessionModel,
  input: AnswerInput,
  now: Date,
): { model: SessionModel; record: AnswerRecord } | null {
  const card = model.current;
  if (!card || !canAnswer(model)) return null;
  const next = scheduleReview(card.state, input.rating, now, model.settings).card;
  const soon = next.due.getTime() - now.getTime() <= REQUEUE_WINDOW_MS;
  const requeued = input.rating === "again" || ((next.state === "learning" || next.state === "relearning") && soon);
  const record: AnswerRecord = {
    ...input,
    questionId: card.question.id,
    questionType: card.question.type,
    cardId: card.cardId,
    answeredAt: now.toISOString(),
    nextDue: next.due.toISOString(),
    requeued,
  };
  const before: Progress = {
    current: card,
    pending: model.pending,
    learning: model.learning,
    finished: model.finished,
    results: model.results,
  };
  const undoStack = [...model.undoStack, { reviewId: input.reviewId, questionId: card.question.id, before }].slice(
    -UNDO_DEPTH,
  );
  const answered: SessionModel = {
    ...model,
    learning: requeued ? insertByDue(model.learning, { ...card, state: next }) : model.learning,
    finished: requeued ? model.finished : model.finished + 1,
    results: [...model.results, record],
    lastAnswer: record,
    undoStack,
    phase: "answered",
  };
  return { model: card.question.type === "flashcard" ? moveOn(answered, now) : answered, record };
}

/** Whether the answer on screen can be marked right by the learner: a typed answer the grader rejected. */
export function canOverride(model: SessionModel): boolean {
  const last = model.lastAnswer;
  return (
    model.phase === "answered" && last !== null && last.questionType === "cloze" && !last.correct && !last.overridden
  );
}

/** From the answered screen to the next card. */
export function advance(model: SessionModel, now: Date): SessionModel {
  return model.phase === "answered" ? moveOn(model, now) : model;
}

export function peekUndo(model: SessionModel): UndoEntry | null {
  return model.undoStack.at(-1) ?? null;
}

/**
 * Puts the last answered card back as the current question, with the state it had
 * before (or the server's copy of it, when the server undid a stored review).
 */
export function undo(model: SessionModel, now: Date, restoredState?: CardState): SessionModel {
  const entry = peekUndo(model);
  if (!entry || !entry.before.current) return model;
  const current = restoredState ? { ...entry.before.current, state: restoredState } : entry.before.current;
  return {
    ...model,
    ...entry.before,
    current,
    undoStack: model.undoStack.slice(0, -1),
    phase: "question",
    shownAt: now.getTime(),
    lastAnswer: null,
    endedAt: null,
  };
}

/** Remembers the server's card id for a question answered for the first time. */
export function setCardId(model: SessionModel, questionId: string, cardId: string): SessionModel {
  const fix = (c: SessionCard) => (c.question.id === questionId && c.cardId === null ? { ...c, cardId } : c);
  return {
    ...model,
    current: model.current ? fix(model.current) : null,
    pending: model.pending.map(fix),
    learning: model.learning.map(fix),
  };
}
