import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConflictList } from "@/components/conflict-list";
import { QuestionList } from "@/components/question-list";
import { currentShareTokens } from "@/lib/server/deck-share";
import { loadDocumentQuestions, loadReadableDocument } from "@/lib/server/decks";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  return { doc: await loadReadableDocument(await currentViewer(), id, await currentShareTokens()) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { doc } = await load((await params).id);
  return { title: doc ? `Questions: ${doc.title}` : "Document not found" };
}

export default async function DocumentQuestionsPage({ params }: Props) {
  const { id } = await params;
  const found = await loadDocumentQuestions(await currentViewer(), id, await currentShareTokens());
  if (!found) notFound();
  const { doc, questions, conflicts: mine } = found;
  return (
    <>
      <p>
        <Link href={`/documents/${id}`}>← {doc.title}</Link>
      </p>
      <h1>Questions from “{doc.title}”</h1>
      <p className="meta">
        {questions.length} questions. Each one links to the sentence it came from. Repeated sentences give one set of
        questions.
      </p>
      {mine.length > 0 && (
        <section aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">Conflicting claims</h2>
          <ConflictList conflicts={mine} />
        </section>
      )}
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">Questions</h2>
        <QuestionList questions={questions} documentId={id} />
      </section>
    </>
  );
}
