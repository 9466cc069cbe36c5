import { describe, expect, it } from "vitest";
import { generateBank, type Question } from "@/lib/qgen";
import { bankOf, doc } from "./helpers";

const TEXT = [
  "The Eiffel Tower was completed in 1889 for the World's Fair in Paris.",
  "Gustave Eiffel's company designed the tower, which cost about $1.5 million to build.",
  "The Statue of Liberty was dedicated in 1886 in New York Harbor.",
  "The Brooklyn Bridge opened in 1883 and carried 150,000 people on its first day.",
  "Construction of the Panama Canal was finished in 1914 after a decade of work.",
].join("\n");

const bank = bankOf([TEXT], 11);
const of = <T extends Question["type"]>(type: T, answer: string) =>
  bank.questions.find((q): q is Extract<Question, { type: T }> => q.type === type && q.answer === answer);

describe("question types", () => {
  it("cloze blanks the span in the sentence", () => {
    const q = of("cloze", "1889");
    expect(q?.prompt).toBe("The Eiffel Tower was completed in _____ for the World's Fair in Paris.");
    expect(q?.source.sentence).toBe("The Eiffel Tower was completed in 1889 for the World's Fair in Paris.");
    expect(TEXT.slice(q!.source.start, q!.source.end)).toBe(q!.source.sentence);
  });

  it("multiple choice has the answer once among four distinct, same-type choices", () => {
    const q = of("multiple_choice", "1889")!;
    expect(q.choices).toHaveLength(4);
    expect(q.choices.filter((c) => c === "1889")).toHaveLength(1);
    expect(new Set(q.choices).size).toBe(4);
    for (const c of q.choices) expect(c).toMatch(/^\d{4}$/);
    expect(q.prompt).toContain("_____");
  });

  it("flashcard asks a wh-question where the grammar allows", () => {
    expect(of("flashcard", "1889")?.prompt).toBe("When was the Eiffel Tower completed?");
    expect(of("flashcard", "1886")?.prompt).toBe("When was the Statue of Liberty dedicated?");
  });

  it("flashcard falls back to a cloze front otherwise", () => {
    const q = of("flashcard", "$1.5 million");
    expect(q?.prompt).toContain("_____");
  });

  it("true/false statements are the sentence, or the sentence with a same-type swap", () => {
    const tf = bank.questions.filter((q): q is Extract<Question, { type: "true_false" }> => q.type === "true_false");
    expect(tf.length).toBeGreaterThan(0);
    for (const q of tf) {
      expect(q.answer).toBe(String(q.statementIsTrue));
      if (q.statementIsTrue) expect(q.prompt).toBe(q.source.sentence);
      else expect(q.prompt).not.toBe(q.source.sentence);
    }
    // The seed decides, so across seeds both kinds appear.
    const kinds = new Set(
      [1, 2, 3, 4, 5].flatMap((seed) =>
        bankOf([TEXT], seed).questions.flatMap((q) => (q.type === "true_false" ? [q.statementIsTrue] : [])),
      ),
    );
    expect(kinds).toEqual(new Set([true, false]));
  });

  it("a false statement swaps in a value of the same type", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const b = bankOf([TEXT], seed);
      for (const q of b.questions) {
        if (q.type !== "true_false" || q.statementIsTrue || q.factType !== "year") continue;
        const cloze = b.questions.find(
          (c) => c.type === "cloze" && c.source.sentence === q.source.sentence && c.factType === "year",
        )!;
        const [before, after] = cloze.prompt.split("_____");
        const swapped = q.prompt.slice(before!.length, q.prompt.length - after!.length);
        expect(swapped).toMatch(/^\d{4}$/);
        expect(swapped).not.toBe(cloze.answer);
      }
    }
  });

  it("ids are stable: editing one sentence keeps the ids of the others", () => {
    const edited = TEXT.replace("150,000 people", "160,000 people");
    const a = generateBank([doc("one", TEXT)], { seed: 1 });
    const b = generateBank([doc("another-id", edited)], { seed: 1 });
    const untouched = (x: typeof a) =>
      x.questions.filter((q) => q.type === "cloze" && !q.source.sentence.includes("Brooklyn")).map((q) => q.id);
    expect(untouched(b)).toEqual(untouched(a));
    expect(untouched(a).length).toBeGreaterThan(3);
  });

  it("scores are in 0..1 and a wh-question scores above its cloze", () => {
    for (const q of bank.questions) expect(q.score).toBeGreaterThanOrEqual(0);
    for (const q of bank.questions) expect(q.score).toBeLessThanOrEqual(1);
    expect(of("flashcard", "1889")!.score).toBeGreaterThan(of("cloze", "1889")!.score);
  });
});
