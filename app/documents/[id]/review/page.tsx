import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { authorQuestionAction, bulkApproveAction, editQuestionAction, setStatusAction } from "@/app/authoring-actions";
import { ConflictList } from "@/components/conflict-list";
import { AuthorForm } from "@/components/moderation/author-form";
import { ModerationQueue } from "@/components/moderation/moderation-queue";
import { readableConflicts } from "@/lib/server/decks";
import { loadModeration } from "@/lib/server/authoring";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review questions" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviewPage({ params }: Props) {
  const { id } = await params;
  const viewer = await currentViewer();
  const [moderation, mine] = await Promise.all([loadModeration(viewer, id), readableConflicts(viewer, id)]);
  if (!moderation) notFound();
  const { doc, questions } = moderation;
  return (
    <>
      <p>
        <Link href={`/documents/${id}`}>← {doc.title}</Link>
      </p>
      <h1>Review questions</h1>
      <p className="meta">
        Only published questions reach learners&apos; decks and live games. Edits are kept when the document is
        regenerated.
      </p>
      {mine.length > 0 && (
        <section aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">Conflicting claims across documents</h2>
          <ConflictList conflicts={mine} />
        </section>
      )}
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">Generated questions</h2>
        <ModerationQueue
          questions={questions}
          text={doc.text}
          actions={{
            setStatus: setStatusAction.bind(null, id),
            bulkApprove: bulkApproveAction.bind(null, id),
            edit: editQuestionAction.bind(null, id),
          }}
        />
      </section>
      <section aria-labelledby="author-heading">
        <h2 id="author-heading">Write a question</h2>
        <AuthorForm onCreate={authorQuestionAction.bind(null, id)} />
      </section>
    </>
  );
}
