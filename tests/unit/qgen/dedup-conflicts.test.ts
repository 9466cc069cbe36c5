import { describe, expect, it } from "vitest";
import { NearDuplicateIndex } from "@/lib/qgen/dedup";
import { bankOf } from "./helpers";

describe("duplicates", () => {
  it("indexes near-identical sentences and keeps different ones apart", () => {
    const index = new NearDuplicateIndex();
    const words = (s: string) => s.split(" ");
    const a =
      "japan's prime minister shigeru ishiba is set to meet with president donald trump aiming to strengthen the relationship";
    expect(index.add(words(a)).duplicateOf).toBeNull();
    expect(index.add(words(a.replace("japan's", "japanese"))).duplicateOf).toBe(0);
    expect(
      index.add(words("the committee approved the new budget for the city's schools in march")).duplicateOf,
    ).toBeNull();
  });

  it("asks once about a sentence repeated within and across documents", () => {
    const s = "The observatory was founded in 1675 by royal charter to improve navigation at sea.";
    const bank = bankOf([
      `${s}\nIt stands on a hill above the river.\n${s}`,
      `Some other text comes first here.\n${s}`,
    ]);
    const clozes = bank.questions.filter((q) => q.type === "cloze" && q.answer === "1675");
    expect(clozes).toHaveLength(1);
    expect(clozes[0]!.source.documentId).toBe("d0");
  });

  it("treats a one-word variant of a long sentence as the same sentence", () => {
    const a =
      "The Danish astronomer Tycho Brahe built his observatory on the island of Hven in 1576 with money from the king.";
    const b = a.replace("Danish", "famous");
    const bank = bankOf([a, b]);
    expect(new Set(bank.questions.map((q) => q.source.sentence))).toEqual(new Set([a]));
  });
});

describe("conflicts", () => {
  it("reports the same claim with a different year, with both sources", () => {
    const bank = bankOf([
      "The Treaty of Westphalia was signed in 1648 after long negotiations in two cities.",
      "The Treaty of Westphalia was signed in 1658 after long negotiations in two cities.",
    ]);
    expect(bank.conflicts).toHaveLength(1);
    const c = bank.conflicts[0]!;
    expect(c.factType).toBe("year");
    expect(c.values.sort()).toEqual(["1648", "1658"]);
    expect(c.sources.map((s) => s.documentId).sort()).toEqual(["d0", "d1"]);
  });

  it("reports a different university for the same person", () => {
    const bank = bankOf([
      "After school, Hannah Lindqvist graduated from Uppsala University with a degree in chemistry.",
      "Hannah Lindqvist graduated from Lund University with a degree in chemistry, her profile says.",
    ]);
    expect(bank.conflicts.map((c) => [c.factType, c.values.sort()])).toEqual([
      ["organization", ["Lund University", "Uppsala University"]],
    ]);
  });

  it("does not confuse different people or roles with a conflict", () => {
    const bank = bankOf([
      "He was appointed Defense Minister in 2012 and later led the party.",
      "He was appointed Chief Cabinet Secretary in 2013 and later led the party.",
      "Maria Okafor graduated from Lagos University in 1990 with honours.",
      "Peter Brandt graduated from Kiel University in 1990 with honours.",
    ]);
    expect(bank.conflicts).toEqual([]);
  });

  it("does not count the same value written differently as a conflict", () => {
    const bank = bankOf([
      "The agency raised its budget by 2% in the spring to hire more inspectors for the ports.",
      "The agency raised its budget by 2 percent in the spring to hire more inspectors for the ports.",
    ]);
    expect(bank.conflicts).toEqual([]);
  });
});
