"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/api/forms";
import { Field, FormMessage } from "./field";

export function CreateClassForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form" noValidate>
      <FormMessage message={state.errors?.name ? undefined : state.message} />
      <Field label="Class name" name="name" placeholder="e.g. Year 10 History" error={state.errors?.name} required />
      <button type="submit" className="button" disabled={pending}>
        Create class
      </button>
    </form>
  );
}

export function JoinClassForm({ action, code }: { action: FormAction; code?: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form" noValidate>
      <FormMessage message={state.ok ? state.message : undefined} ok />
      <Field
        label="Class code"
        name="code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={state.values?.code ?? code}
        error={state.errors?.code}
        required
      />
      <button type="submit" className="button" disabled={pending}>
        Join class
      </button>
    </form>
  );
}

export function AssignDeckForm({ action, decks }: { action: FormAction; decks: Array<{ id: string; title: string }> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <div className="field">
        <label htmlFor="deckId">Deck</label>
        <select id="deckId" name="deckId" required>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </div>
      <Field label="Due date (optional)" name="dueAt" type="date" error={state.errors?.dueAt} />
      <button type="submit" className="button" disabled={pending}>
        Assign deck
      </button>
    </form>
  );
}
