import { db } from "@/lib/server/db";

export type LearnerRecord = {
  id: string;
  desiredRetention: number;
  newCardsPerDay: number;
  timeZone: string;
};

const LEARNER_FIELDS = { id: true, desiredRetention: true, newCardsPerDay: true, timeZone: true } as const;

export async function createGuestLearner(guestTokenHash: string, timeZone?: string): Promise<LearnerRecord> {
  return db().learner.create({ data: { guestTokenHash, timeZone }, select: LEARNER_FIELDS });
}

export async function getLearnerByGuestTokenHash(guestTokenHash: string): Promise<LearnerRecord | null> {
  return db().learner.findUnique({ where: { guestTokenHash }, select: LEARNER_FIELDS });
}

export async function getLearner(id: string): Promise<LearnerRecord | null> {
  return db().learner.findUnique({ where: { id }, select: LEARNER_FIELDS });
}

export async function updateLearnerSettings(
  id: string,
  settings: Partial<Omit<LearnerRecord, "id">>,
): Promise<LearnerRecord> {
  return db().learner.update({ where: { id }, data: { ...settings, lastSeenAt: new Date() }, select: LEARNER_FIELDS });
}

/** The learner that holds an account's progress, created on first use. */
export async function getLearnerForUser(userId: string): Promise<LearnerRecord> {
  const existing = await db().learner.findUnique({ where: { userId }, select: LEARNER_FIELDS });
  if (existing) return existing;
  try {
    return await db().learner.create({ data: { userId }, select: LEARNER_FIELDS });
  } catch {
    // Two first requests raced; the other one created it.
    return db().learner.findUniqueOrThrow({ where: { userId }, select: LEARNER_FIELDS });
  }
}
