import { describe, expect, it } from "vitest";
import { expectedDailyReviews, reviewsPerCard } from "@/lib/scheduling/workload";

describe("expected daily workload", () => {
  it("grows with desired retention above 0.85, steeply near the top", () => {
    // Below that, the reviews saved by longer intervals are partly eaten by more lapses.
    const at = (r: number) => expectedDailyReviews(20, r);
    const loads = [0.85, 0.9, 0.95, 0.97].map(at);
    for (let i = 1; i < loads.length; i++) expect(loads[i]!).toBeGreaterThan(loads[i - 1]!);
    // Going from 0.90 to 0.97 costs more than going from 0.80 to 0.90.
    expect(at(0.97) - at(0.9)).toBeGreaterThan(at(0.9) - at(0.8));
  });

  it("is proportional to new cards a day and zero without them", () => {
    expect(expectedDailyReviews(0, 0.9)).toBe(0);
    expect(expectedDailyReviews(10, 0.9) * 2).toBeCloseTo(expectedDailyReviews(20, 0.9), 6);
  });

  it("counts the day-one learning steps for each new card", () => {
    expect(reviewsPerCard(0.9, 1)).toBeGreaterThanOrEqual(2);
  });
});
