"use client";

import { type MouseEvent, useMemo } from "react";
import { previewIntervals, RATINGS, type Rating } from "@/lib/scheduling";
import { RATING_LABELS } from "@/lib/client/session-summary";
import { QuestionExtras, TextWithImages } from "../question-extras";
import type { SessionCard } from "@/lib/client/session-model";
import { SourceLink } from "./source-link";
import { useSession, useStudy } from "./study-context";

/** Front: a "Show answer" button. Back: the answer, its source and the four grades with their next intervals. */
export function FlashcardAnswer({ card, revealed }: { card: SessionCard; revealed: boolean }) {
  const { actions } = useStudy();
  const settings = useSession((s) => s.model?.settings);
  // Intervals are previewed from the moment the answer is shown, as Anki does.
  const intervals = useMemo(
    () => (revealed && settings ? previewIntervals(card.state, new Date(), settings) : null),
    [revealed, card.state, settings],
  );
  if (!revealed || !intervals) {
    return (
      <p>
        <button type="button" className="button" onClick={() => actions.reveal()} aria-keyshortcuts="Space Enter">
          Show answer <kbd aria-hidden="true">Space</kbd>
        </button>
      </p>
    );
  }
  const grade = (rating: Rating) => (e: MouseEvent) => {
    if (e.detail <= 1) actions.grade(rating);
  };
  return (
    <>
      <p className="study-answer">
        <span className="meta">Answer: </span>
        <strong>
          <TextWithImages text={card.question.answer} documentId={card.question.documentId} />
        </strong>
      </p>
      <QuestionExtras
        tags={card.question.tags}
        explanation={card.question.explanation}
        documentId={card.question.documentId}
      />
      <SourceLink question={card.question} />
      <ul className="grade-list" aria-label="How well did you remember?">
        {RATINGS.map((rating, i) => (
          <li key={rating}>
            <button
              type="button"
              className={`grade grade-${rating}`}
              onClick={grade(rating)}
              aria-keyshortcuts={String(i + 1)}
              aria-label={`${RATING_LABELS[rating]}, next review in ${intervals[rating].label}`}
            >
              <span className="grade-interval" aria-hidden="true">
                {intervals[rating].label}
              </span>
              <span>{RATING_LABELS[rating]}</span>
              <kbd aria-hidden="true">{i + 1}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
