import { deckQuestionWhere } from "../../lib/data/study";
import { db } from "../../lib/server/db";

/**
 * The change proposed for countDeck, measured side by side with it: the deck
 * page only shows min(unseen, today's new-card allowance), so the unseen
 * count can stop once it reaches that allowance (`take` on the count).
 */
export async function countDeckCapped(learnerId: string, documentId: string | null, now: Date, newCap: number) {
  const question = deckQuestionWhere(documentId);
  const [unseen, learning, due] = await Promise.all([
    db().question.count({
      where: { ...question, cards: { none: { learnerId, state: { not: "new" } } } },
      take: newCap,
    }),
    db().card.count({ where: { learnerId, state: { in: ["learning", "relearning"] }, question } }),
    db().card.count({ where: { learnerId, state: "review", due: { lte: now }, question } }),
  ]);
  return { unseen, learning, due };
}
