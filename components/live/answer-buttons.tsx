"use client";

import { useEffect } from "react";
import type { QuestionSnapshot } from "@/lib/live/question-snapshot";
import { CHOICE_SHAPES, choiceClass } from "./choice-style";

type Props = {
  question: QuestionSnapshot;
  /** The choice this player picked (sent or being sent), if any. */
  chosen: number | null;
  disabled: boolean;
  onChoose(choiceIndex: number): void;
};

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select"));
}

/** Keys: 1–6 for the choices in order; T and F too on true/false questions. */
export function keyToChoice(key: string, question: QuestionSnapshot): number | null {
  if (question.type === "true_false") {
    const k = key.toLowerCase();
    if (k === "t") return 0;
    if (k === "f") return 1;
  }
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 && n <= question.choices.length ? n - 1 : null;
}

/** Big, thumb-sized answer buttons; one tap (or key) sends the answer. */
export function AnswerButtons({ question, chosen, disabled, onChoose }: Props) {
  useEffect(() => {
    if (disabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const choice = keyToChoice(e.key, question);
      if (choice === null) return;
      e.preventDefault();
      onChoose(choice);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [disabled, onChoose, question]);

  const tf = question.type === "true_false";
  return (
    <div className={`live-answers${tf ? " tf" : ""}`} role="group" aria-label="Answers">
      {question.choices.map((choice, i) => {
        const key = tf ? (i === 0 ? "T" : "F") : String(i + 1);
        return (
          <button
            key={i}
            type="button"
            className={`live-answer ${choiceClass(i, tf)}${chosen === i ? " chosen" : ""}`}
            disabled={disabled}
            aria-pressed={chosen === i}
            aria-keyshortcuts={tf ? `${key} ${i + 1}` : key}
            onClick={() => onChoose(i)}
          >
            <span className="shape" aria-hidden="true">
              {CHOICE_SHAPES[i]}
            </span>
            <span className="text">{choice}</span>
            <span className="key" aria-hidden="true">
              {key}
            </span>
          </button>
        );
      })}
    </div>
  );
}
