import { createEmptyCard, fsrs, Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { type CardState, fromFsrsCard, stateFromFsrs, stateToFsrs, toFsrsCard } from "@/lib/scheduling";

const T0 = new Date("2025-03-01T09:00:00Z");

describe("CardState conversions", () => {
  it("maps a fresh ts-fsrs card to a new CardState with null lastReview", () => {
    const card = fromFsrsCard(createEmptyCard(T0));
    expect(card).toEqual({
      due: T0,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: "new",
      lastReview: null,
    });
    expect(toFsrsCard(card)).not.toHaveProperty("last_review");
  });

  it("round-trips a reviewed card both ways", () => {
    const f = fsrs({ enable_fuzz: false });
    let fsrsCard = f.next(createEmptyCard(T0), T0, Rating.Good).card;
    fsrsCard = f.next(fsrsCard, fsrsCard.due, Rating.Good).card;
    const ours = fromFsrsCard(fsrsCard);
    expect(ours.state).toBe("review");
    expect(ours.lastReview).toEqual(fsrsCard.last_review);
    expect(toFsrsCard(ours)).toEqual(fsrsCard);
    expect(fromFsrsCard(toFsrsCard(ours))).toEqual(ours);
  });

  it("round-trips a hand-built relearning state", () => {
    const card: CardState = {
      due: new Date("2025-05-01T10:00:00Z"),
      stability: 3.25,
      difficulty: 6.5,
      elapsedDays: 12,
      scheduledDays: 0,
      learningSteps: 1,
      reps: 7,
      lapses: 2,
      state: "relearning",
      lastReview: new Date("2025-05-01T09:50:00Z"),
    };
    expect(fromFsrsCard(toFsrsCard(card))).toEqual(card);
  });

  it("copies dates rather than sharing them", () => {
    const card = fromFsrsCard(createEmptyCard(T0));
    const back = toFsrsCard(card);
    back.due.setTime(0);
    expect(card.due.getTime()).toBe(T0.getTime());
  });

  it("maps every state name", () => {
    expect(stateToFsrs("new")).toBe(State.New);
    expect(stateToFsrs("learning")).toBe(State.Learning);
    expect(stateToFsrs("review")).toBe(State.Review);
    expect(stateToFsrs("relearning")).toBe(State.Relearning);
    for (const s of [State.New, State.Learning, State.Review, State.Relearning]) {
      expect(stateToFsrs(stateFromFsrs(s))).toBe(s);
    }
  });
});
