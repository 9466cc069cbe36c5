"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changePasswordSchema, fieldErrors, signInSchema, signUpSchema } from "@/lib/api/auth";
import type { FormState } from "@/lib/api/forms";
import { changePassword, signIn, signOut, signUp } from "@/lib/server/accounts";
import { toFormState } from "@/lib/server/form-state";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

/** Only same-site paths: an attacker-supplied "next" must not send people elsewhere. */
function safeNext(next: string): string {
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { name: text(form, "name"), email: text(form, "email"), role: text(form, "role") };
  const parsed = signUpSchema.safeParse({ ...values, password: text(form, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  try {
    await signUp(parsed.data);
  } catch (err) {
    return { errors: {}, ...toFormState(err), values };
  }
  revalidatePath("/", "layout");
  redirect(parsed.data.role === "teacher" ? "/classes" : safeNext(text(form, "next")));
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, "email") };
  const parsed = signInSchema.safeParse({ ...values, password: text(form, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  try {
    await signIn(parsed.data);
  } catch (err) {
    return { ...toFormState(err), values };
  }
  revalidatePath("/", "layout");
  redirect(safeNext(text(form, "next")));
}

export async function signOutAction(): Promise<void> {
  await signOut();
  revalidatePath("/", "layout");
  redirect("/");
}

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: text(form, "currentPassword"),
    newPassword: text(form, "newPassword"),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  try {
    await changePassword(parsed.data);
  } catch (err) {
    return { errors: {}, ...toFormState(err) };
  }
  // The session was renewed; a fresh request picks up the new cookie everywhere.
  revalidatePath("/", "layout");
  redirect("/account?changed=1");
}
