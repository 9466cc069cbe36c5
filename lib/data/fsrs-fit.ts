import type { Prisma } from "@/lib/generated/prisma/client";
import { parseEnum, RATINGS } from "@/lib/domain/enums";
import { db } from "@/lib/server/db";

/** A learner's non-undone answers, oldest first, as the optimizer needs them. */
export async function getFitReviews(learnerId: string) {
  const rows = await db().reviewLog.findMany({
    where: { learnerId, undoneAt: null },
    orderBy: { reviewedAt: "asc" },
    select: { cardId: true, rating: true, reviewedAt: true },
  });
  return rows.map((r) => ({ ...r, rating: parseEnum(RATINGS, r.rating, "rating") }));
}

export async function getFitState(learnerId: string) {
  const row = await db().learner.findUnique({
    where: { id: learnerId },
    select: { timeZone: true, fsrsUseFitted: true, fsrsFit: true, fsrsFittedAt: true },
  });
  if (!row) return null;
  const reviews = await db().reviewLog.count({ where: { learnerId, undoneAt: null } });
  return { ...row, reviews };
}

export async function saveFsrsFit(
  learnerId: string,
  data: { params: number[] | null; useFitted: boolean; fit: Prisma.InputJsonValue; at: Date },
): Promise<void> {
  await db().learner.update({
    where: { id: learnerId },
    data: {
      ...(data.params ? { fsrsParams: data.params } : {}),
      fsrsUseFitted: data.useFitted,
      fsrsFit: data.fit,
      fsrsFittedAt: data.at,
    },
  });
}

/** Learners with at least `minReviews` answers, for the batch fit. */
export async function listLearnersWithReviews(minReviews: number): Promise<string[]> {
  const groups = await db().reviewLog.groupBy({
    by: ["learnerId"],
    where: { undoneAt: null },
    _count: { _all: true },
    having: { learnerId: { _count: { gte: minReviews } } },
  });
  return groups.map((g) => g.learnerId);
}
