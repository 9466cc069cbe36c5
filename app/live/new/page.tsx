import type { Metadata } from "next";
import Link from "next/link";
import { NewGameForm, type DeckOption } from "@/components/live/new-game-form";
import { countLiveQuestionsByDocument } from "@/lib/data/live";
import { currentShareTokens } from "@/lib/server/deck-share";
import { buildLibrary } from "@/lib/server/decks";
import { mayHostGames } from "@/lib/server/hosting";
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
  const [library, counts] = await Promise.all([
    buildLibrary(viewer, await currentShareTokens()),
    countLiveQuestionsByDocument(),
  ]);
  // Games start from stored decks the host can read, each question counted once per deck.
  const decks: DeckOption[] = library.decks.map((d) => ({
    id: d.id,
    title: d.title,
    questionCount: d.documentIds.reduce((n, id) => n + (counts.get(id) ?? 0), 0),
  }));
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
