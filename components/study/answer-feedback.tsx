"use client";

import { formatInterval } from "@/lib/scheduling";
import { RATING_LABELS } from "@/lib/client/session-summary";
import type { AnswerRecord, SessionCard } from "@/lib/client/session-model";
import { QuestionExtras } from "../question-extras";
import { SourceLink } from "./source-link";
import { useStudy } from "./study-context";

const canMarkRight = (record: AnswerRecord) => record.questionType === "cloze" && !record.correct;

export function verdictText(record: AnswerRecord, expected: string): string {
  if (record.overridden) return `You marked this right. Expected answer: ${expected}`;
  if (record.verdict === "exact") return "Correct.";
  if (record.verdict === "close") return `Accepted — exact answer: ${expected}`;
  return `Not quite. The answer is: ${expected}`;
}

function shownAnswer(card: SessionCard): string {
  const q = card.question;
  return q.type === "true_false" ? (q.statementIsTrue ? "True" : "False") : q.answer;
}

/** The result of an auto-graded answer, its source, and the way on. */
export function AnswerFeedback({ card, record }: { card: SessionCard; record: AnswerRecord }) {
  const { actions } = useStudy();
  const given = record.response?.trim() ? record.response : "(no answer)";
  const next = formatInterval(new Date(record.answeredAt), new Date(record.nextDue));
  return (
    <div className={`feedback ${record.correct ? "feedback-right" : "feedback-wrong"}`}>
      <p className="feedback-verdict">{verdictText(record, shownAnswer(card))}</p>
      {record.verdict !== "exact" && (
        <p className="meta">
          Your answer:{" "}
          <span className="given">
            {card.question.type === "true_false" ? given.replace(/^./, (c) => c.toUpperCase()) : given}
          </span>
        </p>
      )}
      <p className="meta">
        Rated {RATING_LABELS[record.rating]} · {record.requeued ? "comes back this session" : `next review in ${next}`}
      </p>
      <QuestionExtras
        tags={card.question.tags}
        explanation={card.question.explanation}
        documentId={card.question.documentId}
      />
      <SourceLink question={card.question} />
      <p className="feedback-actions">
        <button type="button" className="button" onClick={() => actions.next()} aria-keyshortcuts="Enter Space">
          Continue <kbd aria-hidden="true">Enter</kbd>
        </button>
        {canMarkRight(record) && (
          <button
            type="button"
            className="button secondary"
            onClick={() => void actions.override()}
            aria-keyshortcuts="R"
          >
            I was right <kbd aria-hidden="true">R</kbd>
          </button>
        )}
      </p>
    </div>
  );
}
