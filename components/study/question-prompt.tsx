"use client";

import type { StudyQuestion } from "@/lib/api/study-contract";
import { TextWithImages } from "../question-extras";

const BLANK = /_{3,}/;

const TYPE_LABELS: Record<StudyQuestion["type"], string> = {
  cloze: "Fill in the blank",
  multiple_choice: "Multiple choice",
  flashcard: "Flashcard",
  true_false: "True or false?",
};

/** The question text; a cloze blank is drawn as a line and read out as "blank". */
export function QuestionPrompt({ question, id }: { question: StudyQuestion; id: string }) {
  const parts = question.type === "flashcard" && !BLANK.test(question.prompt) ? null : question.prompt.split(BLANK);
  return (
    <>
      <p className="study-type meta">{TYPE_LABELS[question.type]}</p>
      <p className="study-prompt" id={id}>
        {parts ? (
          parts.map((part, i) => (
            <span key={i}>
              {i > 0 && (
                <span className="blank">
                  <span className="visually-hidden">blank</span>
                </span>
              )}
              <TextWithImages text={part} documentId={question.documentId} />
            </span>
          ))
        ) : (
          <TextWithImages text={question.prompt} documentId={question.documentId} />
        )}
      </p>
    </>
  );
}
