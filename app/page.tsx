import Link from "next/link";
import { Welcome } from "@/components/welcome";
import { ALL_DECK_ID, SAMPLE_DECK_ID } from "@/lib/api/study-contract";
import { currentShareTokens } from "@/lib/server/deck-share";
import { deckLabel, type LibrarySection } from "@/lib/server/decks";
import { loadLibraryPage } from "@/lib/server/library";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

const SECTION_TITLES: Record<LibrarySection, string> = {
  mine: "My decks",
  class: "My classes' decks",
  shared: "Shared with me",
  public: "Public decks",
};

export default async function HomePage() {
  const viewer = await currentViewer();
  const { library, makesDecks, documents } = await loadLibraryPage(viewer, await currentShareTokens());
  const sections = (Object.keys(SECTION_TITLES) as LibrarySection[])
    .map((s) => ({ section: s, decks: library.decks.filter((d) => d.section === s) }))
    .filter((s) => s.decks.length > 0);

  return (
    <>
      {viewer.user ? (
        <h1>Library</h1>
      ) : (
        <Welcome sampleDeckId={library.decks.some((d) => d.id === SAMPLE_DECK_ID) ? SAMPLE_DECK_ID : null} />
      )}
      {library.everything > 0 && (
        <p>
          <Link href={`/decks/${ALL_DECK_ID}`} className="button">
            Study everything
          </Link>{" "}
          <span className="meta">{library.everything} questions from every deck you can see, each once</span>
        </p>
      )}
      {makesDecks && (
        <p>
          <Link href="/decks/new" className="button secondary">
            New deck from documents
          </Link>
        </p>
      )}
      {sections.length === 0 && <p className="muted">No decks yet.</p>}
      {sections.map(({ section, decks }) => (
        <section key={section} aria-labelledby={`${section}-heading`}>
          <h2 id={`${section}-heading`}>{SECTION_TITLES[section]}</h2>
          <ul className="card-list" data-testid={`decks-${section}`}>
            {decks.map((d) => (
              <li key={d.id} className={d.assigned ? "card assigned" : "card"}>
                <h3>
                  <Link href={`/decks/${d.id}`}>{d.title}</Link>
                </h3>
                {d.description && <p>{d.description}</p>}
                <p className="meta">
                  <span className={d.published === 0 ? "deck-label" : undefined}>{deckLabel(d)}</span>
                  {d.section === "mine" && ` · ${d.visibility === "link" ? "shared by link" : d.visibility}`}
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
      ))}
      {documents.length > 0 && (
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">Documents</h2>
          <ul className="card-list">
            {documents.map((d) => (
              <li key={d.id} className="card">
                <h3>
                  <Link href={`/documents/${d.id}`}>{d.title}</Link>
                </h3>
                {d.source && <p className="meta">Source: {d.source}</p>}
                <p className="meta">
                  {d.fileName} · {d.sentenceCount} sentences ·{" "}
                  <Link href={`/documents/${d.id}/questions`}>{d.questionCount} questions</Link>
                </p>
                {d.failedForEditor && (
                  <p className="form-error">
                    Questions could not be generated. <Link href={`/documents/${d.id}`}>Retry or delete</Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
