import type { Metadata } from "next";
import Link from "next/link";
import { NewGameForm, type DeckOption } from "@/components/live/new-game-form";
import { currentShareTokens } from "@/lib/server/deck-share";
import { listHostableDecks, mayHostGames } from "@/lib/server/hosting";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New live quiz" };

export default async function NewLiveGamePage() {
  const viewer = await currentViewer();
  if (!(await mayHostGames(viewer))) {
    return (
      <>
        <h1>New live quiz</h1>
        <p data-testid="host-refused">
          Hosting a live quiz needs a teacher account.{" "}
          {viewer.user ? (
            "You are signed in as a learner: ask your teacher to host, and join their game with its code."
          ) : (
            <>
              <Link href="/sign-in?next=/live/new">Sign in as a teacher</Link> to host one.
            </>
          )}
        </p>
        <p>
          <Link href="/join">Join a game with its code</Link>
        </p>
      </>
    );
  }
  // Games start from stored decks the host can read, each question counted once per deck.
  const decks: DeckOption[] = await listHostableDecks(viewer, await currentShareTokens());
  return (
    <>
      <h1>New live quiz</h1>
      <p className="muted">
        Put the quiz on the projector; the class joins from their phones with a 6-digit code. Multiple-choice and
        true/false questions are used.
      </p>
      <NewGameForm decks={decks} />
    </>
  );
}
