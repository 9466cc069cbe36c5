/**
 * Time, defined once. Fixed spans (a "day" here is 24 hours of elapsed time), and
 * calendar days in a learner's IANA time zone: "today", streaks and heatmap days all
 * follow local midnight (with its DST shifts), not UTC. Day keys are "YYYY-MM-DD" strings.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export class TimeZoneError extends Error {
  readonly code = "invalid_time_zone";
  constructor(readonly timeZone: string) {
    super(`"${timeZone}" is not a recognised time zone. Use an IANA name such as "Europe/London".`);
    this.name = "TimeZoneError";
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    } catch {
      throw new TimeZoneError(timeZone);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.trim() === "") return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Returns the canonical IANA name ("europe/paris" → "Europe/Paris") or throws TimeZoneError. */
export function parseTimeZone(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) throw new TimeZoneError(timeZone);
  return formatter(timeZone).resolvedOptions().timeZone;
}

export function dayKey(date: Date, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(date);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

// No zone is more than 14 h from UTC; a little slack covers historic offsets.
const MAX_OFFSET_MS = 15 * HOUR_MS;

/**
 * The UTC instant at which the local day containing `now` begins. Found by binary
 * search on dayKey, so it is right on DST days and where midnight itself is skipped.
 */
export function startOfDay(now: Date, timeZone: string): Date {
  const key = dayKey(now, timeZone);
  const utcMidnight = Date.parse(`${key}T00:00:00Z`);
  let lo = utcMidnight - MAX_OFFSET_MS; // still the previous local day
  let hi = Math.min(now.getTime(), utcMidnight + MAX_OFFSET_MS); // already this local day
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayKey(new Date(mid), timeZone) < key) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/** Calendar arithmetic on day keys; independent of time zones. */
export function addDays(key: string, days: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The Monday that starts the ISO week containing `key`. */
export function weekStart(key: string): string {
  const weekday = new Date(`${key}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(key, -((weekday + 6) % 7));
}
