import { describe, expect, it } from "vitest";
import { formatInterval } from "@/lib/scheduling";

const NOW = new Date("2025-03-01T09:00:00Z");
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const after = (ms: number): Date => new Date(NOW.getTime() + ms);

describe("formatInterval", () => {
  it.each([
    [30_000, "<1m"],
    [0, "<1m"],
    [MIN, "1m"],
    [10 * MIN, "10m"],
    [90 * MIN, "1.5h"],
    [DAY, "1d"],
    [4 * DAY, "4d"],
    [29 * DAY, "29d"],
    [36 * DAY, "1.2mo"], // 36 / 30
    [300 * DAY, "10mo"],
    [365 * DAY, "1y"],
    [2 * 365 * DAY + 183 * DAY, "2.5y"],
  ])("%d ms → %s", (ms, label) => {
    expect(formatInterval(NOW, after(ms))).toBe(label);
  });
});
