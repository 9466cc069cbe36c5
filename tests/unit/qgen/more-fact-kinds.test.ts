import { describe, expect, it } from "vitest";
import { notStatement } from "@/lib/qgen/statements";
import { asking, bankOf } from "./helpers";

describe("more kinds of facts", () => {
  it("asks nothing from a fact box of labelled fields, while a short date line stays a stamp", () => {
    expect(notStatement("Date: June 11, 2025")).toBe("stamp");
    const box =
      "Date of Birth: May 2, 1921 Hometown: Ostend, Belgium Education: B.A., Physics, Ghent University, 1942 " +
      "Joined the Royal Observatory: March 1947 Retired from the observatory: 1983";
    expect(notStatement(box)).toBeNull();
    const bank = bankOf([
      box + "\n\nMarie Claes measured the orbits of 214 minor planets during her years at the observatory.",
    ]);
    expect(asking(bank, "March 1947")).toEqual([]);
    expect(asking(bank, "214").length).toBeGreaterThan(0);
  });

  it("takes a key term led by a gerund or a classifying prefix", () => {
    const bank = bankOf([
      "Economists compare national incomes through purchasing power parity rather than market exchange rates in most studies. " +
        "The treaty banned nontariff barriers on grain and timber between the two kingdoms after 1860.",
    ]);
    expect(asking(bank, "purchasing power parity").length).toBeGreaterThan(0);
    expect(asking(bank, "nontariff barriers").length).toBeGreaterThan(0);
  });
});

describe("names, counts and long sentences", () => {
  it("takes a name before one or two common nouns as the thing named after it", () => {
    const bank = bankOf([
      "Ada Lovelace wrote notes on the engine in 1843 for a journal in London. " +
        "The clerks at the Lovelace archive produced some 90,000 Hollerith punch cards containing census returns from 1890.",
    ]);
    expect(asking(bank, "Hollerith punch cards").length).toBeGreaterThan(0);
  });

  it("counts a number whose noun follows a hyphenated measure", () => {
    const bank = bankOf([
      "The ministry announced the signing of four 25-year contracts between the port and three shipping lines in Ostend.",
    ]);
    expect(bank.questions.some((q) => q.type === "cloze" && q.answer === "four")).toBe(true);
  });

  it("judges a topic within its own document, not across unrelated ones", () => {
    const other = Array.from(
      { length: 6 },
      (_, i) => `Trade with the United States grew by ${i + 3} percent in ${1990 + i} according to the customs office.`,
    ).join(" ");
    const bank = bankOf([
      other,
      "In the United States, astronomers stayed awake until dawn to watch the comet on 3 May 1910.",
    ]);
    const own = bank.questions.filter((q) => q.source.documentId === "d1" && q.answer === "United States");
    expect(own.length).toBeGreaterThan(0);
  });
});
