"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/api/forms";
import { DECK_VISIBILITIES } from "@/lib/permissions";
import {
  createDeckFromDocuments,
  createHandwrittenDeck,
  renewShareToken,
  updateDeckSettings,
} from "@/lib/server/decks";
import { toFormState } from "@/lib/server/form-state";
import { currentViewer } from "@/lib/server/viewer";

const settingsSchema = z.object({
  title: z.string().trim().min(1, "Give the deck a title.").max(200, "At most 200 characters."),
  description: z.string().max(2000, "At most 2000 characters."),
  visibility: z.enum(DECK_VISIBILITIES),
});

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

function readSettings(form: FormData) {
  return settingsSchema.safeParse({
    title: text(form, "title"),
    description: text(form, "description"),
    visibility: text(form, "visibility") || "private",
  });
}

export async function createDeckAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = readSettings(form);
  if (!parsed.success) return { message: parsed.error.issues.map((i) => i.message).join(" ") };
  const documentIds = form
    .getAll("documentId")
    .map(String)
    .filter((id) => id.length > 0 && id.length <= 100)
    .slice(0, 200);
  let id: string;
  try {
    id = await createDeckFromDocuments(await currentViewer(), parsed.data, documentIds);
  } catch (err) {
    return toFormState(err);
  }
  redirect(`/decks/${id}`);
}

export async function createHandwrittenDeckAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = readSettings(form);
  if (!parsed.success) return { message: parsed.error.issues.map((i) => i.message).join(" ") };
  let documentId: string;
  try {
    documentId = (await createHandwrittenDeck(await currentViewer(), parsed.data)).documentId;
  } catch (err) {
    return toFormState(err);
  }
  // Its questions are written on the review page of the deck's own document.
  redirect(`/documents/${documentId}/review`);
}

export async function updateDeckAction(deckId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const parsed = readSettings(form);
  if (!parsed.success) return { message: parsed.error.issues.map((i) => i.message).join(" ") };
  try {
    await updateDeckSettings(await currentViewer(), deckId, parsed.data);
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(`/decks/${deckId}`);
  return { ok: true, message: "Saved." };
}

export async function renewShareLinkAction(deckId: string): Promise<void> {
  try {
    await renewShareToken(await currentViewer(), deckId);
  } catch (err) {
    toFormState(err);
  }
  revalidatePath(`/decks/${deckId}`);
}
