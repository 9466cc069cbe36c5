import { randomUUID } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { StudyCard } from "@/lib/api/study-contract";
import { createGuestLearner, type LearnerRecord } from "@/lib/data/learners";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { loadReadableDeck, type Deck } from "@/lib/server/decks";
import { submitReview } from "@/lib/server/reviews";
import { buildStudySession } from "@/lib/server/study-session";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

// 18:00 in Tokyo, the learner's time zone; the day there ends at 15:00 UTC.
const NOW = new Date("2026-03-02T09:00:00Z");
let learner: LearnerRecord;
let deck: Deck;

async function noteOf(questionIds: string[]) {
  const rows = await db().question.findMany({ where: { id: { in: questionIds } }, select: { id: true, noteId: true } });
  return new Map(rows.map((r) => [r.id, r.noteId]));
}

beforeAll(async () => {
  await importContent(path.resolve("content"));
  const doc = await db().document.findFirstOrThrow({ where: { contentPath: "ishiba-trump-meeting-preview.md" } });
  deck = (await loadReadableDeck({ user: null, learnerId: null }, doc.id))!;
  learner = await createGuestLearner("hash-siblings");
  await db().learner.update({ where: { id: learner.id }, data: { timeZone: "Asia/Tokyo", newCardsPerDay: 50 } });
  learner = { ...learner, timeZone: "Asia/Tokyo", newCardsPerDay: 50 };
});

describe("sibling burying in study sessions", () => {
  it("never puts two variants of one note in a session", async () => {
    const session = await buildStudySession(learner, deck, NOW);
    expect(session.cards.length).toBeGreaterThan(10);
    const notes = await noteOf(session.cards.map((c) => c.question.id));
    const keys = session.cards.map((c) => notes.get(c.question.id));
    expect(keys.every((k) => k)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("buries a note's other variants for the rest of the learner's day, across sessions", async () => {
    const first = (await buildStudySession(learner, deck, NOW)).cards[0]!;
    const noteId = (await noteOf([first.question.id])).get(first.question.id)!;
    const siblings = await db().question.findMany({
      where: { noteId, status: "published", id: { not: first.question.id } },
      select: { id: true },
    });
    expect(siblings.length).toBeGreaterThan(0);
    await answer(first, NOW);

    // Answered right and fast (Easy), the card itself is not due again today.
    // Later the same evening in Tokyo (23:30), in a new session: no sibling either.
    const lateEvening = new Date("2026-03-02T14:30:00Z");
    const again = await buildStudySession(learner, deck, lateEvening);
    const ids = new Set(again.cards.map((c) => c.question.id));
    for (const s of siblings) expect(ids.has(s.id)).toBe(false);
    const notes = await noteOf([...ids]);
    expect([...ids].filter((id) => notes.get(id) === noteId)).toEqual([]);
    expect(again.cards.length).toBeGreaterThan(10);
  });
});

async function answer(card: StudyCard, at: Date) {
  const q = card.question;
  await submitReview(
    learner,
    {
      reviewId: randomUUID(),
      questionId: q.id,
      cardId: card.cardId,
      answeredAt: at.toISOString(),
      durationMs: 500,
      ...(q.type === "flashcard"
        ? { rating: "easy" as const }
        : { response: q.type === "true_false" ? String(q.statementIsTrue) : q.answer }),
    },
    at,
  );
}
