import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { createDeckAction, createHandwrittenDeckAction } from "@/app/deck-actions";
import { HandwrittenDeckForm, NewDeckForm } from "@/components/decks/deck-settings-form";
import { listDocumentsForNewDeck } from "@/lib/server/decks";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New deck" };

export default async function NewDeckPage() {
  const documents = await listDocumentsForNewDeck(await currentViewer());
  if (!documents) notFound();
  return (
    <>
      <p>
        <Link href="/">← Library</Link>
      </p>
      <h1>New deck</h1>
      <p className="meta">
        A deck holds the published questions of the documents you choose. It is private until you share it or assign it
        to a class.
      </p>
      {documents.length === 0 ? (
        <p>
          You have no documents yet. <Link href="/upload">Upload one</Link> first.
        </p>
      ) : (
        <NewDeckForm action={createDeckAction} documents={documents} />
      )}
      <h2>Or write the questions by hand</h2>
      <HandwrittenDeckForm action={createHandwrittenDeckAction} />
    </>
  );
}
