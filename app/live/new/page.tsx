import type { Metadata } from "next";
import { NewGameForm, type DeckOption } from "@/components/live/new-game-form";
import { listDocuments } from "@/lib/data/documents";
import { countLiveQuestionsByDocument } from "@/lib/data/live";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New live quiz" };

export default async function NewLiveGamePage() {
  const [documents, counts] = await Promise.all([listDocuments(), countLiveQuestionsByDocument()]);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const decks: DeckOption[] = [
    { id: "all", title: "All documents", questionCount: total },
    ...documents.map((d) => ({ id: d.id, title: d.title, questionCount: counts.get(d.id) ?? 0 })),
  ];
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
