import { describe, expect, it } from "vitest";
import { FAST_ANSWER_RULE, fastThresholdMs, rateAnswer } from "@/lib/study/grade";

describe("fastThresholdMs", () => {
  it("follows the documented examples", () => {
    // 2000 + 40 × 100
    expect(fastThresholdMs({ type: "true_false", promptChars: 100 })).toBe(6_000);
    // 5000 + 40 × 150 + 200 × 10
    expect(fastThresholdMs({ type: "cloze", promptChars: 150, answerChars: 10 })).toBe(13_000);
    // 3000 + 40 × 50
    expect(fastThresholdMs({ type: "multiple_choice", promptChars: 50 })).toBe(5_000);
  });

  it("ignores answer length for choice questions", () => {
    expect(fastThresholdMs({ type: "multiple_choice", promptChars: 0, answerChars: 50 })).toBe(3_000);
  });

  it("is capped for very long prompts", () => {
    expect(fastThresholdMs({ type: "cloze", promptChars: 5_000, answerChars: 5 })).toBe(FAST_ANSWER_RULE.maxMs);
  });

  it("gives cloze more time than multiple choice, and multiple choice more than true/false", () => {
    const tf = fastThresholdMs({ type: "true_false", promptChars: 80 });
    const mc = fastThresholdMs({ type: "multiple_choice", promptChars: 80 });
    const cloze = fastThresholdMs({ type: "cloze", promptChars: 80, answerChars: 0 });
    expect(tf).toBeLessThan(mc);
    expect(mc).toBeLessThan(cloze);
  });
});

describe("rateAnswer", () => {
  const tf = { type: "true_false", promptChars: 100 } as const; // fast ≤ 6000 ms

  it("rates a wrong answer again, however fast", () => {
    expect(rateAnswer({ ...tf, verdict: "wrong", durationMs: 500 })).toBe("again");
    expect(rateAnswer({ ...tf, verdict: "wrong", durationMs: 60_000 })).toBe("again");
  });

  it("rates a right answer good, or easy when fast", () => {
    expect(rateAnswer({ ...tf, verdict: "exact", durationMs: 6_001 })).toBe("good");
    expect(rateAnswer({ ...tf, verdict: "exact", durationMs: 6_000 })).toBe("easy");
    expect(rateAnswer({ ...tf, verdict: "exact", durationMs: 1_200 })).toBe("easy");
  });

  it("never rates a typo answer easy", () => {
    const cloze = { type: "cloze", promptChars: 40, answerChars: 8 } as const;
    expect(rateAnswer({ ...cloze, verdict: "close", durationMs: 100 })).toBe("good");
  });

  it("does not treat invalid durations as fast", () => {
    expect(rateAnswer({ ...tf, verdict: "exact", durationMs: -1 })).toBe("good");
    expect(rateAnswer({ ...tf, verdict: "exact", durationMs: Number.NaN })).toBe("good");
  });
});
