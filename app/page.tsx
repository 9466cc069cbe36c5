import Link from "next/link";
import { listDocuments } from "@/lib/data/documents";
import { countPublishedQuestionsByDocument } from "@/lib/data/questions";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [documents, counts] = await Promise.all([listDocuments(), countPublishedQuestionsByDocument()]);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return (
    <>
      <h1>Library</h1>
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">Documents</h2>
        {documents.length === 0 ? (
          <p className="muted">
            No documents yet. Put .txt or .md files in <code>content/</code> and run{" "}
            <code>npm run import-content</code>.
          </p>
        ) : (
          <ul className="card-list">
            {documents.map((d) => (
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
      <section aria-labelledby="decks-heading">
        <h2 id="decks-heading">Decks</h2>
        <ul className="card-list">
          {documents.length > 1 && (
            <li className="card">
              <h3>
                <Link href="/decks/all">All documents</Link>
              </h3>
              <p className="meta">
                {documents.length} documents · {total} questions
              </p>
            </li>
          )}
          {documents.map((d) => (
            <li key={d.id} className="card">
              <h3>
                <Link href={`/decks/${d.id}`}>{d.title}</Link>
              </h3>
              <p className="meta">{counts.get(d.id) ?? 0} questions</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
