import type { Metadata } from "next";
import { StudyClient } from "@/components/study/study-client";
import "../../../study.css";

export const metadata: Metadata = { title: "Study" };

export default async function StudyPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await params;
  return <StudyClient deckId={deckId} />;
}
