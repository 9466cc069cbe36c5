import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { Tx } from "./tx";
import { STUDY_ORDERS, type StudyOrder } from "@/lib/study/session-plan";

export type LearnerRecord = {
  id: string;
  desiredRetention: number;
  newCardsPerDay: number;
  maxReviewsPerDay: number;
  studyOrder: StudyOrder;
  timeZone: string;
  /** The learner's fitted FSRS parameters when they beat the defaults; null means the defaults. */
  fsrsWeights: number[] | null;
};

export type LearnerSettingsUpdate = Partial<
  Pick<LearnerRecord, "desiredRetention" | "newCardsPerDay" | "maxReviewsPerDay" | "studyOrder" | "timeZone">
> & { displayName?: string };

const LEARNER_FIELDS = {
  id: true,
  desiredRetention: true,
  newCardsPerDay: true,
  maxReviewsPerDay: true,
  studyOrder: true,
  timeZone: true,
  fsrsParams: true,
  fsrsUseFitted: true,
} as const satisfies Prisma.LearnerSelect;

type LearnerRow = Prisma.LearnerGetPayload<{ select: typeof LEARNER_FIELDS }>;

function toRecord(row: LearnerRow): LearnerRecord;
function toRecord(row: LearnerRow | null): LearnerRecord | null;
function toRecord(row: LearnerRow | null): LearnerRecord | null {
  if (!row) return null;
  const { fsrsParams, fsrsUseFitted, studyOrder, ...rest } = row;
  const weights = Array.isArray(fsrsParams) && fsrsParams.every((w) => typeof w === "number") ? fsrsParams : null;
  return {
    ...rest,
    studyOrder: (STUDY_ORDERS as readonly string[]).includes(studyOrder) ? (studyOrder as StudyOrder) : "due-first",
    fsrsWeights: fsrsUseFitted ? weights : null,
  };
}

export async function createGuestLearner(guestTokenHash: string, timeZone?: string): Promise<LearnerRecord> {
  return toRecord(await db().learner.create({ data: { guestTokenHash, timeZone }, select: LEARNER_FIELDS }));
}

/**
 * LEARNER_FIELDS of one learner, in one raw statement: every request of a
 * learner looks them up, and a model query would pay its compilation.
 */
async function selectLearner(where: Prisma.Sql): Promise<LearnerRecord | null> {
  const rows = await db().$queryRaw<LearnerRow[]>`
    SELECT "id", "desiredRetention", "newCardsPerDay", "maxReviewsPerDay", "studyOrder", "timeZone",
      "fsrsParams", "fsrsUseFitted"
    FROM "Learner" WHERE ${where}`;
  return toRecord(rows[0] ?? null);
}

export async function getLearnerByGuestTokenHash(guestTokenHash: string): Promise<LearnerRecord | null> {
  return selectLearner(Prisma.sql`"guestTokenHash" = ${guestTokenHash}`);
}

export async function getLearner(id: string): Promise<LearnerRecord | null> {
  return toRecord(await db().learner.findUnique({ where: { id }, select: LEARNER_FIELDS }));
}

export async function updateLearnerSettings(id: string, settings: LearnerSettingsUpdate): Promise<LearnerRecord> {
  return toRecord(
    await db().learner.update({ where: { id }, data: { ...settings, lastSeenAt: new Date() }, select: LEARNER_FIELDS }),
  );
}

/** The learner that holds an account's progress, created on first use. */
export async function getLearnerForUser(userId: string): Promise<LearnerRecord> {
  const existing = await selectLearner(Prisma.sql`"userId" = ${userId}`);
  if (existing) return existing;
  try {
    return toRecord(await db().learner.create({ data: { userId }, select: LEARNER_FIELDS }));
  } catch {
    // Two first requests raced; the other one created it.
    return toRecord(await db().learner.findUniqueOrThrow({ where: { userId }, select: LEARNER_FIELDS }));
  }
}

export async function getLearnerDisplayName(id: string): Promise<string | null> {
  const row = await db().learner.findUnique({ where: { id }, select: { displayName: true } });
  return row?.displayName ?? null;
}

/** A guest who signs up becomes the account's learner as it is. */
export async function adoptGuestLearner(guestId: string, userId: string): Promise<void> {
  await db().learner.update({ where: { id: guestId }, data: { userId, guestTokenHash: null } });
}

export async function getLearnerIdForUser(userId: string): Promise<string | null> {
  return (await db().learner.findUnique({ where: { userId }, select: { id: true } }))?.id ?? null;
}

// Moving one learner's rows to another, inside the merge's transaction (lib/server/merge-learners.ts).

export async function listCardsOfLearner(tx: Tx, learnerId: string, questionIds?: string[]) {
  return tx.card.findMany({ where: { learnerId, ...(questionIds ? { questionId: { in: questionIds } } : {}) } });
}

export async function moveCardToLearner(tx: Tx, cardId: string, learnerId: string): Promise<void> {
  await tx.card.update({ where: { id: cardId }, data: { learnerId } });
}

export async function deleteCardKeepingLogs(tx: Tx, cardId: string, logsGoTo: string): Promise<void> {
  await tx.reviewLog.updateMany({ where: { cardId }, data: { cardId: logsGoTo } });
  await tx.card.delete({ where: { id: cardId } });
}

export async function moveReviewLogsToLearner(tx: Tx, fromLearnerId: string, toLearnerId: string): Promise<number> {
  return (await tx.reviewLog.updateMany({ where: { learnerId: fromLearnerId }, data: { learnerId: toLearnerId } }))
    .count;
}

export async function listMembershipsOfLearner(tx: Tx, learnerId: string) {
  return tx.classMember.findMany({ where: { learnerId } });
}

export async function hasMembership(tx: Tx, classId: string, learnerId: string): Promise<boolean> {
  return (await tx.classMember.findUnique({ where: { classId_learnerId: { classId, learnerId } } })) !== null;
}

export async function deleteMembership(tx: Tx, membershipId: string): Promise<void> {
  await tx.classMember.delete({ where: { id: membershipId } });
}

export async function moveMembershipToLearner(tx: Tx, membershipId: string, learnerId: string): Promise<void> {
  await tx.classMember.update({ where: { id: membershipId }, data: { learnerId } });
}

export async function deleteLearner(tx: Tx, learnerId: string): Promise<void> {
  await tx.learner.delete({ where: { id: learnerId } });
}
