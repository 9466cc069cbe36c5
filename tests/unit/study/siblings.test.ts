import { describe, expect, it } from "vitest";
import { burySiblings, groupByNote, noteKeyOf } from "@/lib/study/siblings";

// One fact ("The Treaty of Westphalia was signed in 1648") as four variants, plus two other notes.
const westphalia = ["c", "m", "f", "t"].map((v) => ({ id: `west-${v}`, noteId: "west" }));
const curie = [
  { id: "curie-c", noteId: "curie" },
  { id: "curie-f", noteId: "curie" },
];
const handWritten = { id: "a_1", noteId: null };
const id = <T extends { id: string }>(q: T) => q;

describe("sibling burying in a study session", () => {
  it("shows at most one variant of a note in a session", () => {
    const session = burySiblings([...westphalia, ...curie, handWritten], id, []);
    expect(session.map((q) => q.id)).toEqual(["west-c", "curie-c", "a_1"]);
  });

  it("buries a note for the rest of the day once one of its variants was answered", () => {
    // Earlier today (another session), the learner answered the multiple-choice variant.
    const candidates = [...westphalia.filter((q) => q.id !== "west-m"), ...curie];
    const session = burySiblings(candidates, id, [{ id: "west-m", noteId: "west" }]);
    expect(session.map((q) => q.id)).toEqual(["curie-c"]);
  });

  it("lets the same question come back the same day (a learning step), but not a sibling", () => {
    const due = [westphalia[1]!, westphalia[2]!, curie[1]!];
    const session = burySiblings(due, id, [{ id: "west-m", noteId: "west" }]);
    expect(session.map((q) => q.id)).toEqual(["west-m", "curie-f"]);
  });

  it("treats a question without a note as its own note", () => {
    const other = { id: "a_2", noteId: null };
    expect(burySiblings([handWritten, other], id, [{ id: "a_1", noteId: null }]).map((q) => q.id)).toEqual([
      "a_1",
      "a_2",
    ]);
    expect(noteKeyOf(handWritten)).not.toBe(noteKeyOf(other));
  });

  it("works on any row shape through an accessor, keeping order", () => {
    const rows = [...curie, ...westphalia].map((q, i) => ({ card: i, question: q }));
    const kept = burySiblings(rows, (r) => r.question, []);
    expect(kept.map((r) => r.card)).toEqual([0, 2]);
  });

  it("groups a review queue by note", () => {
    const groups = groupByNote([westphalia[0]!, curie[0]!, westphalia[3]!, handWritten]);
    expect(groups.map((g) => [g.key, g.variants.map((v) => v.id)])).toEqual([
      ["west", ["west-c", "west-t"]],
      ["curie", ["curie-c"]],
      ["q:a_1", ["a_1"]],
    ]);
  });
});
