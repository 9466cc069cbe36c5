"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { AuthoringError, deleteUploadedDocument, retryGeneration } from "@/lib/server/authoring";
import { currentViewer } from "@/lib/server/viewer";

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AuthoringError) notFound();
    throw err;
  }
}

/** Generates a document's questions again; the page then shows the new status or the new reason. */
export async function retryGenerationAction(documentId: string) {
  await guard(async () => retryGeneration(await currentViewer(), String(documentId)));
  revalidatePath(`/documents/${documentId}`);
  revalidatePath("/");
}

export async function deleteDocumentAction(documentId: string) {
  await guard(async () => deleteUploadedDocument(await currentViewer(), String(documentId)));
  revalidatePath("/");
  redirect("/");
}
