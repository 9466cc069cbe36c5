import { describe, expect, it } from "vitest";
import { gradeAnswer, GradeError, type GradableQuestion } from "@/lib/study/grade";

const cloze: GradableQuestion = {
  type: "cloze",
  prompt: "The canal's chief engineer was _____.",
  answer: "John Frank Stevens",
  choices: null,
  statementIsTrue: null,
};

describe('the override rule ("I was right")', () => {
  it("turns a rejected typed answer into a pass rated Good, and says it was overridden", () => {
    const machine = gradeAnswer(cloze, { response: "Stevens", durationMs: 1_000 });
    expect(machine).toMatchObject({ verdict: "wrong", correct: false, rating: "again", overridden: false });
    const learner = gradeAnswer(cloze, { response: "Stevens", durationMs: 1_000, override: true });
    expect(learner).toEqual({ verdict: "wrong", correct: true, rating: "good", overridden: true });
  });

  it("is never Easy, however fast the answer", () => {
    expect(gradeAnswer(cloze, { response: "Stevens", durationMs: 0, override: true }).rating).toBe("good");
  });

  it("changes nothing for an answer the grader already accepted", () => {
    const exact = gradeAnswer(cloze, { response: "John Frank Stevens", durationMs: 60_000, override: true });
    expect(exact).toEqual({ verdict: "exact", correct: true, rating: "good", overridden: false });
  });

  it("is refused for choice questions, whose answers are not a matter of judgement", () => {
    const mc: GradableQuestion = { ...cloze, type: "multiple_choice", choices: ["A", "B", "C", "D"], answer: "A" };
    expect(() => gradeAnswer(mc, { response: "B", durationMs: 1_000, override: true })).toThrow(GradeError);
    const tf: GradableQuestion = { ...cloze, type: "true_false", statementIsTrue: true, answer: "true" };
    expect(() => gradeAnswer(tf, { response: "false", durationMs: 1_000, override: true })).toThrow(GradeError);
  });
});
