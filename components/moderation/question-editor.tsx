"use client";

import { useEffect, useState } from "react";
import { FACT_TYPES, parseEnum, QUESTION_TYPES, type QuestionType } from "@/lib/domain/enums";

export type EditorValue = {
  type: QuestionType;
  prompt: string;
  answer: string;
  choices: string[] | null;
  statementIsTrue: boolean | null;
  factType?: string;
};

const TYPE_LABELS: Record<QuestionType, string> = {
  cloze: "Cloze",
  multiple_choice: "Multiple choice",
  flashcard: "Flashcard",
  true_false: "True/false",
};
const TYPES = QUESTION_TYPES.map((t) => [t, TYPE_LABELS[t]] as const);
/** "term", the default, first. */
const EDITOR_FACT_TYPES = ["term", ...FACT_TYPES.filter((f) => f !== "term")];

/**
 * Edits one question. For multiple choice the correct option is picked with a
 * radio button, so there is always exactly one; the server checks it again.
 */
export function QuestionEditor({
  initial,
  idPrefix,
  onSave,
  onCancel,
  withFactType = false,
  focusOnOpen = false,
}: {
  initial: EditorValue;
  idPrefix: string;
  onSave: (value: EditorValue) => Promise<string | null>;
  onCancel?: () => void;
  withFactType?: boolean;
  /** Move the focus into the editor when it opens (the review queue's `e`). */
  focusOnOpen?: boolean;
}) {
  const [v, setV] = useState<EditorValue>(initial);
  const [choices, setChoices] = useState<string[]>(() => {
    const c = initial.choices ?? [initial.answer, "", "", ""];
    return c.length >= 2 ? c : [...c, "", ""].slice(0, 4);
  });
  const [correct, setCorrect] = useState(() => Math.max(0, choices.indexOf(initial.answer)));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = (s: string) => `${idPrefix}-${s}`;
  const promptId = id("prompt");
  useEffect(() => {
    if (focusOnOpen) document.getElementById(promptId)?.focus();
  }, [focusOnOpen, promptId]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    const value: EditorValue =
      v.type === "multiple_choice"
        ? { ...v, choices, answer: choices[correct] ?? "", statementIsTrue: null }
        : v.type === "true_false"
          ? { ...v, choices: null, answer: v.statementIsTrue === false ? "false" : "true" }
          : { ...v, choices: null, statementIsTrue: null };
    setError(await onSave(value));
    setSaving(false);
  }

  return (
    <form className="question-editor stack-form" onSubmit={submit} onKeyDown={(e) => e.stopPropagation()}>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={id("type")}>Type</label>
        <select
          id={id("type")}
          value={v.type}
          onChange={(e) => setV({ ...v, type: parseEnum(QUESTION_TYPES, e.target.value, "question type") })}
        >
          {TYPES.map(([t, label]) => (
            <option key={t} value={t}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {withFactType && (
        <div className="field">
          <label htmlFor={id("fact")}>Fact type</label>
          <select
            id={id("fact")}
            value={v.factType ?? "term"}
            onChange={(e) => setV({ ...v, factType: e.target.value })}
          >
            {EDITOR_FACT_TYPES.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={id("prompt")}>{v.type === "true_false" ? "Statement" : "Prompt"}</label>
        <textarea
          id={id("prompt")}
          rows={3}
          value={v.prompt}
          onChange={(e) => setV({ ...v, prompt: e.target.value })}
        />
        {v.type === "cloze" && <p className="meta">Mark the gap with _____ (five underscores).</p>}
      </div>
      {v.type === "multiple_choice" ? (
        <fieldset className="field">
          <legend>Choices (select the correct one)</legend>
          {choices.map((c, i) => (
            <div key={i} className="choice-row">
              <input
                type="radio"
                name={id("correct")}
                id={id(`correct-${i}`)}
                checked={correct === i}
                onChange={() => setCorrect(i)}
                aria-label={`Choice ${i + 1} is correct`}
              />
              <input
                aria-label={`Choice ${i + 1}`}
                value={c}
                onChange={(e) => setChoices(choices.map((x, j) => (j === i ? e.target.value : x)))}
              />
            </div>
          ))}
        </fieldset>
      ) : v.type === "true_false" ? (
        <fieldset className="field">
          <legend>The statement is</legend>
          <label className="inline">
            <input
              type="radio"
              name={id("tf")}
              checked={v.statementIsTrue !== false}
              onChange={() => setV({ ...v, statementIsTrue: true })}
            />{" "}
            True
          </label>
          <label className="inline">
            <input
              type="radio"
              name={id("tf")}
              checked={v.statementIsTrue === false}
              onChange={() => setV({ ...v, statementIsTrue: false })}
            />{" "}
            False
          </label>
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor={id("answer")}>Answer</label>
          <input id={id("answer")} value={v.answer} onChange={(e) => setV({ ...v, answer: e.target.value })} />
        </div>
      )}
      <div className="row-buttons">
        <button type="submit" className="button" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
