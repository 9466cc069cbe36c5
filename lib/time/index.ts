/**
 * Fixed-length spans of time, defined once. A "day" here is 24 hours of
 * elapsed time; calendar days in a learner's time zone (local midnight, DST)
 * are lib/study/calendar.ts's job (dayKey, startOfDay, addDays, daysBetween).
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
