"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/api/forms";
import { Field, FormMessage } from "./field";

export function SignUpForm({ action, next }: { action: FormAction; next: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack-form" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
      <Field label="Name" name="name" autoComplete="name" defaultValue={state.values?.name} error={e.name} required />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        error={e.email}
        required
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={e.password}
        required
      />
      <fieldset className="field" aria-describedby={e.role ? "role-error" : undefined}>
        <legend>I am a</legend>
        <label className="inline">
          <input type="radio" name="role" value="learner" defaultChecked={state.values?.role !== "teacher"} /> Learner
        </label>
        <label className="inline">
          <input type="radio" name="role" value="teacher" defaultChecked={state.values?.role === "teacher"} /> Teacher
        </label>
        {e.role && (
          <p id="role-error" className="field-error">
            {e.role}
          </p>
        )}
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
