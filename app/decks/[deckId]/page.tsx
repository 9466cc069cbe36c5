import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { renewShareLinkAction, updateDeckAction } from "@/app/deck-actions";
import { DeckSettingsForm } from "@/components/decks/deck-settings-form";
import { ALL_DECK_ID } from "@/lib/api/study-contract";
import { currentShareTokens } from "@/lib/server/deck-share";
import { listManagedDeckDocuments, loadReadableDeck, readableDeckRecord } from "@/lib/server/decks";
import { currentLearner } from "@/lib/server/learner-session";
import { getDeckCounts } from "@/lib/server/study-session";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ deckId: string }> };

async function load(deckId: string) {
  const viewer = await currentViewer();
  const tokens = await currentShareTokens();
  const deck = await loadReadableDeck(viewer, deckId, tokens);
  const record = deck && deckId !== ALL_DECK_ID ? await readableDeckRecord(viewer, deckId, tokens) : null;
  return { viewer, deck, record };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { deck } = await load((await params).deckId);
  return { title: deck?.title ?? "Deck not found" };
}

export default async function DeckPage({ params }: Props) {
  const { viewer, deck, record } = await load((await params).deckId);
  if (!deck) notFound();
  const counts = await getDeckCounts(await currentLearner(), deck, new Date());
  const nothing = counts.new + counts.learning + counts.due === 0;
  // A deck's page is also how its owner manages it; nobody else sees these controls.
  const { manages, documents } = await listManagedDeckDocuments(viewer, record);
  return (
    <>
      <p>
        <Link href="/">← Library</Link>
      </p>
      <h1>{deck.title}</h1>
      {record?.description && <p>{record.description}</p>}
      <dl className="stat-row deck-counts">
        <div>
          <dt>New</dt>
          <dd data-testid="count-new">{counts.new}</dd>
        </div>
        <div>
          <dt>Learning</dt>
          <dd data-testid="count-learning">{counts.learning}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd data-testid="count-due">{counts.due}</dd>
        </div>
      </dl>
      {nothing ? (
        <p>Nothing to study right now. Come back when cards fall due, or raise your daily new-card limit.</p>
      ) : (
        <p>
          <Link href={`/decks/${deck.id}/study`} className="button">
            Study
          </Link>
        </p>
      )}
      <p className="meta">
        New cards are limited per day; due cards come back when FSRS expects you to be about to forget them.{" "}
        <Link href="/progress">See your progress</Link>.
      </p>
      {deck.id !== ALL_DECK_ID && (
        <p className="meta">
          Export this deck: <a href={`/api/decks/${deck.id}/export?format=json`}>Quarry JSON</a> ·{" "}
          <a href={`/api/decks/${deck.id}/export?format=csv`}>CSV</a> ·{" "}
          <a href={`/api/decks/${deck.id}/export?format=apkg`}>Anki</a> ·{" "}
          <a href={`/api/decks/${deck.id}/export?format=gift`}>Moodle GIFT</a>
        </p>
      )}
      {manages && record && (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">Manage this deck</h2>
          <h3>Documents</h3>
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                <Link href={`/documents/${d.id}`}>{d.title}</Link> ·{" "}
                <Link href={`/documents/${d.id}/review`}>review its questions</Link>
              </li>
            ))}
          </ul>
          <DeckSettingsForm
            action={updateDeckAction.bind(null, record.id)}
            values={{ title: record.title, description: record.description, visibility: record.visibility }}
          />
          {record.visibility === "link" && record.shareToken && (
            <div className="notice">
              <p>
                Share link: <code data-testid="share-link">/share/{record.shareToken}</code>
              </p>
              <form action={renewShareLinkAction.bind(null, record.id)}>
                <button type="submit" className="button secondary">
                  Make a new link (the old one stops working)
                </button>
              </form>
            </div>
          )}
        </section>
      )}
    </>
  );
}
