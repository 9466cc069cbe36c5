import type { Metadata } from "next";
import { NewGameForm, type DeckOption } from "@/components/live/new-game-form";
import { countLiveQuestionsByDocument } from "@/lib/data/live";
import { currentShareTokens } from "@/lib/server/deck-share";
import { buildLibrary } from "@/lib/server/decks";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New live quiz" };

export default async function NewLiveGamePage() {
  const [library, counts] = await Promise.all([
    currentViewer().then(async (viewer) => buildLibrary(viewer, await currentShareTokens())),
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
