"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useStore } from "zustand";
import type { ReviewResult } from "@/lib/api/study-contract";
import { loadSession } from "@/lib/client/api-client";
import { newReviewId } from "@/lib/client/review-id";
import { getReviewQueueStore } from "@/lib/client/review-queue-instance";
import { loadSavedSession, saveSession } from "@/lib/client/session-resume";
import { createStudySessionStore, selectCanUndo, type StudyActions } from "@/lib/client/study-session";
import { KeyLegend } from "./key-legend";
import { ResultAnnouncer } from "./result-announcer";
import { SaveStatus } from "./save-status";
import { SessionProgress } from "./session-progress";
import { SessionSummary } from "./session-summary";
import { StudyCard } from "./study-card";
import { StudyContext, type StudyContextValue } from "./study-context";
import { useQueueSync } from "./use-queue-sync";
import { useStudyKeys } from "./use-study-keys";

function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The study session for one deck: loads it, runs it, and keeps every answer until saved. */
export function StudyClient({ deckId }: { deckId: string }) {
  const queue = getReviewQueueStore();
  const [session] = useState(() =>
    createStudySessionStore({
      queue,
      fetch: (input, init) => fetch(input, init),
      now: () => new Date(),
      newId: newReviewId,
    }),
  );
  // The store's commands never change, so neither does this object.
  const actions = useMemo<StudyActions>(() => {
    const { reveal, respond, grade, next, undo, override } = session.getState();
    return { reveal, respond, grade, next, undo, override };
  }, [session]);
  const [attempt, setAttempt] = useState(0);
  useStudyKeys(session);

  // A question answered for the first time gets its card id from the server's reply.
  const onSaved = useCallback(
    (result: ReviewResult) => {
      const record = session.getState().model?.results.find((r) => r.reviewId === result.reviewId);
      if (record) session.getState().setCardId(record.questionId, result.cardId);
    },
    [session],
  );
  const online = useQueueSync(queue, onSaved);

  // Keep the running session in this tab's storage, so a reload resumes it.
  useEffect(
    () =>
      session.subscribe((s, prev) => {
        if (s.model && s.model !== prev.model) saveSession(tabStorage(), deckId, s.model, new Date());
      }),
    [session, deckId],
  );

  useEffect(() => {
    let cancelled = false;
    const saved = attempt === 0 ? loadSavedSession(tabStorage(), deckId, new Date()) : null;
    if (saved) {
      session.getState().resumed(saved, new Date());
      return;
    }
    void loadSession((input, init) => fetch(input, init), deckId, timeZone()).then((loaded) => {
      if (cancelled) return;
      if (loaded.kind === "ok") {
        const waiting = new Set(queue.getState().items.map((i) => i.questionId));
        session.getState().loaded(loaded.session, new Date(), waiting);
      } else session.getState().failed(loaded.message);
    });
    return () => {
      cancelled = true;
    };
  }, [session, queue, deckId, attempt]);

  const status = useStore(session, (s) => s.status);
  const loadError = useStore(session, (s) => s.loadError);
  const title = useStore(session, (s) => s.model?.deck.title);
  const phase = useStore(session, (s) => s.model?.phase ?? null);
  const type = useStore(session, (s) => s.model?.current?.question.type ?? null);
  const canUndo = useStore(session, selectCanUndo);
  const notice = useStore(session, (s) => s.notice);
  const context = useMemo<StudyContextValue>(
    () => ({ session, queue, actions, deckId }),
    [session, queue, actions, deckId],
  );

  return (
    <StudyContext.Provider value={context}>
      <div className="study">
        <p className="study-back">
          <Link href={`/decks/${encodeURIComponent(deckId)}`}>← Deck</Link>
        </p>
        <h1>{title ? `Study: ${title}` : "Study"}</h1>
        {status === "ready" && <SessionProgress />}
        <SaveStatus online={online} />
        {status === "loading" && <p className="muted">Loading your cards…</p>}
        {status === "error" && (
          <div className="notice" role="alert">
            <p>{loadError}</p>
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </div>
        )}
        {status === "ready" && (phase === "done" ? <SessionSummary /> : <StudyCard />)}
        {notice && (
          <p className="notice" role="alert">
            {notice}
          </p>
        )}
        {status === "ready" && (
          <div className="study-tools">
            <button
              type="button"
              className="button secondary"
              onClick={() => void actions.undo()}
              disabled={!canUndo}
              aria-keyshortcuts="Control+Z Meta+Z"
            >
              Undo last answer
            </button>
            {type && phase && phase !== "done" && <KeyLegend type={type} phase={phase} />}
          </div>
        )}
        <ResultAnnouncer />
      </div>
    </StudyContext.Provider>
  );
}
