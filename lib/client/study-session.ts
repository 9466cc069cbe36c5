import { createStore, type StoreApi } from "zustand/vanilla";
import type { StudySession } from "@/lib/api/study-contract";
import { cardFromJson, type CardState, type Rating } from "@/lib/scheduling";
import { gradeAnswer } from "@/lib/study/grade";
import { type FetchLike, undoReview } from "./api-client";
import type { ReviewQueueStore } from "./review-queue";
import * as session from "./session-model";
import type { SessionModel, UndoEntry } from "./session-model";

/**
 * The running study session: one SessionModel (pure rules in session-model.ts) and
 * the commands a key press or a button runs on it. An answer is graded here, applied
 * to the model and handed to the answer queue in one step.
 */

export type LoadStatus = "loading" | "ready" | "error";

/** The answer queue and the outside world the commands need; tests pass fakes. */
export interface StudyDeps {
  queue: ReviewQueueStore;
  fetch: FetchLike;
  now: () => Date;
  newId: () => string;
}

export type UndoOutcome =
  | { kind: "nothing" }
  /** The answer never reached the server; it was simply taken back. */
  | { kind: "local" }
  | { kind: "server" }
  | { kind: "offline"; message: string }
  | { kind: "rejected"; message: string };

export const UNDO_OFFLINE_MESSAGE =
  "Undo needs a connection: this answer is already saved. Try again when you are back online.";

/** What the keys and the buttons call. Each returns the new review id, or null when nothing was recorded. */
export interface StudyActions {
  reveal(): void;
  /** Auto-graded answer: the chosen choice, "true"/"false", or the typed text. */
  respond(response: string): string | null;
  /** Flashcard self-grade. */
  grade(rating: Rating): string | null;
  next(): void;
  /** Takes back the last answer; one undo at a time. */
  undo(): Promise<UndoOutcome>;
  /** "I was right": a rejected typed answer is marked right by the learner. */
  override(): Promise<string | null>;
}

export interface StudySessionState extends StudyActions {
  status: LoadStatus;
  loadError: string | null;
  model: SessionModel | null;
  /** A message about undo (e.g. it needs a connection), shown until the next action. */
  notice: string | null;
  loaded(data: StudySession, now: Date, skipQuestionIds?: ReadonlySet<string>): void;
  /** A session saved before a reload, picked up where it was. */
  resumed(model: SessionModel, now: Date): void;
  failed(message: string): void;
  setCardId(questionId: string, cardId: string): void;
}

export type StudySessionStore = StoreApi<StudySessionState>;

type AnswerInput = { response?: string; rating?: Rating; override?: boolean; durationMs?: number };

export function createStudySessionStore(deps: StudyDeps): StudySessionStore {
  return createStore<StudySessionState>()((set, get) => {
    const update = (fn: (m: SessionModel) => SessionModel) => {
      const model = get().model;
      if (model) set({ model: fn(model) });
    };
    let undoing = false;

    /**
     * Grades the current card locally and queues the answer for the server. A flashcard
     * needs `rating`, every other type `response`. Null when nothing was recorded (wrong
     * kind of input, or the card was already answered).
     */
    const submit = (input: AnswerInput): string | null => {
      const model = get().model;
      const question = model?.current?.question;
      if (!model || !question) return null;
      if ((input.rating !== undefined) !== (question.type === "flashcard")) return null;
      const now = deps.now();
      const durationMs = input.durationMs ?? Math.max(0, now.getTime() - model.shownAt);
      let grade;
      try {
        grade = gradeAnswer(question, { ...input, durationMs });
      } catch {
        return null; // a choice question with no choice
      }
      const reviewId = deps.newId();
      const { rating, verdict, correct, overridden } = grade;
      const answered = session.answer(
        model,
        { reviewId, rating, verdict, correct, response: input.response, durationMs, overridden },
        now,
      );
      if (!answered) return null;
      set({ model: answered.model, notice: null });
      const queue = deps.queue.getState();
      queue.add({
        reviewId,
        questionId: question.id,
        rating,
        answeredAt: answered.record.answeredAt,
        durationMs,
        serverCardId: answered.record.cardId,
        response: input.response,
        override: overridden || undefined,
      });
      void queue.drain();
      return reviewId;
    };

    const takeBack = (restoredState?: CardState) => {
      update((m) => session.undo(m, deps.now(), restoredState));
      set({ notice: null });
    };

    /**
     * Unsent answers leave the queue; saved ones are undone on the server first, and the
     * session only changes once the server agrees, so the two never disagree about what
     * was answered.
     */
    const undoLast = async (): Promise<UndoOutcome> => {
      const entry = selectUndoEntry(get());
      if (!entry) return { kind: "nothing" };
      const queue = deps.queue.getState;
      let removed = queue().remove(entry.reviewId);
      if (removed === "sending") {
        await queue().idle();
        removed = queue().remove(entry.reviewId);
      }
      const dropped = queue().dropped.some((d) => d.review.reviewId === entry.reviewId);
      if (removed === "removed" || dropped) {
        if (dropped) queue().dismissDropped([entry.reviewId]);
        takeBack();
        return { kind: "local" };
      }
      const outcome = await undoReview(deps.fetch, entry.reviewId);
      if (outcome.kind === "undone") {
        takeBack(cardFromJson(outcome.card));
        return { kind: "server" };
      }
      const result: UndoOutcome =
        outcome.kind === "offline"
          ? { kind: "offline", message: UNDO_OFFLINE_MESSAGE }
          : { kind: "rejected", message: outcome.message };
      set({ notice: result.message });
      return result;
    };

    /**
     * The rejected answer is taken back (locally, or on the server when already saved)
     * and the same response is answered again with the override, which the server grades
     * as a pass and logs as overridden. Same answer time as the original attempt.
     */
    const overrideLast = async (): Promise<string | null> => {
      const model = get().model;
      const last = model?.lastAnswer;
      if (!model || !last || !session.canOverride(model)) return null;
      const undone = await undoLast();
      if (undone.kind !== "local" && undone.kind !== "server") return null;
      return submit({ response: last.response ?? "", override: true, durationMs: last.durationMs });
    };

    /** One undo at a time: a second Ctrl+Z waits for the server's answer to the first. */
    const exclusive =
      <T>(run: () => Promise<T>, busy: T) =>
      async (): Promise<T> => {
        if (undoing) return busy;
        undoing = true;
        try {
          return await run();
        } finally {
          undoing = false;
        }
      };

    return {
      status: "loading",
      loadError: null,
      model: null,
      notice: null,
      loaded: (data, now, skip) =>
        set({ status: "ready", loadError: null, model: session.startSession(data, now, skip) }),
      resumed: (model, now) =>
        // The card on screen restarts its answer clock: the time away is not answering time.
        set({ status: "ready", loadError: null, model: { ...model, shownAt: now.getTime() } }),
      failed: (message) => set({ status: "error", loadError: message }),
      setCardId: (questionId, cardId) => update((m) => session.setCardId(m, questionId, cardId)),
      reveal: () => update(session.reveal),
      respond: (response) => submit({ response }),
      grade: (rating) => submit({ rating }),
      next: () => update((m) => session.advance(m, deps.now())),
      undo: exclusive(undoLast, { kind: "nothing" }),
      override: exclusive(overrideLast, null),
    };
  });
}

// Selectors: components subscribe to the smallest slice they render.
export const selectCanUndo = (s: StudySessionState): boolean => (s.model?.undoStack.length ?? 0) > 0;
const selectUndoEntry = (s: StudySessionState): UndoEntry | null => (s.model ? session.peekUndo(s.model) : null);
