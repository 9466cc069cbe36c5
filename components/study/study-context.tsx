"use client";

import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { ReviewQueueStore, ReviewQueueStoreState } from "@/lib/client/review-queue";
import type { StudyActions, StudySessionState, StudySessionStore } from "@/lib/client/study-session";

export interface StudyContextValue {
  session: StudySessionStore;
  queue: ReviewQueueStore;
  actions: StudyActions;
  deckId: string;
}

export const StudyContext = createContext<StudyContextValue | null>(null);

export function useStudy(): StudyContextValue {
  const value = useContext(StudyContext);
  if (!value) throw new Error("Study components must be rendered inside <StudyClient>.");
  return value;
}

export function useSession<T>(selector: (s: StudySessionState) => T): T {
  return useStore(useStudy().session, selector);
}

export function useQueue<T>(selector: (s: ReviewQueueStoreState) => T): T {
  return useStore(useStudy().queue, selector);
}
