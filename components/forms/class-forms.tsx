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

export function JoinClassForm({
  action,
  code,
  guest,
}: {
  action: FormAction;
  code?: string;
  /** Signed out: ask for a name (shown to the teacher), or offer to sign in first. */
  guest?: { displayName: string | null; signInHref: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack-form" noValidate>
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
      {guest && (
        <>
          <Field
            label="Your name"
            name="displayName"
            autoComplete="name"
            maxLength={40}
            defaultValue={state.values?.displayName ?? guest.displayName ?? ""}
            error={state.errors?.displayName}
            hint="Your teacher sees this name beside your progress."
            required
          />
          <p className="meta">
            Have an account? <a href={guest.signInHref}>Sign in</a> to join with it instead.
          </p>
        </>
      )}
      <p>
        <button type="submit" className="button" disabled={pending}>
          Join class
        </button>
      </p>
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
