import { db } from "@/lib/server/db";

/**
 * Moves a guest's progress into an account's learner in one transaction.
 * Where both studied the same question, the card with the newest review wins;
 * every review log is kept, re-pointed at the surviving card. Class
 * memberships move too. The guest row is then deleted.
 */
export async function mergeLearnerInto(guestId: string, accountLearnerId: string): Promise<{ cards: number; logs: number }> {
  if (guestId === accountLearnerId) return { cards: 0, logs: 0 };
  return db().$transaction(async (tx) => {
    const guestCards = await tx.card.findMany({ where: { learnerId: guestId } });
    const theirs = new Map(
      (
        await tx.card.findMany({
          where: { learnerId: accountLearnerId, questionId: { in: guestCards.map((c) => c.questionId) } },
        })
      ).map((c) => [c.questionId, c]),
    );
    let moved = 0;
    for (const card of guestCards) {
      const other = theirs.get(card.questionId);
      if (!other) {
        await tx.card.update({ where: { id: card.id }, data: { learnerId: accountLearnerId } });
        moved++;
        continue;
      }
      const guestNewer = (card.lastReview?.getTime() ?? -1) > (other.lastReview?.getTime() ?? -1);
      const [keep, drop] = guestNewer ? [card, other] : [other, card];
      await tx.reviewLog.updateMany({ where: { cardId: drop.id }, data: { cardId: keep.id } });
      await tx.card.delete({ where: { id: drop.id } });
      if (guestNewer) {
        await tx.card.update({ where: { id: keep.id }, data: { learnerId: accountLearnerId } });
        moved++;
      }
    }
    const { count: logs } = await tx.reviewLog.updateMany({
      where: { learnerId: guestId },
      data: { learnerId: accountLearnerId },
    });
    const memberships = await tx.classMember.findMany({ where: { learnerId: guestId } });
    for (const m of memberships) {
      const exists = await tx.classMember.findUnique({
        where: { classId_learnerId: { classId: m.classId, learnerId: accountLearnerId } },
      });
      if (exists) await tx.classMember.delete({ where: { id: m.id } });
      else await tx.classMember.update({ where: { id: m.id }, data: { learnerId: accountLearnerId } });
    }
    await tx.learner.delete({ where: { id: guestId } });
    return { cards: moved, logs };
  });
}

/** A guest who signs up becomes the account's learner as it is. */
export async function adoptGuestLearner(guestId: string, userId: string): Promise<void> {
  await db().learner.update({ where: { id: guestId }, data: { userId, guestTokenHash: null } });
}

export async function getLearnerIdForUser(userId: string): Promise<string | null> {
  return (await db().learner.findUnique({ where: { userId }, select: { id: true } }))?.id ?? null;
}
