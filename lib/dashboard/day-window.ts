import { utcDay } from "./charts";
import { DAY_MS } from "../time";

/** An inclusive range of instants, to the millisecond (the precision answers are stored with). */
export type InstantRange = { from: Date; to: Date };

/**
 * How a window [since, now] of answers splits between the per-learner-day
 * totals and the review logs. Whole UTC days inside the window come from the
 * totals (days `firstDay`..`lastDay`, except `partialDays`); a day that the
 * window, or one of `cuts` (a sub-window's start, such as "the last 7 days"),
 * divides is read from the logs, through `exact`. Today is always read from the
 * logs: answers stamped after `now` must not count. So the logs read are at
 * most a few days of the class's answers, whatever the length of its history.
 */
export type DayWindow = {
  firstDay: string;
  lastDay: string;
  partialDays: string[];
  exact: InstantRange[];
};

const dayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;
const dayOf = (t: number) => utcDay(new Date(t));

export function splitByDay(since: Date, now: Date, cuts: readonly Date[] = []): DayWindow {
  const s = since.getTime();
  const n = now.getTime();
  const partial = new Set<number>([dayStart(n)]);
  if (s !== dayStart(s)) partial.add(dayStart(s));
  for (const cut of cuts) {
    const c = cut.getTime();
    if (c > s && c <= n && c !== dayStart(c)) partial.add(dayStart(c));
  }
  const days = [...partial].sort((a, b) => a - b);
  return {
    firstDay: dayOf(s === dayStart(s) ? s : dayStart(s) + DAY_MS),
    lastDay: dayOf(dayStart(n) - DAY_MS),
    partialDays: days.map(dayOf),
    exact: days
      .map((d) => ({ from: new Date(Math.max(d, s)), to: new Date(Math.min(d + DAY_MS - 1, n)) }))
      .filter((r) => r.from.getTime() <= r.to.getTime()),
  };
}
