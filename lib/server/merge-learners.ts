import "server-only";

import {
  deleteCardKeepingLogs,
  deleteLearner,
  deleteMembership,
  hasMembership,
  listCardsOfLearner,
  listMembershipsOfLearner,
  moveCardToLearner,
  moveMembershipToLearner,
  moveReviewLogsToLearner,
} from "@/lib/data/learners";
import { db } from "./db";

/**
 * Moves a guest's progress into an account's learner in one transaction.
 * Where both studied the same question, the card with the newest review wins;
 * every review log is kept, re-pointed at the surviving card. Class
 * memberships move too. The guest row is then deleted.
 */
export async function mergeLearnerInto(
  guestId: string,
  accountLearnerId: string,
): Promise<{ cards: number; logs: number }> {
  if (guestId === accountLearnerId) return { cards: 0, logs: 0 };
  return db().$transaction(async (tx) => {
    const guestCards = await listCardsOfLearner(tx, guestId);
    const theirs = new Map(
      (
        await listCardsOfLearner(
          tx,
          accountLearnerId,
          guestCards.map((c) => c.questionId),
        )
      ).map((c) => [c.questionId, c]),
    );
    let moved = 0;
    for (const card of guestCards) {
      const other = theirs.get(card.questionId);
      if (!other) {
        await moveCardToLearner(tx, card.id, accountLearnerId);
        moved++;
        continue;
      }
      const guestNewer = (card.lastReview?.getTime() ?? -1) > (other.lastReview?.getTime() ?? -1);
      const [keep, drop] = guestNewer ? [card, other] : [other, card];
      await deleteCardKeepingLogs(tx, drop.id, keep.id);
      if (guestNewer) {
        await moveCardToLearner(tx, keep.id, accountLearnerId);
        moved++;
      }
    }
    const logs = await moveReviewLogsToLearner(tx, guestId, accountLearnerId);
    for (const m of await listMembershipsOfLearner(tx, guestId)) {
      if (await hasMembership(tx, m.classId, accountLearnerId)) await deleteMembership(tx, m.id);
      else await moveMembershipToLearner(tx, m.id, accountLearnerId);
    }
    await deleteLearner(tx, guestId);
    return { cards: moved, logs };
  });
}
