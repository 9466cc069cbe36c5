import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
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

export async function getLearnerByGuestTokenHash(guestTokenHash: string): Promise<LearnerRecord | null> {
  return toRecord(await db().learner.findUnique({ where: { guestTokenHash }, select: LEARNER_FIELDS }));
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
  const existing = await db().learner.findUnique({ where: { userId }, select: LEARNER_FIELDS });
  if (existing) return toRecord(existing);
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
