import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentLearner } from "@/lib/server/learner-session";
import { findDeck, getDeckCounts } from "@/lib/server/study";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ deckId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const deck = await findDeck((await params).deckId);
  return { title: deck?.title ?? "Deck not found" };
}

export default async function DeckPage({ params }: Props) {
  const deck = await findDeck((await params).deckId);
  if (!deck) notFound();
  const counts = await getDeckCounts(await currentLearner(), deck, new Date());
  const nothing = counts.new + counts.learning + counts.due === 0;
  return (
    <>
      <p>
        <Link href="/">← Library</Link>
      </p>
      <h1>{deck.title}</h1>
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
      <p className="meta">
        Export this deck: <a href={`/api/decks/${deck.id}/export?format=json`}>Quarry JSON</a> ·{" "}
        <a href={`/api/decks/${deck.id}/export?format=csv`}>CSV</a> ·{" "}
        <a href={`/api/decks/${deck.id}/export?format=apkg`}>Anki</a> ·{" "}
        <a href={`/api/decks/${deck.id}/export?format=gift`}>Moodle GIFT</a>
      </p>
    </>
  );
}
