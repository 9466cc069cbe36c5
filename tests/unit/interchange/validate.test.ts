import { describe, expect, it } from "vitest";
import { validateQuestion, type InterchangeQuestion } from "@/lib/interchange";

const problems = (q: InterchangeQuestion) => {
  const r = validateQuestion(q);
  return r.ok ? [] : r.problems;
};

describe("validateQuestion", () => {
  it("accepts and tidies a valid question", () => {
    const r = validateQuestion({
      type: "flashcard",
      prompt: "  What   is\tH2O? ",
      answer: " water ",
      tags: ["a", " a ", "", "b  c"],
    });
    expect(r).toEqual({
      ok: true,
      question: { type: "flashcard", prompt: "What is H2O?", answer: "water", tags: ["a", "b c"] },
    });
  });

  it("requires a prompt and an answer within the length caps", () => {
    expect(problems({ type: "flashcard", prompt: " ", answer: "" })).toEqual([
      "the question is empty",
      "the answer is empty",
    ]);
    expect(problems({ type: "flashcard", prompt: "x".repeat(2001), answer: "y" })).toEqual([
      "the question is longer than 2000 characters",
    ]);
  });

  it("requires exactly one gap in a cloze prompt", () => {
    expect(problems({ type: "cloze", prompt: "No gap here.", answer: "x" })[0]).toMatch(/exactly one gap/);
    expect(problems({ type: "cloze", prompt: "_____ and _____", answer: "x" })[0]).toMatch(/found 2/);
  });

  it("requires 2–6 distinct choices with exactly one matching the answer", () => {
    const mc = (answer: string, choices: string[]) =>
      problems({ type: "multiple_choice", prompt: "Q?", answer, choices });
    expect(mc("a", ["a", "b"])).toEqual([]);
    expect(mc("a", ["a"])).toEqual(["a multiple-choice question needs 2–6 choices (found 1)"]);
    expect(mc("a", ["a", "b", "c", "d", "e", "f", "g"])[0]).toMatch(/found 7/);
    expect(mc("a", ["a", "A "])).toEqual(["two choices are the same"]);
    expect(mc("Café", ["cafe", "b"])).toEqual(["the answer is not among the choices"]);
    expect(mc("“quoted”", ['"Quoted"', "b"])).toEqual([]); // curly quotes and case fold
  });

  it("normalises true/false answers and checks statementIsTrue agrees", () => {
    const r = validateQuestion({ type: "true_false", prompt: "Sky is blue.", answer: "TRUE" });
    expect(r).toEqual({
      ok: true,
      question: { type: "true_false", prompt: "Sky is blue.", answer: "true", statementIsTrue: true },
    });
    expect(problems({ type: "true_false", prompt: "S", answer: "yes" })[0]).toMatch(/"true" or "false"/);
    expect(problems({ type: "true_false", prompt: "S", answer: "false", statementIsTrue: true })).toEqual([
      "statementIsTrue disagrees with the answer",
    ]);
  });

  it("rejects unknown types and too many tags", () => {
    expect(problems({ type: "essay" as never, prompt: "p", answer: "a" })[0]).toMatch(/unknown question type/);
    expect(
      problems({ type: "flashcard", prompt: "p", answer: "a", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }),
    ).toEqual(["at most 20 tags are allowed"]);
  });
});
