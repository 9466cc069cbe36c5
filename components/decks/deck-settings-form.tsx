"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/api/forms";
import { Field, FormMessage } from "@/components/forms/field";

export type DeckSettingsValues = { title: string; description: string; visibility: string };

const VISIBILITY_LABELS: Array<[string, string]> = [
  ["private", "Private: only me and the classes I assign it to"],
  ["link", "Anyone with the link"],
  ["public", "Public: everyone, signed in or not"],
];

/** Title, description and visibility, for a new deck or an existing one. */
export function DeckSettingsFields({ values }: { values: DeckSettingsValues }) {
  return (
    <>
      <Field label="Title" name="title" defaultValue={values.title} maxLength={200} required />
      <div className="field">
        <label htmlFor="description">Description (optional)</label>
        <textarea id="description" name="description" defaultValue={values.description} maxLength={2000} rows={2} />
      </div>
      <fieldset className="field">
        <legend>Who can see it</legend>
        {VISIBILITY_LABELS.map(([value, label]) => (
          <label key={value} className="choice-row">
            <input type="radio" name="visibility" value={value} defaultChecked={values.visibility === value} /> {label}
          </label>
        ))}
      </fieldset>
    </>
  );
}

export function DeckSettingsForm({ action, values }: { action: FormAction; values: DeckSettingsValues }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack-form" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <DeckSettingsFields values={values} />
      <button type="submit" className="button" disabled={pending}>
        Save deck settings
      </button>
    </form>
  );
}

export function NewDeckForm({
  action,
  documents,
}: {
  action: FormAction;
  documents: Array<{ id: string; title: string; fileName: string }>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack-form" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <DeckSettingsFields values={{ title: "", description: "", visibility: "private" }} />
      <fieldset className="field">
        <legend>Documents in this deck</legend>
        {documents.map((d) => (
          <label key={d.id} className="choice-row">
            <input type="checkbox" name="documentId" value={d.id} /> {d.title}{" "}
            <span className="meta">({d.fileName})</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        Make deck
      </button>
    </form>
  );
}

export function HandwrittenDeckForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack-form" noValidate aria-label="Deck written by hand">
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="Title of the new deck" name="title" maxLength={200} required />
      <input type="hidden" name="description" value="" />
      <input type="hidden" name="visibility" value="private" />
      <button type="submit" className="button secondary" disabled={pending}>
        Make an empty deck and write its questions
      </button>
    </form>
  );
}
