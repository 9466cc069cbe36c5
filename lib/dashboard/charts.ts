import type { DayCount, HistogramBin } from "./types";
import { DAY_MS } from "../time";

/** "YYYY-MM-DD" of an instant, in UTC (the bucketing the database does). */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** One entry per UTC day for the `days` days ending today, zero where nothing happened. */
export function fillDays(counts: readonly DayCount[], now: Date, days: number): DayCount[] {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  const out: DayCount[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = utcDay(new Date(now.getTime() - i * DAY_MS));
    out.push({ day, count: byDay.get(day) ?? 0 });
  }
  return out;
}

/**
 * Learners per retention band of `width` percentage points (0-10%, 10-20%, … 90-100%).
 * The top band includes 100%; values are shares in 0..1, nulls are skipped.
 */
export function retentionHistogram(values: ReadonlyArray<number | null>, width = 10): HistogramBin[] {
  const bands = Math.ceil(100 / width);
  const bins: HistogramBin[] = Array.from({ length: bands }, (_, i) => {
    const from = i * width;
    const to = Math.min(100, from + width);
    return { label: `${from}–${to}%`, from, to, count: 0 };
  });
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    // Rounded to avoid 0.7 * 100 = 70.00000000000001 landing a band too high.
    const pct = Math.round(Math.min(1, Math.max(0, value)) * 1e6) / 1e4;
    const index = Math.min(bands - 1, Math.floor(pct / width));
    bins[index]!.count += 1;
  }
  return bins;
}

export function percent(value: number | null, digits = 0): string {
  return value === null ? "—" : `${(value * 100).toFixed(digits)}%`;
}
