"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/api/forms";
import { Field, FormMessage } from "./field";

export function SignInForm({ action, next }: { action: FormAction; next: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack-form" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
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
        autoComplete="current-password"
        error={e.password}
        required
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
