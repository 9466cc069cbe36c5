import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteDocumentAction, retryGenerationAction } from "@/app/document-actions";
import { DocumentText } from "@/components/document-text";
import { currentShareTokens } from "@/lib/server/deck-share";
import { loadDocumentFacts, loadReadableDocument } from "@/lib/server/decks";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const viewer = await currentViewer();
  return { viewer, doc: await loadReadableDocument(viewer, id, await currentShareTokens()) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { doc } = await load((await params).id);
  return { title: doc?.title ?? "Document not found" };
}

export default async function DocumentPage({ params }: Props) {
  const { viewer, doc } = await load((await params).id);
  if (!doc) notFound();
  const { counts, mayEdit } = await loadDocumentFacts(viewer, doc);
  const totalQuestions = [...counts.values()].reduce((a, b) => a + b, 0);
  const repeats = doc.sentences.filter((s) => s.repeatOf !== null);
  return (
    <article>
      <p>
        <Link href="/">← Library</Link>
      </p>
      <h1>{doc.title}</h1>
      <p className="meta">
        {doc.fileName} · {doc.sentences.length} sentences · imported {doc.importedAt.toISOString().slice(0, 10)}
      </p>
      {doc.source && <p className="meta">Source: {doc.source}</p>}
      <p>
        <Link href={`/documents/${doc.id}/questions`} className="button secondary">
          {totalQuestions} questions from this document
        </Link>{" "}
        {doc.decks.length > 0 && (
          <Link href={`/decks/${doc.decks[0]!.deckId}`} className="button secondary">
            Study this document
          </Link>
        )}{" "}
        {mayEdit && (
          <Link href={`/documents/${doc.id}/review`} className="button secondary">
            Review questions
          </Link>
        )}
      </p>
      {mayEdit && doc.generationStatus === "failed" && (
        <div className="notice" role="alert" data-testid="generation-failed">
          <p>
            <strong>Questions could not be generated.</strong> {doc.generationError}
          </p>
          <div className="row-buttons">
            <form action={retryGenerationAction.bind(null, doc.id)}>
              <button type="submit" className="button">
                Retry
              </button>
            </form>
            {doc.origin !== "content" && (
              <form action={deleteDocumentAction.bind(null, doc.id)}>
                <button type="submit" className="button secondary">
                  Delete this document
                </button>
              </form>
            )}
          </div>
        </div>
      )}
      {repeats.length > 0 && (
        <p className="notice" role="note">
          {repeats.length} {repeats.length === 1 ? "sentence repeats" : "sentences repeat"} earlier text word for word
          (underlined with dots):{" "}
          {repeats.map((s, i) => (
            <span key={s.index}>
              {i > 0 && ", "}
              <a href={`#s-${s.index}`}>{s.index + 1}</a> = <a href={`#s-${s.repeatOf}`}>{s.repeatOf! + 1}</a>
            </span>
          ))}
          .
        </p>
      )}
      <DocumentText text={doc.text} sentences={doc.sentences} questionCounts={counts} />
    </article>
  );
}
