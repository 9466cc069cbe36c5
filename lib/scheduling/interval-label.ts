import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time";

/** One decimal, trailing ".0" dropped: 1 → "1", 1.25 → "1.3". */
function compact(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * Anki-style button label for the gap between `now` and `due`:
 * "<1m", "10m", "3h", "1d", "4d", "1.2mo", "1y". Months are 30 days and years
 * 365 days, as in Anki; the label is for display only.
 */
export function formatInterval(now: Date, due: Date): string {
  const ms = due.getTime() - now.getTime();
  if (ms < MINUTE_MS) return "<1m";
  if (ms < HOUR_MS) return `${Math.round(ms / MINUTE_MS)}m`;
  if (ms < DAY_MS) return `${compact(ms / HOUR_MS)}h`;
  const days = ms / DAY_MS;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${compact(days / 30)}mo`;
  return `${compact(days / 365)}y`;
}
