import { cardFromJson, type Rating } from "@/lib/scheduling";
import { gradeAnswer } from "@/lib/study/grade";
import { type FetchLike, undoReview } from "./api-client";
import type { ReviewQueueStore } from "./review-queue";
import { canOverride } from "./session-model";
import { selectUndoEntry, type StudySessionStore } from "./study-session";

/** The two stores and the outside world a study command needs; tests pass fakes. */
export interface StudyDeps {
  session: StudySessionStore;
  queue: ReviewQueueStore;
  fetch: FetchLike;
  now: () => Date;
  newId: () => string;
}

/**
 * Grades the current card locally and queues the answer for the server. A flashcard
 * needs `rating`, every other type `response`. Returns the new review id, or null when
 * nothing was recorded (wrong kind of input, or the card was already answered).
 */
export function submitAnswer(
  deps: StudyDeps,
  input: { response?: string; rating?: Rating; override?: boolean; durationMs?: number },
): string | null {
  const state = deps.session.getState();
  const model = state.model;
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
  const record = state.answer(
    { reviewId, rating, verdict, correct, response: input.response, durationMs, overridden },
    now,
  );
  if (!record) return null;
  deps.queue.getState().add({
    reviewId,
    questionId: question.id,
    rating,
    answeredAt: record.answeredAt,
    durationMs,
    serverCardId: record.cardId,
    response: input.response,
    override: overridden || undefined,
  });
  void deps.queue.getState().drain();
  return reviewId;
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

/**
 * Takes back the last answer. Unsent answers leave the queue; saved ones are undone
 * on the server first, and the session only changes once the server agrees, so the
 * two never disagree about what was answered.
 */
export async function undoLastAnswer(deps: StudyDeps): Promise<UndoOutcome> {
  const entry = selectUndoEntry(deps.session.getState());
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
    deps.session.getState().undo(deps.now());
    return { kind: "local" };
  }
  const outcome = await undoReview(deps.fetch, entry.reviewId);
  if (outcome.kind === "undone") {
    deps.session.getState().undo(deps.now(), cardFromJson(outcome.card));
    return { kind: "server" };
  }
  const result: UndoOutcome =
    outcome.kind === "offline"
      ? { kind: "offline", message: UNDO_OFFLINE_MESSAGE }
      : { kind: "rejected", message: outcome.message };
  deps.session.getState().setNotice(result.message);
  return result;
}

/**
 * "I was right": the learner overrides the grader's "wrong" for a typed answer. The
 * rejected answer is taken back (locally, or on the server when already saved) and the
 * same response is answered again with the override, which the server grades as a pass
 * and logs as overridden. Same answer time as the original attempt.
 */
export async function overrideLastAnswer(deps: StudyDeps): Promise<string | null> {
  const model = deps.session.getState().model;
  const last = model?.lastAnswer;
  if (!model || !last || !canOverride(model)) return null;
  const undone = await undoLastAnswer(deps);
  if (undone.kind !== "local" && undone.kind !== "server") return null;
  return submitAnswer(deps, { response: last.response ?? "", override: true, durationMs: last.durationMs });
}
