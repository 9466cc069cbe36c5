import { describe, expect, it } from "vitest";
import { fillDays, percent, retentionHistogram } from "@/lib/dashboard/charts";

describe("fillDays", () => {
  it("lists every UTC day ending today, zero where nothing happened", () => {
    const now = new Date("2026-03-03T01:00:00Z");
    expect(
      fillDays(
        [
          { day: "2026-03-02", count: 4 },
          { day: "2026-02-01", count: 9 },
        ],
        now,
        3,
      ),
    ).toEqual([
      { day: "2026-03-01", count: 0 },
      { day: "2026-03-02", count: 4 },
      { day: "2026-03-03", count: 0 },
    ]);
  });
});

describe("retentionHistogram", () => {
  it("counts learners per 10-point band, 100% in the top band, skipping unknowns", () => {
    const bins = retentionHistogram([0, 0.1, 0.7, 0.79, 0.8, 1, null]);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 0, 0, 0, 0, 0, 2, 1, 1]);
    expect(bins[7]).toMatchObject({ label: "70–80%", from: 70, to: 80 });
  });
});

describe("percent", () => {
  it("formats shares and marks missing values", () => {
    expect(percent(0.875)).toBe("88%");
    expect(percent(0.875, 1)).toBe("87.5%");
    expect(percent(null)).toBe("—");
  });
});

describe("labels", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it("says how long ago a learner was active", async () => {
    const { lastActiveLabel, secondsLabel, questionTypeLabel } = await import("@/lib/dashboard/format");
    expect(lastActiveLabel(null, now)).toBe("never");
    expect(lastActiveLabel("2026-03-10T01:00:00Z", now)).toBe("today");
    // 35 hours is one whole day.
    expect(lastActiveLabel("2026-03-09T01:00:00Z", now)).toBe("yesterday");
    expect(lastActiveLabel("2026-03-03T12:00:00Z", now)).toBe("7 days ago");
    expect(secondsLabel(7833.33)).toBe("7.8 s");
    expect(secondsLabel(null)).toBe("—");
    expect(questionTypeLabel("cloze")).toBe("Fill in the blank");
    expect(questionTypeLabel("other")).toBe("other");
  });
});
