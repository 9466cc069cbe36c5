import { describe, expect, it } from "vitest";
import { buildPool, pickDistractors } from "@/lib/qgen/distractors";
import { bankOf } from "./helpers";

describe("choices the sentence does not rule out", () => {
  it("makes no multiple choice for a figure its sentence relates to another", () => {
    const bank = bankOf([
      "The river rose at an average rate of 0.4 metres per year until 1950 and more than twice that rate (0.9 metres) since 1990. " +
        "The flood barrier at Ostend was finished in 1978 at a cost of 12 million francs after six years of work.",
    ]);
    const mcs = bank.questions.filter((q) => q.type === "multiple_choice" && q.source.sentence.startsWith("The river"));
    expect(mcs.filter((q) => /metres/.test(q.answer))).toEqual([]);
  });

  it("offers no measure of another order beside the answer", () => {
    const pool = buildPool(
      ["13.9°C", "0.15°C", "0.06°C", "1.0°C", "12.1°C", "14.8°C"].map((text) => ({
        factType: "quantity" as const,
        text,
      })),
    );
    const out = pickDistractors("quantity", "13.9°C", { seed: 3, pools: [pool], sentence: "" });
    expect(out).toHaveLength(3);
    for (const d of out) expect(parseFloat(d)).toBeGreaterThan(13.9 / 4);
  });

  it("never offers two names of one country, nor a perturbed range", () => {
    const pool = buildPool(
      ["United States", "America", "China", "Canada"].map((text) => ({ factType: "place" as const, text })),
    );
    const out = pickDistractors("place", "Japan", { seed: 1, pools: [pool], sentence: "" });
    expect(out.includes("United States") && out.includes("America")).toBe(false);
    expect(pickDistractors("quantity", "2014–2023", { seed: 1, pools: [] })).toEqual([]);
  });
});

describe("choices the prompt does not give away", () => {
  it("makes no multiple choice for a place its qualifier pins down, and offers no choice the prompt names", () => {
    const bank = bankOf([
      "The charter was signed in Portland, Maine, and in Halifax on June 2, 1921, by the two harbour boards. " +
        "The thirteen boards were divided into four regions, with the largest board chairing each region in 1922.",
    ]);
    const portland = bank.questions.filter((q) => q.type === "multiple_choice" && q.answer === "Portland");
    expect(portland).toEqual([]);
    for (const q of bank.questions)
      if (q.type === "multiple_choice" && q.answer === "four") expect(q.choices).not.toContain("thirteen");
  });
});
