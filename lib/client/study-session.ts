import { createStore, type StoreApi } from "zustand/vanilla";
import type { StudySession } from "@/lib/api/study-contract";
import type { CardState } from "@/lib/scheduling";
import * as session from "./session-model";
import type { AnswerInput, AnswerRecord, SessionModel, UndoEntry } from "./session-model";

export type LoadStatus = "loading" | "ready" | "error";

export interface StudySessionState {
  status: LoadStatus;
  loadError: string | null;
  model: SessionModel | null;
  /** A message about undo (e.g. it needs a connection), shown until the next action. */
  notice: string | null;
  loaded(data: StudySession, now: Date, skipQuestionIds?: ReadonlySet<string>): void;
  /** A session saved before a reload, picked up where it was. */
  resumed(model: SessionModel, now: Date): void;
  failed(message: string): void;
  reveal(): void;
  answer(input: AnswerInput, now: Date): AnswerRecord | null;
  advance(now: Date): void;
  undo(now: Date, restoredState?: CardState): void;
  setCardId(questionId: string, cardId: string): void;
  setNotice(notice: string | null): void;
}

export type StudySessionStore = StoreApi<StudySessionState>;

export function createStudySessionStore(): StudySessionStore {
  return createStore<StudySessionState>()((set, get) => {
    const update = (fn: (m: SessionModel) => SessionModel) => {
      const model = get().model;
      if (model) set({ model: fn(model) });
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
      reveal: () => update(session.reveal),
      answer: (input, now) => {
        const model = get().model;
        const result = model ? session.answer(model, input, now) : null;
        if (!result) return null;
        set({ model: result.model, notice: null });
        return result.record;
      },
      advance: (now) => update((m) => session.advance(m, now)),
      undo: (now, restoredState) => {
        update((m) => session.undo(m, now, restoredState));
        set({ notice: null });
      },
      setCardId: (questionId, cardId) => update((m) => session.setCardId(m, questionId, cardId)),
      setNotice: (notice) => set({ notice }),
    };
  });
}

// Selectors: components subscribe to the smallest slice they render.
export const selectCanUndo = (s: StudySessionState): boolean => (s.model?.undoStack.length ?? 0) > 0;
export const selectUndoEntry = (s: StudySessionState): UndoEntry | null => (s.model ? session.peekUndo(s.model) : null);
