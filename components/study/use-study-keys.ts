"use client";

import { useEffect } from "react";
import { RATINGS } from "@/lib/scheduling";
import { canOverride } from "@/lib/client/session-model";
import type { StudySessionStore } from "@/lib/client/study-session";

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select");
}

function isEmptyClozeField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.id === "cloze-answer" && target.value === "";
}

/** Enter/Space on these activate them natively; handling the key again would act twice. */
function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches("button, a[href], summary, [role='button']");
}

/**
 * Study shortcuts: Space/Enter reveal and continue, 1–4 grade or pick a choice, T/F
 * answer true/false, R marks a rejected typed answer right, Ctrl/Cmd+Z undoes. Nothing fires while typing, except that
 * the cloze form handles its own Enter; other modifier combinations are left alone.
 */
export function useStudyKeys(session: StudySessionStore): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const actions = session.getState();
      const isEnterOrSpace = e.key === "Enter" || e.key === " ";
      // A held key must not answer, then continue, then answer the next card.
      if (e.repeat && isEnterOrSpace) {
        e.preventDefault();
        return;
      }
      if (e.defaultPrevented || e.repeat) return;
      const modifier = e.ctrlKey || e.metaKey;
      if (modifier && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "z") {
        // In a field with text, Ctrl+Z is the browser's own text undo; an empty field has nothing to undo.
        if (isTextField(e.target) && !isEmptyClozeField(e.target)) return;
        e.preventDefault();
        void actions.undo();
        return;
      }
      if (modifier || e.altKey || isTextField(e.target)) return;
      if (isEnterOrSpace && isActivatable(e.target)) return;

      const model = actions.model;
      const question = model?.current?.question;
      if (!model || !question) return;
      const digit = /^[1-4]$/.test(e.key) ? Number(e.key) - 1 : -1;
      const letter = e.key.toLowerCase();
      let handled = true;
      if (model.phase === "answered" && isEnterOrSpace) actions.next();
      else if (model.phase === "answered" && letter === "r" && canOverride(model)) void actions.override();
      else if (model.phase === "revealed" && digit >= 0) actions.grade(RATINGS[digit]!);
      else if (model.phase === "revealed" && isEnterOrSpace) actions.grade("good");
      else if (model.phase !== "question") handled = false;
      else if (question.type === "flashcard" && isEnterOrSpace) actions.reveal();
      else if (question.type === "multiple_choice" && digit >= 0 && question.choices?.[digit] !== undefined)
        actions.respond(question.choices[digit]);
      else if (question.type === "true_false" && (letter === "t" || letter === "f"))
        actions.respond(letter === "t" ? "true" : "false");
      else if (question.type === "cloze" && e.key === "Enter") document.getElementById("cloze-answer")?.focus();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [session]);
}
