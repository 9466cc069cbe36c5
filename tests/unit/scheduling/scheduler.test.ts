import { type Card, createEmptyCard, fsrs, Rating as FsrsRating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  type CardState,
  type Rating,
  RATINGS,
  newCardState,
  previewIntervals,
  ratingToFsrs,
  scheduleReview,
  SchedulerSettingsError,
} from "@/lib/scheduling";

const settings = { desiredRetention: 0.9 };
const params = { request_retention: 0.9, maximum_interval: 36500, enable_fuzz: false };
const T0 = new Date("2025-03-01T09:00:00Z");
const HOUR = 3_600_000;

const FSRS_GRADE = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
} as const;

/** Runs the same answer history through the wrapper and through ts-fsrs directly. */
function build(history: Array<[Rating, (c: Card) => Date]>): { ours: CardState; theirs: Card } {
  const f = fsrs(params);
  let theirs = createEmptyCard(T0);
  let ours = newCardState(T0);
  for (const [rating, when] of history) {
    const at = when(theirs);
    theirs = f.next(theirs, at, FSRS_GRADE[rating]).card;
    ours = scheduleReview(ours, rating, at, settings).card;
  }
  return { ours, theirs };
}

const atDue = (c: Card): Date => c.due;
const T0Fn = (): Date => T0;

const STATES: Record<string, { history: Array<[Rating, (c: Card) => Date]>; state: State }> = {
  new: { history: [], state: State.New },
  learning: { history: [["good", T0Fn]], state: State.Learning },
  review: {
    history: [
      ["good", T0Fn],
      ["good", atDue],
    ],
    state: State.Review,
  },
  relearning: {
    history: [
      ["good", T0Fn],
      ["good", atDue],
      ["again", atDue],
    ],
    state: State.Relearning,
  },
};

function expectSameCard(ours: CardState, theirs: Card): void {
  expect(ours.due.getTime()).toBe(theirs.due.getTime());
  expect(ours.stability).toBe(theirs.stability);
  expect(ours.difficulty).toBe(theirs.difficulty);
  expect(ours.elapsedDays).toBe(theirs.elapsed_days);
  expect(ours.scheduledDays).toBe(theirs.scheduled_days);
  expect(ours.learningSteps).toBe(theirs.learning_steps);
  expect(ours.reps).toBe(theirs.reps);
  expect(ours.lapses).toBe(theirs.lapses);
  expect(ours.lastReview?.getTime() ?? null).toBe(theirs.last_review?.getTime() ?? null);
}

describe("scheduleReview matches ts-fsrs", () => {
  for (const [name, { history, state }] of Object.entries(STATES)) {
    for (const rating of RATINGS) {
      it(`${name} card rated ${rating}`, () => {
        const { ours, theirs } = build(history);
        expect(theirs.state).toBe(state);
        expect(ours.state).toBe(name);
        const now = new Date(theirs.due.getTime() + 2 * HOUR);
        const direct = fsrs(params).next(theirs, now, FSRS_GRADE[rating]);
        const result = scheduleReview(ours, rating, now, settings);
        expectSameCard(result.card, direct.card);
        expect(result.log).toMatchObject({
          rating,
          stateBefore: name,
          elapsedDays: direct.log.elapsed_days,
          scheduledDays: direct.card.scheduled_days,
          stability: direct.card.stability,
          difficulty: direct.card.difficulty,
        });
        expect(result.log.due.getTime()).toBe(direct.card.due.getTime());
        expect(result.log.reviewedAt.getTime()).toBe(now.getTime());
      });
    }
  }

  it("does not mutate the input card", () => {
    const card = newCardState(T0);
    const copy = structuredClone(card);
    scheduleReview(card, "good", T0, settings);
    expect(card).toEqual(copy);
  });

  it("respects desired retention: higher retention gives shorter intervals", () => {
    const { ours } = build(STATES.review!.history);
    const loose = scheduleReview(ours, "good", ours.due, { desiredRetention: 0.8 }).card;
    const strict = scheduleReview(ours, "good", ours.due, { desiredRetention: 0.97 }).card;
    expect(strict.scheduledDays).toBeLessThan(loose.scheduledDays);
  });

  it("caps intervals at maximumIntervalDays", () => {
    const { ours } = build(STATES.review!.history);
    const uncapped = scheduleReview(ours, "good", ours.due, settings);
    expect(uncapped.card.scheduledDays).toBeGreaterThan(10);
    const capped = scheduleReview(ours, "good", ours.due, { desiredRetention: 0.9, maximumIntervalDays: 10 });
    expect(capped.card.scheduledDays).toBe(10);
  });

  it("fuzz, when enabled, is deterministic for the same inputs", () => {
    const { ours } = build(STATES.review!.history);
    const fuzzy = { desiredRetention: 0.9, fuzz: true };
    const a = scheduleReview(ours, "good", ours.due, fuzzy).card.due.getTime();
    const b = scheduleReview(ours, "good", ours.due, fuzzy).card.due.getTime();
    expect(a).toBe(b);
  });

  it("rejects out-of-range settings with a typed error", () => {
    const card = newCardState(T0);
    for (const bad of [0.5, 0.995, Number.NaN]) {
      expect(() => scheduleReview(card, "good", T0, { desiredRetention: bad })).toThrow(SchedulerSettingsError);
    }
    try {
      scheduleReview(card, "good", T0, { desiredRetention: 0.9, maximumIntervalDays: 0 });
      expect.unreachable();
    } catch (error) {
      expect((error as SchedulerSettingsError).code).toBe("invalid_scheduler_settings");
    }
  });
});

describe("previewIntervals", () => {
  for (const [name, { history }] of Object.entries(STATES)) {
    it(`matches ts-fsrs repeat() for a ${name} card`, () => {
      const { ours, theirs } = build(history);
      const now = theirs.due;
      const direct = fsrs(params).repeat(theirs, now);
      const preview = previewIntervals(ours, now, settings);
      for (const rating of RATINGS) {
        expect(preview[rating].due.getTime()).toBe(direct[FSRS_GRADE[rating]].card.due.getTime());
        expect(preview[rating].label).toMatch(/^(<1m|\d+(\.\d)?(m|h|d|mo|y))$/);
      }
    });
  }

  it("labels a new card with the default learning steps", () => {
    // Default ts-fsrs steps are 1m and 10m; hard on a first step is the midpoint of 1m and 10m.
    const preview = previewIntervals(newCardState(T0), T0, settings);
    expect(preview.again.label).toBe("1m");
    expect(preview.hard.label).toBe("6m");
    expect(preview.good.label).toBe("10m");
  });

  it("agrees with what scheduleReview then does", () => {
    const { ours } = build(STATES.relearning!.history);
    const now = ours.due;
    const preview = previewIntervals(ours, now, settings);
    for (const rating of RATINGS) {
      expect(scheduleReview(ours, rating, now, settings).card.due.getTime()).toBe(preview[rating].due.getTime());
    }
  });
});

describe("rating mapping", () => {
  it("gives every rating its own FSRS grade", () => {
    expect(new Set(RATINGS.map(ratingToFsrs)).size).toBe(RATINGS.length);
    expect(ratingToFsrs("again")).toBe(FsrsRating.Again);
    expect(ratingToFsrs("easy")).toBe(FsrsRating.Easy);
  });
});
