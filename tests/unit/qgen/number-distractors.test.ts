import { describe, expect, it } from "vitest";
import { bankOf } from "./helpers";

describe("number distractors", () => {
  it("offers nearby values at the answer's precision, never its half or double", () => {
    const bank = bankOf([
      "In 1954, over 1,800,000 children in 217 areas took part in a vaccine trial, watched by 68,346 parents in Canada.",
    ]);
    const mcs = bank.questions.filter((q) => q.type === "multiple_choice" && q.factType === "quantity");
    expect(mcs.length).toBeGreaterThan(0);
    for (const q of mcs) {
      if (q.type !== "multiple_choice") continue;
      const answer = Number(q.answer.replace(/,/g, ""));
      for (const c of q.choices.filter((x) => x !== q.answer)) {
        const n = Number(c.replace(/,/g, ""));
        expect(n === answer * 2 || n === answer / 2, `${c} for ${q.answer}`).toBe(false);
        if (answer === 1800000) expect(n % 100000).toBe(0);
      }
    }
  });
});
