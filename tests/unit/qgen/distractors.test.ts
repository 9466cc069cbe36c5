import { describe, expect, it } from "vitest";
import { buildPool, pickDistractors } from "@/lib/qgen/distractors";
import type { FactType } from "@/lib/qgen";
import { normalizeForMatch } from "@/lib/text/normalize";

const pool = (values: Array<[FactType, string]>) => buildPool(values.map(([factType, text]) => ({ factType, text })));

function expectDistinct(answer: string, choices: string[]) {
  const all = [answer, ...choices].map(normalizeForMatch);
  expect(new Set(all).size).toBe(all.length);
}

describe("distractors", () => {
  it("draws years from the corpus first, then near perturbations", () => {
    const p = pool([
      ["year", "1951"],
      ["year", "1960"],
      ["year", "1975"],
    ]);
    const d = pickDistractors("year", "1951", { pools: [p], seed: 1 });
    expect(d).toHaveLength(3);
    expect(d).toEqual(expect.arrayContaining(["1960", "1975"]));
    for (const y of d) expect(y).toMatch(/^\d{4}$/);
    expectDistinct("1951", d);
  });

  it("keeps money in the same unit style", () => {
    const p = pool([
      ["money", "$14.9 billion"],
      ["money", "$3 million"],
      ["money", "€20"],
      ["money", "$2.5 billion"],
    ]);
    const d = pickDistractors("money", "$14.9 billion", { pools: [p], seed: 5 });
    expect(d).toHaveLength(3);
    expect(d).toContain("$2.5 billion");
    for (const m of d) expect(m).toMatch(/^\$\d+(\.\d)? billion$/);
    expectDistinct("$14.9 billion", d);
  });

  it("keeps percentages and quantities in their format", () => {
    for (const m of pickDistractors("percent", "2.3 percent", { pools: [pool([])], seed: 9 }))
      expect(m).toMatch(/^\d+\.\d percent$/);
    for (const m of pickDistractors("percent", "45%", { pools: [pool([])], seed: 9 })) expect(m).toMatch(/^\d+%$/);
    for (const m of pickDistractors("quantity", "five years", { pools: [pool([])], seed: 9 }))
      expect(m).toMatch(/^[a-z]+ years$/);
    for (const m of pickDistractors("quantity", "12,000 tonnes", { pools: [pool([])], seed: 9 }))
      expect(m).toMatch(/^[\d,]+ tonnes$/);
  });

  it("perturbs dates into valid dates of the same format", () => {
    const d = pickDistractors("date", "January 31, 2025", { pools: [pool([])], seed: 4 });
    expect(d).toHaveLength(3);
    for (const x of d) {
      expect(x).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
      expect(Number.isNaN(Date.parse(x))).toBe(false);
      expect(new Date(Date.parse(x)).getDate()).toBe(Number(/\d{1,2}/.exec(x)![0]));
    }
  });

  it("gives people for a person and never a part of the answer's own name", () => {
    const p = pool([
      ["person", "Shigeru Ishiba"],
      ["person", "Donald Trump"],
      ["person", "Shinzo Abe"],
      ["person", "Yoshihide Suga"],
      ["place", "Tokyo"],
    ]);
    const d = pickDistractors("person", "Shigeru Ishiba", { pools: [p], seed: 2 });
    expect(d.sort()).toEqual(["Donald Trump", "Shinzo Abe", "Yoshihide Suga"]);
    // A bare surname is matched by bare surnames.
    expect(pickDistractors("person", "Trump", { pools: [p], seed: 2 }).sort()).toEqual(["Abe", "Ishiba", "Suga"]);
  });

  it("never repeats the answer or a value that differs only in case or spacing", () => {
    const p = pool([
      ["money", "$1 trillion"],
      ["money", "$1 Trillion"],
      ["money", "$2 trillion"],
    ]);
    const d = pickDistractors("money", "$1 trillion", { pools: [p], seed: 3 });
    expect(d.map((x) => x.toLowerCase())).not.toContain("$1 trillion");
    expectDistinct("$1 trillion", d);
  });

  it("leaves out a choice already named in the sentence", () => {
    const p = pool([
      ["person", "Ada Lovelace"],
      ["person", "Charles Babbage"],
      ["person", "Alan Turing"],
      ["person", "Grace Hopper"],
    ]);
    const d = pickDistractors("person", "Ada Lovelace", {
      pools: [p],
      seed: 1,
      sentence: "Ada Lovelace worked with Charles Babbage.",
    });
    expect(d).not.toContain("Charles Babbage");
  });

  it("returns fewer than three when names run out, rather than inventing them", () => {
    const d = pickDistractors("organization", "Keio University", {
      pools: [pool([["organization", "Waseda University"]])],
      seed: 1,
    });
    expect(d).toEqual(["Waseda University"]);
  });
});
