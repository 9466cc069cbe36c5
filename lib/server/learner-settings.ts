import "server-only";

import type { LearnerSettingsInput } from "@/lib/api/study-contract";
import { getLearnerDisplayName, updateLearnerSettings, type LearnerRecord } from "@/lib/data/learners";
import { isValidTimeZone, parseTimeZone } from "@/lib/time";

/** Keeps the learner's zone in step with their device, so "today" is their today. */
export async function rememberTimeZone(learner: LearnerRecord, tz: string | undefined): Promise<LearnerRecord> {
  if (!tz || !isValidTimeZone(tz)) return learner;
  const zone = parseTimeZone(tz);
  return zone === learner.timeZone ? learner : updateLearnerSettings(learner.id, { timeZone: zone });
}

/** The zone a visitor's device reports, for a session shown before any learner exists. */
export function visitorTimeZone(tz: string | undefined): string {
  return tz && isValidTimeZone(tz) ? parseTimeZone(tz) : "UTC";
}

/**
 * Saves validated settings (lib/api/study-contract.ts learnerSettingsSchema). The next
 * session request and the next stored answer read them, so they apply from the next card.
 */
export async function saveLearnerSettings(learner: LearnerRecord, input: LearnerSettingsInput): Promise<LearnerRecord> {
  const { timeZone, ...rest } = input;
  return updateLearnerSettings(learner.id, { ...rest, ...(timeZone ? { timeZone: parseTimeZone(timeZone) } : {}) });
}

/** A guest's name for their teachers (accounts use their account name). */
export async function saveGuestName(learner: LearnerRecord, displayName: string): Promise<LearnerRecord> {
  return updateLearnerSettings(learner.id, { displayName });
}

export async function getGuestDisplayName(learnerId: string): Promise<string | null> {
  return (await getLearnerDisplayName(learnerId)) ?? null;
}
