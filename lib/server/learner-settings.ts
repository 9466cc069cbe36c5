import { updateLearnerSettings, type LearnerRecord } from "@/lib/data/learners";
import { isValidTimeZone, parseTimeZone } from "@/lib/study/calendar";

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
