"use client";

import type { MouseEvent } from "react";
import type { StudyQuestion } from "@/lib/api/study-contract";
import { useStudy } from "./study-context";

/** Multiple choice (keys 1–4) and true/false (keys T and F). */
export function ChoiceAnswer({ question }: { question: StudyQuestion }) {
  const { actions } = useStudy();
  const options =
    question.type === "true_false"
      ? [
          { key: "T", label: "True", response: "true" },
          { key: "F", label: "False", response: "false" },
        ]
      : (question.choices ?? []).map((choice, i) => ({ key: String(i + 1), label: choice, response: choice }));
  // The second click of a double click must not answer the next question.
  const pick = (response: string) => (e: MouseEvent) => {
    if (e.detail > 1) return;
    actions.respond(response);
  };
  return (
    <ul className="choice-list" aria-label="Answers">
      {options.map((o) => (
        <li key={o.key}>
          <button type="button" className="choice" onClick={pick(o.response)} aria-keyshortcuts={o.key}>
            <kbd aria-hidden="true">{o.key}</kbd>
            <span>{o.label}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
