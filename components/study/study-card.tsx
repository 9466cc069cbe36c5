"use client";

import { useEffect, useRef } from "react";
import { AnswerFeedback } from "./answer-feedback";
import { ChoiceAnswer } from "./choice-answer";
import { ClozeAnswer } from "./cloze-answer";
import { FlashcardAnswer } from "./flashcard-answer";
import { QuestionPrompt } from "./question-prompt";
import { useSession } from "./study-context";

/** The current card in whichever phase it is in. */
export function StudyCard() {
  const card = useSession((s) => s.model?.current ?? null);
  const phase = useSession((s) => s.model?.phase ?? null);
  const lastAnswer = useSession((s) => s.model?.lastAnswer ?? null);
  const ref = useRef<HTMLElement>(null);
  const questionId = card?.question.id;
  const type = card?.question.type;

  // Each new screen takes focus, so shortcuts work at once and screen readers read it;
  // a cloze question gives focus to its text field instead.
  useEffect(() => {
    if (phase === "question" && type === "cloze") return;
    ref.current?.focus({ preventScroll: false });
  }, [questionId, phase, type, lastAnswer]);

  if (!card || !phase || phase === "done") return null;
  const promptId = `prompt-${card.question.id}`;
  const answered = phase === "answered" && lastAnswer?.questionId === card.question.id;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="card study-card"
      aria-labelledby={promptId}
      data-question-id={card.question.id}
      data-question-type={card.question.type}
      data-phase={phase}
    >
      <QuestionPrompt question={card.question} id={promptId} />
      {answered ? (
        <AnswerFeedback card={card} record={lastAnswer} />
      ) : card.question.type === "flashcard" ? (
        <FlashcardAnswer card={card} revealed={phase === "revealed"} />
      ) : card.question.type === "cloze" ? (
        <ClozeAnswer key={`${card.question.id}-${lastAnswer?.reviewId ?? ""}`} promptId={promptId} />
      ) : (
        <ChoiceAnswer question={card.question} />
      )}
    </section>
  );
}
