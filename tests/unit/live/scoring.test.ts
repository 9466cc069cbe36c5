import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_POINTS, MAX_SPEED_BONUS, computePoints } from "@/lib/live";

describe("computePoints", () => {
  const d = 20_000;

  it("gives 0 for a wrong answer however fast", () => {
    expect(computePoints(false, 0, d)).toBe(0);
  });

  it("scales the speed bonus linearly with time remaining", () => {
    expect(computePoints(true, 0, d)).toBe(1000);
    expect(computePoints(true, 5000, d)).toBe(875);
    expect(computePoints(true, 10_000, d)).toBe(750);
    expect(computePoints(true, d, d)).toBe(500);
    // 500 × 19 999 / 20 000 = 499.975 → 500
    expect(computePoints(true, 1, d)).toBe(1000);
    // 500 × 7 / 20 000 = 0.175 → 0
    expect(computePoints(true, d - 7, d)).toBe(500);
  });

  it("clamps response times outside the window", () => {
    expect(computePoints(true, -50, d)).toBe(1000);
    expect(computePoints(true, d + 50, d)).toBe(500);
  });

  it("stays within [base, base + bonus] and never rewards slowness", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 120_000 }), fc.nat(), fc.nat(), (duration, a, b) => {
        const [x, y] = [a % (duration + 1), b % (duration + 1)].sort((m, n) => m - n) as [number, number];
        const px = computePoints(true, x, duration);
        const py = computePoints(true, y, duration);
        expect(px).toBeGreaterThanOrEqual(py);
        expect(py).toBeGreaterThanOrEqual(BASE_POINTS);
        expect(px).toBeLessThanOrEqual(BASE_POINTS + MAX_SPEED_BONUS);
      }),
    );
  });
});
