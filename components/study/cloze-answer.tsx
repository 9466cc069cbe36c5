"use client";

import { type FormEvent, type KeyboardEvent, useState } from "react";
import { useStudy } from "./study-context";

/** A typed answer; Enter checks it. Other shortcuts are off while this field has focus. */
export function ClozeAnswer({ promptId }: { promptId: string }) {
  const { actions } = useStudy();
  const [value, setValue] = useState("");
  const submit = () => actions.respond(value);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Handled on keydown so the key cannot go on to activate the next screen's button.
    if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
    e.preventDefault();
    if (!e.repeat) submit();
  };
  return (
    <form className="cloze-form" onSubmit={onSubmit}>
      <label htmlFor="cloze-answer" className="visually-hidden">
        Your answer
      </label>
      <input
        id="cloze-answer"
        className="cloze-input"
        type="text"
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="done"
        aria-describedby={promptId}
        // The learner opened the card to type into it.
        autoFocus
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button">
        Check <kbd aria-hidden="true">Enter</kbd>
      </button>
    </form>
  );
}
