import { describe, expect, it } from "vitest";
import { pickQuestions, toLiveQuestion, type BankQuestion } from "@/lib/server/live/pick-questions";

const mc = (id: string, sentenceIndex: number, over: Partial<BankQuestion> = {}): BankQuestion => ({
  id,
  type: "multiple_choice",
  prompt: `Prompt ${id}`,
  answer: "B",
  choices: ["A", "B", "C"],
  statementIsTrue: null,
  documentId: "d1",
  sentenceIndex,
  ...over,
});

describe("toLiveQuestion", () => {
  it("maps the correct choice text to its index", () => {
    expect(toLiveQuestion(mc("q1", 0))).toEqual({
      id: "q1",
      type: "multiple_choice",
      prompt: "Prompt q1",
      choices: ["A", "B", "C"],
      correctIndex: 1,
    });
  });

  it("maps true/false from statementIsTrue", () => {
    const tf = mc("q2", 0, { type: "true_false", choices: null, answer: "false", statementIsTrue: false });
    expect(toLiveQuestion(tf)).toEqual({ id: "q2", type: "true_false", prompt: "Prompt q2", correct: false });
  });

  it("skips questions it cannot play fairly", () => {
    expect(toLiveQuestion(mc("a", 0, { type: "cloze" }))).toBeNull();
    expect(toLiveQuestion(mc("b", 0, { answer: "Z" }))).toBeNull();
    expect(toLiveQuestion(mc("c", 0, { choices: ["B", "B", "C"] }))).toBeNull();
    expect(toLiveQuestion(mc("d", 0, { choices: ["B"] }))).toBeNull();
    expect(toLiveQuestion(mc("e", 0, { choices: "B,C" }))).toBeNull();
    expect(toLiveQuestion(mc("f", 0, { type: "true_false", statementIsTrue: null }))).toBeNull();
  });
});

describe("pickQuestions", () => {
  const bank = [mc("s0a", 0), mc("s0b", 0), mc("s1a", 1), mc("s2a", 2), mc("bad", 3, { answer: "nope" })];

  it("prefers one question per sentence, in reading order, then fills up", () => {
    const ids = (n: number) => pickQuestions(bank, n, { shuffle: false, seed: 0 }).map((q) => q.id);
    expect(ids(3)).toEqual(["s0a", "s1a", "s2a"]);
    expect(ids(10)).toEqual(["s0a", "s1a", "s2a", "s0b"]);
  });

  it("samples reproducibly from the seed when shuffling", () => {
    const a = pickQuestions(bank, 3, { shuffle: true, seed: 42 }).map((q) => q.id);
    const b = pickQuestions(bank, 3, { shuffle: true, seed: 42 }).map((q) => q.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
    expect(a).not.toContain("bad");
  });

  it("plays one variant per note, never two of the same fact", () => {
    const notes = [
      mc("w-m", 0, { noteId: "west" }),
      mc("w-t", 0, { noteId: "west", type: "true_false", choices: null, answer: "true", statementIsTrue: true }),
      mc("c-m", 1, { noteId: "curie" }),
      mc("c-t", 1, { noteId: "curie", type: "true_false", choices: null, answer: "false", statementIsTrue: false }),
      mc("own", 2),
    ];
    expect(pickQuestions(notes, 10, { shuffle: false, seed: 0 }).map((q) => q.id)).toEqual(["w-m", "c-m", "own"]);
    for (const seed of [1, 2, 3, 4, 5]) {
      const ids = pickQuestions(notes, 10, { shuffle: true, seed }).map((q) => q.id);
      expect(ids).toHaveLength(3);
      expect(ids.filter((id) => id.startsWith("w-"))).toHaveLength(1);
      expect(ids.filter((id) => id.startsWith("c-"))).toHaveLength(1);
    }
  });
});
