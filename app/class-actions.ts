"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { assignDeckSchema, classNameSchema, fieldErrors, guestNameSchema, joinCodeSchema } from "@/lib/api/auth";
import type { FormState } from "@/lib/api/forms";
import {
  assignDeckToClass,
  createClass,
  joinClassByCode,
  regenerateJoinCode,
  removeLearner,
  unassignDeckFromClass,
} from "@/lib/server/classes";
import { toFormState } from "@/lib/server/form-state";
import { currentOrNewLearner } from "@/lib/server/learner-session";
import { saveGuestName } from "@/lib/server/learner-settings";
import { currentViewer } from "@/lib/server/viewer";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = classNameSchema.safeParse({ name: text(form, "name") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  let id: string;
  try {
    id = (await createClass(await currentViewer(), parsed.data.name)).id;
  } catch (err) {
    return toFormState(err);
  }
  redirect(`/classes/${id}/manage`);
}

export async function regenerateCodeAction(classId: string): Promise<void> {
  try {
    await regenerateJoinCode(await currentViewer(), classId);
  } catch (err) {
    toFormState(err);
  }
  revalidatePath(`/classes/${classId}/manage`);
}

export async function removeLearnerAction(classId: string, learnerId: string): Promise<void> {
  try {
    await removeLearner(await currentViewer(), classId, learnerId);
  } catch (err) {
    toFormState(err);
  }
  revalidatePath(`/classes/${classId}/manage`);
}

export async function assignDeckAction(classId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const parsed = assignDeckSchema.safeParse({ deckId: text(form, "deckId"), dueAt: text(form, "dueAt") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  try {
    const due = parsed.data.dueAt ? new Date(`${parsed.data.dueAt}T23:59:59Z`) : null;
    await assignDeckToClass(await currentViewer(), classId, parsed.data.deckId, due);
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(`/classes/${classId}/manage`);
  return { ok: true, message: "Deck assigned." };
}

export async function unassignDeckAction(classId: string, deckId: string): Promise<void> {
  try {
    await unassignDeckFromClass(await currentViewer(), classId, deckId);
  } catch (err) {
    toFormState(err);
  }
  revalidatePath(`/classes/${classId}/manage`);
}

export async function joinClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { code: text(form, "code"), displayName: text(form, "displayName") };
  const parsed = joinCodeSchema.safeParse({ code: values.code });
  const signedIn = (await currentViewer()).user !== null;
  // A guest says who they are before joining, so the teacher never sees an anonymous row.
  const name = signedIn ? null : guestNameSchema.safeParse({ displayName: values.displayName });
  if (!parsed.success || (name && !name.success)) {
    return {
      errors: {
        ...(parsed.success ? {} : fieldErrors(parsed.error)),
        ...(name && !name.success ? fieldErrors(name.error) : {}),
      },
      values,
    };
  }
  try {
    const learner = await currentOrNewLearner(); // a guest can join; signing up later keeps the membership
    if (name?.success) await saveGuestName(learner, name.data.displayName);
    const { classroom, created } = await joinClassByCode(await currentViewer(), parsed.data.code);
    return {
      ok: true,
      message: created ? `You joined ${classroom.name}.` : `You are already in ${classroom.name}.`,
      values,
    };
  } catch (err) {
    const state = toFormState(err);
    return { ...state, errors: { code: state.message ?? "" }, values };
  }
}
