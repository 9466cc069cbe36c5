import Link from "next/link";
import { Welcome } from "@/components/welcome";
import { listLearnerAssignments } from "@/lib/data/classes";
import { listDocuments } from "@/lib/data/documents";
import { countPublishedQuestionsByDocument } from "@/lib/data/questions";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

type DeckEntry = { id: string; title: string; questions: number; assigned?: { className: string; dueAt: Date | null } };

export default async function HomePage() {
  const viewer = await currentViewer();
  const [documents, counts, assignments] = await Promise.all([
    listDocuments(),
    countPublishedQuestionsByDocument(),
    viewer.learnerId ? listLearnerAssignments(viewer.learnerId) : Promise.resolve([]),
  ]);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const assignedBy = new Map<string, DeckEntry["assigned"]>();
  for (const a of assignments) {
    if (!assignedBy.has(a.deckId)) assignedBy.set(a.deckId, { className: a.classroom.name, dueAt: a.dueAt });
  }
  const decks: DeckEntry[] = [
    ...(documents.length > 1 ? [{ id: "all", title: "All documents", questions: total }] : []),
    ...documents.map((d) => ({ id: d.id, title: d.title, questions: counts.get(d.id) ?? 0 })),
  ].map((d) => ({ ...d, assigned: assignedBy.get(d.id) }));
  // Assigned decks first, soonest due first; the rest keep their order.
  const ordered = [...decks.filter((d) => d.assigned), ...decks.filter((d) => !d.assigned)];
  // Imported banks are decks without a text of their own.
  const texts = documents.filter((d) => d.origin !== "import");

  return (
    <>
      {viewer.user ? <h1>Library</h1> : <Welcome sampleDeckId={documents.length > 0 ? "all" : null} />}
      <section aria-labelledby="decks-heading">
        <h2 id="decks-heading">Decks</h2>
        <ul className="card-list">
          {ordered.map((d) => (
            <li key={d.id} className={d.assigned ? "card assigned" : "card"}>
              <h3>
                <Link href={`/decks/${d.id}`}>{d.title}</Link>
              </h3>
              <p className="meta">
                {d.questions} questions
                {d.assigned && (
                  <>
                    {" "}
                    · assigned by {d.assigned.className}
                    {d.assigned.dueAt && `, due ${d.assigned.dueAt.toISOString().slice(0, 10)}`}
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">Documents</h2>
        {texts.length === 0 ? (
          <p className="muted">
            No documents yet. Put .txt or .md files in <code>content/</code> and run <code>npm run import-content</code>
            .
          </p>
        ) : (
          <ul className="card-list">
            {texts.map((d) => (
              <li key={d.id} className="card">
                <h3>
                  <Link href={`/documents/${d.id}`}>{d.title}</Link>
                </h3>
                {d.source && <p className="meta">Source: {d.source}</p>}
                <p className="meta">
                  {d.fileName} · {d.sentenceCount} sentences ·{" "}
                  <Link href={`/documents/${d.id}/questions`}>{counts.get(d.id) ?? 0} questions</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
