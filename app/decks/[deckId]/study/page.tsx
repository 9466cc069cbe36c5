import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StudyClient } from "@/components/study/study-client";
import { currentShareTokens } from "@/lib/server/deck-share";
import { loadReadableDeck } from "@/lib/server/decks";
import { currentViewer } from "@/lib/server/viewer";
import "../../../study.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Study" };

export default async function StudyPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await params;
  if (!(await loadReadableDeck(await currentViewer(), deckId, await currentShareTokens()))) notFound();
  return <StudyClient deckId={deckId} />;
}
