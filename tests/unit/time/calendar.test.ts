import { describe, expect, it } from "vitest";
import {
  addDays,
  dayKey,
  daysBetween,
  isValidTimeZone,
  parseTimeZone,
  startOfDay,
  TimeZoneError,
  weekStart,
} from "@/lib/time";

describe("dayKey", () => {
  it("follows the learner's zone, not UTC", () => {
    const instant = new Date("2025-03-01T20:00:00Z");
    expect(dayKey(instant, "UTC")).toBe("2025-03-01");
    // Tokyo is UTC+9: 20:00 UTC is 05:00 the next morning.
    expect(dayKey(instant, "Asia/Tokyo")).toBe("2025-03-02");
    // Los Angeles is UTC-8 in winter: 03:00 UTC is 19:00 the previous evening.
    expect(dayKey(new Date("2025-03-01T03:00:00Z"), "America/Los_Angeles")).toBe("2025-02-28");
  });

  it("handles half-hour zones", () => {
    // Kolkata is UTC+5:30; 18:29 UTC is 23:59 local, 18:30 UTC is midnight.
    expect(dayKey(new Date("2025-06-10T18:29:00Z"), "Asia/Kolkata")).toBe("2025-06-10");
    expect(dayKey(new Date("2025-06-10T18:30:00Z"), "Asia/Kolkata")).toBe("2025-06-11");
  });
});

describe("startOfDay", () => {
  it("is local midnight for a zone ahead of UTC", () => {
    // Tokyo midnight on 2 March is 15:00 UTC on 1 March.
    expect(startOfDay(new Date("2025-03-01T20:00:00Z"), "Asia/Tokyo").toISOString()).toBe("2025-03-01T15:00:00.000Z");
  });

  it("is correct on the day clocks spring forward", () => {
    // New York, 9 March 2025: 02:00 EST → 03:00 EDT. Midnight is still EST (UTC-5).
    const evening = new Date("2025-03-10T02:00:00Z"); // 22:00 EDT on the 9th
    expect(dayKey(evening, "America/New_York")).toBe("2025-03-09");
    expect(startOfDay(evening, "America/New_York").toISOString()).toBe("2025-03-09T05:00:00.000Z");
    // The next day starts at midnight EDT (UTC-4), 23 hours later.
    expect(startOfDay(new Date("2025-03-10T12:00:00Z"), "America/New_York").toISOString()).toBe(
      "2025-03-10T04:00:00.000Z",
    );
  });

  it("is correct on the day clocks fall back", () => {
    // London, 26 October 2025: 02:00 BST → 01:00 GMT. Midnight is BST (UTC+1).
    expect(startOfDay(new Date("2025-10-26T22:00:00Z"), "Europe/London").toISOString()).toBe(
      "2025-10-25T23:00:00.000Z",
    );
  });

  it("handles a zone whose midnight is skipped", () => {
    // Santiago, 7 September 2025: clocks jump from 00:00 to 01:00, so the day starts at 01:00 (UTC-3).
    expect(startOfDay(new Date("2025-09-07T15:00:00Z"), "America/Santiago").toISOString()).toBe(
      "2025-09-07T04:00:00.000Z",
    );
  });

  it("returns now itself when now is exactly midnight", () => {
    const midnight = new Date("2025-03-01T15:00:00Z");
    expect(startOfDay(midnight, "Asia/Tokyo").getTime()).toBe(midnight.getTime());
  });
});

describe("time zone validation", () => {
  it("accepts IANA names and canonicalises their case", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(parseTimeZone("europe/paris")).toBe("Europe/Paris");
  });

  it("rejects unknown or empty zones with a typed error", () => {
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(() => parseTimeZone("Mars/Olympus_Mons")).toThrow(TimeZoneError);
    expect(() => dayKey(new Date("2025-03-01T00:00:00Z"), "Not/AZone")).toThrow(TimeZoneError);
    try {
      parseTimeZone("nope");
    } catch (error) {
      expect((error as TimeZoneError).code).toBe("invalid_time_zone");
    }
  });
});

describe("day key arithmetic", () => {
  it("adds days across month and year ends", () => {
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(daysBetween("2024-12-31", "2025-03-01")).toBe(60);
  });

  it("finds the Monday of the week", () => {
    expect(weekStart("2025-03-05")).toBe("2025-03-03"); // Wednesday
    expect(weekStart("2025-03-03")).toBe("2025-03-03"); // Monday
    expect(weekStart("2025-03-09")).toBe("2025-03-03"); // Sunday
  });
});
