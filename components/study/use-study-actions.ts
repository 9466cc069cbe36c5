"use client";

import { useMemo, useRef } from "react";
import type { Rating } from "@/lib/scheduling";
import type { ReviewQueueStore } from "@/lib/client/review-queue";
import { newReviewId } from "@/lib/client/review-id";
import { overrideLastAnswer, type StudyDeps, submitAnswer, undoLastAnswer } from "@/lib/client/study-commands";
import type { StudySessionStore } from "@/lib/client/study-session";

export interface StudyActions {
  reveal(): void;
  /** Auto-graded answer: the chosen choice, "true"/"false", or the typed text. */
  respond(response: string): void;
  /** Flashcard self-grade. */
  grade(rating: Rating): void;
  next(): void;
  undo(): Promise<void>;
  /** "I was right": a rejected typed answer is marked right by the learner. */
  override(): Promise<void>;
}

export function useStudyActions(session: StudySessionStore, queue: ReviewQueueStore): StudyActions {
  const undoing = useRef(false);
  return useMemo(() => {
    const deps: StudyDeps = {
      session,
      queue,
      fetch: (input, init) => fetch(input, init),
      now: () => new Date(),
      newId: newReviewId,
    };
    return {
      reveal: () => session.getState().reveal(),
      respond: (response) => void submitAnswer(deps, { response }),
      grade: (rating) => void submitAnswer(deps, { rating }),
      next: () => session.getState().advance(new Date()),
      undo: async () => {
        // One undo at a time: a second Ctrl+Z waits for the server's answer to the first.
        if (undoing.current) return;
        undoing.current = true;
        try {
          await undoLastAnswer(deps);
        } finally {
          undoing.current = false;
        }
      },
      override: async () => {
        if (undoing.current) return;
        undoing.current = true;
        try {
          await overrideLastAnswer(deps);
        } finally {
          undoing.current = false;
        }
      },
    };
  }, [session, queue]);
}
