"use client";

import { formatInterval } from "@/lib/scheduling";
import { RATING_LABELS } from "@/lib/client/session-summary";
import { verdictText } from "./answer-feedback";
import { useSession } from "./study-context";

/** Reads each result out politely; the count keeps two equal results from sounding like one. */
export function ResultAnnouncer() {
  const record = useSession((s) => s.model?.lastAnswer ?? null);
  const count = useSession((s) => s.model?.results.length ?? 0);
  const expected = useSession((s) => {
    const q = s.model?.lastAnswer ? s.model.undoStack.at(-1)?.before.current?.question : undefined;
    if (!q) return "";
    return q.type === "true_false" ? (q.statementIsTrue ? "True" : "False") : q.answer;
  });
  let text = "";
  if (record) {
    const next = record.requeued
      ? "It comes back this session."
      : `Next review in ${formatInterval(new Date(record.answeredAt), new Date(record.nextDue))}.`;
    const result =
      record.questionType === "flashcard" ? `Rated ${RATING_LABELS[record.rating]}.` : verdictText(record, expected);
    text = `Answer ${count}: ${result} ${next}`;
  }
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
