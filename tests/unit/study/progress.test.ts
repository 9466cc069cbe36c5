import { describe, expect, it } from "vitest";
import type { CardStateName, Rating } from "@/lib/scheduling";
import {
  type CardRecord,
  cardsByState,
  dueForecast,
  MASTERY_STABILITY_DAYS,
  masteryByDocument,
  type ReviewRecord,
  retentionByWeek,
  reviewsPerDay,
  streaks,
} from "@/lib/study/progress";

// New York is UTC-5 until DST starts on 9 March 2025, UTC-4 after.
const TZ = "America/New_York";
const NOW = new Date("2025-03-05T15:00:00Z"); // Wednesday 5 March, 10:00 EST

const r = (iso: string, rating: Rating, stateBefore: CardStateName): ReviewRecord => ({
  reviewedAt: new Date(iso),
  rating,
  stateBefore,
});

const REVIEWS: ReviewRecord[] = [
  r("2025-02-20T12:00:00Z", "good", "review"), // Thu 20 Feb 07:00
  r("2025-03-01T03:00:00Z", "good", "review"), // Fri 28 Feb 22:00 local (1 Mar in UTC)
  r("2025-03-01T14:00:00Z", "again", "review"), // Sat 1 Mar 09:00
  r("2025-03-01T23:00:00Z", "good", "learning"), // Sat 1 Mar 18:00
  r("2025-03-03T12:00:00Z", "easy", "review"), // Mon 3 Mar 07:00
  r("2025-03-04T04:30:00Z", "hard", "review"), // Mon 3 Mar 23:30 local (4 Mar in UTC)
  r("2025-03-04T16:00:00Z", "again", "relearning"), // Tue 4 Mar 11:00
];

describe("reviewsPerDay", () => {
  it("counts reviews per local day", () => {
    expect(reviewsPerDay(REVIEWS, TZ)).toEqual([
      { day: "2025-02-20", count: 1 },
      { day: "2025-02-28", count: 1 },
      { day: "2025-03-01", count: 2 },
      { day: "2025-03-03", count: 2 },
      { day: "2025-03-04", count: 1 },
    ]);
  });

  it("groups differently in UTC, showing the zone matters", () => {
    expect(reviewsPerDay(REVIEWS, "UTC").map((d) => d.count)).toEqual([1, 3, 1, 2]);
  });
});

describe("retentionByWeek", () => {
  it("counts only answers to review-state cards, by local Monday-start week", () => {
    expect(retentionByWeek(REVIEWS, TZ)).toEqual([
      { weekStart: "2025-02-17", reviews: 1, passed: 1, retention: 1 },
      // Fri 28 Feb good + Sat 1 Mar again; the learning-step answer is excluded.
      { weekStart: "2025-02-24", reviews: 2, passed: 1, retention: 0.5 },
      // Mon easy + Mon (late evening) hard count as passed; the relearning answer is excluded.
      { weekStart: "2025-03-03", reviews: 2, passed: 2, retention: 1 },
    ]);
  });

  it("is empty without review-state answers", () => {
    expect(retentionByWeek([r("2025-03-01T12:00:00Z", "good", "new")], TZ)).toEqual([]);
  });
});

describe("streaks", () => {
  it("keeps the current streak alive until today is over", () => {
    // Study days: 20 Feb | 28 Feb, 1 Mar | 3 Mar, 4 Mar; today (5 Mar) not yet.
    expect(streaks(REVIEWS, NOW, TZ)).toEqual({ current: 2, longest: 2 });
  });

  it("extends with a review today", () => {
    const withToday = [...REVIEWS, r("2025-03-05T14:00:00Z", "good", "review")];
    expect(streaks(withToday, NOW, TZ)).toEqual({ current: 3, longest: 3 });
  });

  it("drops to zero after a missed day", () => {
    expect(streaks(REVIEWS, new Date("2025-03-06T15:00:00Z"), TZ)).toEqual({ current: 0, longest: 2 });
  });

  it("is zero with no reviews", () => {
    expect(streaks([], NOW, TZ)).toEqual({ current: 0, longest: 0 });
  });
});

const card = (
  documentId: string,
  state: CardStateName,
  stability: number,
  due = "2025-03-10T12:00:00Z",
): CardRecord => ({
  documentId,
  state,
  stability,
  due: new Date(due),
});

describe("dueForecast", () => {
  const CARDS: CardRecord[] = [
    card("d", "review", 5, "2025-03-01T12:00:00Z"), // overdue → today
    card("d", "review", 5, "2025-03-05T04:00:00Z"), // 4 Mar 23:00 local, overdue → today
    card("d", "learning", 0.5, "2025-03-05T20:00:00Z"), // later today
    card("d", "review", 5, "2025-03-06T04:59:00Z"), // 5 Mar 23:59 local → today
    card("d", "relearning", 2, "2025-03-05T16:00:00Z"), // today
    card("d", "review", 5, "2025-03-06T05:00:00Z"), // 6 Mar 00:00 local → tomorrow
    card("d", "review", 9, "2025-04-04T03:30:00Z"), // 3 Apr 23:30 EDT → day 29
    card("d", "review", 9, "2025-04-04T12:00:00Z"), // 4 Apr → day 30, outside the window
    card("d", "new", 0, "2025-03-05T15:00:00Z"), // new cards are not forecast
  ];

  it("buckets due cards into 30 local days starting today", () => {
    const forecast = dueForecast(CARDS, NOW, TZ);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: "2025-03-05", count: 5 });
    expect(forecast[1]).toEqual({ day: "2025-03-06", count: 1 });
    expect(forecast[29]).toEqual({ day: "2025-04-03", count: 1 });
    expect(forecast.reduce((sum, d) => sum + d.count, 0)).toBe(7);
  });

  it("counts cards by state", () => {
    expect(cardsByState(CARDS)).toEqual({ new: 1, learning: 1, review: 6, relearning: 1 });
  });
});

describe("masteryByDocument", () => {
  it("counts review cards with stability ≥ 21 days as mastered", () => {
    expect(MASTERY_STABILITY_DAYS).toBe(21);
    const cards = [
      card("b", "review", 21),
      card("b", "review", 20.9),
      card("b", "relearning", 50),
      card("a", "review", 100),
      card("a", "new", 0),
    ];
    expect(masteryByDocument(cards)).toEqual([
      { documentId: "a", total: 2, mastered: 1, mastery: 0.5 },
      { documentId: "b", total: 3, mastered: 1, mastery: 1 / 3 },
    ]);
  });
});
