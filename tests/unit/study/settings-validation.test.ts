import { describe, expect, it } from "vitest";
import { learnerSettingsSchema } from "@/lib/api/study-contract";

const parse = (body: unknown) => learnerSettingsSchema.safeParse(body);
const message = (body: unknown) => {
  const r = parse(body);
  return r.success ? null : r.error.issues[0]!.message;
};

describe("learner settings validation", () => {
  it("accepts every setting within its bounds", () => {
    const ok = {
      desiredRetention: 0.85,
      newCardsPerDay: 10,
      maxReviewsPerDay: 150,
      timeZone: "Asia/Tokyo",
      studyOrder: "mixed",
    };
    expect(parse(ok)).toEqual({ success: true, data: ok });
    expect(parse({ desiredRetention: 0.7 }).success).toBe(true);
    expect(parse({ desiredRetention: 0.97 }).success).toBe(true);
    expect(parse({ newCardsPerDay: 0, maxReviewsPerDay: 0 }).success).toBe(true);
  });

  it("keeps desired retention within 0.70–0.97", () => {
    expect(message({ desiredRetention: 0.69 })).toBe("Desired retention must be at least 0.7.");
    expect(message({ desiredRetention: 0.98 })).toBe("Desired retention must be at most 0.97.");
    expect(parse({ desiredRetention: Number.NaN }).success).toBe(false);
  });

  it("wants whole, non-negative, bounded daily limits", () => {
    expect(message({ newCardsPerDay: 2.5 })).toBe("New cards per day must be a whole number.");
    expect(message({ newCardsPerDay: -1 })).toBe("New cards per day cannot be negative.");
    expect(message({ newCardsPerDay: 501 })).toBe("New cards per day can be at most 500.");
    expect(message({ maxReviewsPerDay: 10_000 })).toBe("Maximum reviews per day can be at most 9999.");
  });

  it("rejects unknown time zones, study orders and fields", () => {
    expect(message({ timeZone: "Mars/Olympus" })).toMatch(/Unknown time zone/);
    expect(parse({ studyOrder: "random" }).success).toBe(false);
    expect(parse({ isDemo: true }).success).toBe(false);
  });
});
