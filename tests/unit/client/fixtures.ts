import type { StudyCard, StudyQuestion, StudySession } from "@/lib/api/study-contract";
import { cardToJson, newCardState } from "@/lib/scheduling";

export const T0 = new Date("2026-03-02T09:00:00.000Z");

export function question(id: string, type: StudyQuestion["type"], extra: Partial<StudyQuestion> = {}): StudyQuestion {
  return {
    id,
    type,
    prompt: `Prompt ${id}`,
    answer: `Answer ${id}`,
    choices: null,
    statementIsTrue: null,
    factType: "date",
    documentId: "doc-1",
    documentTitle: "Document one",
    sentenceIndex: 3,
    sentence: `Sentence for ${id}.`,
    ...extra,
  };
}

export function newCard(q: StudyQuestion, now = T0): StudyCard {
  return { cardId: null, question: q, card: cardToJson(newCardState(now)) };
}

export function sessionOf(cards: StudyCard[]): StudySession {
  return {
    deck: { id: "all", title: "All questions" },
    learner: {
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      maxReviewsPerDay: 200,
      studyOrder: "due-first",
      timeZone: "UTC",
      fsrsWeights: null,
    },
    serverNow: T0.toISOString(),
    counts: { new: cards.length, learning: 0, due: 0 },
    cards,
  };
}

export const later = (ms: number, from = T0) => new Date(from.getTime() + ms);

/** A deterministic v4-shaped UUID for the n-th answer. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}
