import { describe, expect, it } from "vitest";
import { countPlan, planSession, type DueItem, type NewItem, type StudyOrder } from "@/lib/study/session-plan";

type Due = DueItem & { id: string; sentence: string };
type New = NewItem & { id: string };

const T = new Date("2026-03-01T12:00:00Z");
const due = (id: string, state: Due["state"], minutesAgo: number, sentence = id): Due => ({
  id,
  state,
  due: new Date(T.getTime() - minutesAgo * 60_000),
  sentence,
});
const fresh = (id: string, documentId: string, sentenceIndex: number): New => ({ id, documentId, sentenceIndex });

function plan(opts: Partial<Parameters<typeof planSession<Due, New>>[0]> = {}) {
  return planSession<Due, New>({
    due: [],
    fresh: [],
    newAllowance: 20,
    reviewAllowance: 200,
    size: 50,
    order: "due-first",
    sentenceKey: (d) => d.sentence,
    ...opts,
  });
}

const ids = (p: ReturnType<typeof plan>) => p.map((c) => c.item.id);

describe("planSession and countPlan", () => {
  it("counts exactly the cards the session serves: siblings of one sentence count once", () => {
    // 20 new questions, but only 8 distinct sentences: the session serves 8, so the deck says 8.
    const candidates = Array.from({ length: 20 }, (_, i) => fresh(`q${i}`, "doc", i % 8));
    const p = plan({ fresh: candidates });
    expect(p).toHaveLength(8);
    expect(countPlan(p)).toEqual({ new: 8, learning: 0, due: 0 });
  });

  it("holds review cards back at the daily review limit but never learning cards", () => {
    const p = plan({
      due: [due("r1", "review", 50), due("l1", "learning", 40), due("r2", "review", 30), due("l2", "relearning", 20)],
      reviewAllowance: 1,
    });
    expect(ids(p)).toEqual(["r1", "l1", "l2"]);
    expect(countPlan(p)).toEqual({ new: 0, learning: 2, due: 1 });
  });

  it("stops new cards at the daily allowance and the session size", () => {
    const candidates = Array.from({ length: 30 }, (_, i) => fresh(`q${i}`, "doc", i));
    expect(countPlan(plan({ fresh: candidates, newAllowance: 5 })).new).toBe(5);
    const many = Array.from({ length: 48 }, (_, i) => due(`r${i}`, "review", 100 - i));
    expect(countPlan(plan({ due: many, fresh: candidates, newAllowance: 20 }))).toEqual({
      new: 2,
      learning: 0,
      due: 48,
    });
  });

  it("skips a new question whose sentence is already in the session as a due card", () => {
    const p = plan({ due: [due("r1", "review", 5, "doc:3")], fresh: [fresh("q3", "doc", 3), fresh("q4", "doc", 4)] });
    expect(ids(p)).toEqual(["r1", "q4"]);
  });

  it.each<[StudyOrder, string[]]>([
    ["due-first", ["r1", "r2", "r3", "r4", "n1", "n2"]],
    ["new-first", ["n1", "n2", "r1", "r2", "r3", "r4"]],
    ["mixed", ["r1", "n1", "r2", "r3", "n2", "r4"]],
  ])("orders a session %s", (order, expected) => {
    const p = plan({
      order,
      due: [due("r1", "review", 4), due("r2", "review", 3), due("r3", "review", 2), due("r4", "review", 1)],
      fresh: [fresh("n1", "d", 1), fresh("n2", "d", 2)],
    });
    expect(ids(p)).toEqual(expected);
  });
});
