import { describe, expect, it } from "vitest";
import { generateBank } from "@/lib/qgen";
import { asking, bankOf, loadFolder, sanityProblems } from "./helpers";

const factTypeOf = (bank: ReturnType<typeof bankOf>, value: string) => asking(bank, value)[0]?.factType;

describe("fact spans", () => {
  it("finds dates and years", () => {
    const bank = bankOf([
      "The bridge opened to traffic on March 12, 1932, after six years of work. Repairs began in 1987 and ended in the 1990s.",
    ]);
    expect(factTypeOf(bank, "March 12, 1932")).toBe("date");
    expect(factTypeOf(bank, "1987")).toBe("year");
    expect(factTypeOf(bank, "1990s")).toBe("year");
  });

  it("finds money, percentages and quantities", () => {
    const bank = bankOf([
      "The city borrowed $4.2 billion to rebuild its harbour after the storm.",
      "Unemployment in the region fell to 6.5% last spring, the lowest rate recorded there.",
      "Engineers poured 12,000 tonnes of concrete into the foundations of the dam.",
    ]);
    expect(factTypeOf(bank, "$4.2 billion")).toBe("money");
    expect(factTypeOf(bank, "6.5%")).toBe("percent");
    expect(factTypeOf(bank, "12,000 tonnes")).toBe("quantity");
  });

  it("finds people, organisations and places without a topic list", () => {
    const bank = bankOf([
      "Marie Curie shared the prize with her husband while working at the University of Paris.",
      "The expedition left Lisbon and sailed south along the coast of the Atlantic Ocean.",
      "Professor Anika Varga of the Central Statistics Office said the census would be repeated in the spring.",
    ]);
    expect(factTypeOf(bank, "Marie Curie")).toBe("person");
    expect(factTypeOf(bank, "University of Paris")).toBe("organization");
    expect(factTypeOf(bank, "Lisbon")).toBe("place");
    expect(factTypeOf(bank, "Atlantic Ocean")).toBe("place");
    expect(factTypeOf(bank, "Anika Varga")).toBe("person");
    expect(factTypeOf(bank, "Central Statistics Office")).toBe("organization");
  });

  it("finds key terms: quoted, defined and expanded acronyms", () => {
    const bank = bankOf([
      "Economists call this effect “crowding out” when public borrowing pushes up interest rates.",
      "Cells store energy in a molecule called adenosine, which the body recycles constantly.",
      "The World Health Organization (WHO) coordinates the response to global outbreaks of disease.",
      "Entropy is a measure of the disorder of a physical system and always grows in isolated systems.",
    ]);
    expect(factTypeOf(bank, "crowding out")).toBe("term");
    expect(factTypeOf(bank, "adenosine")).toBe("term");
    // The answer is the expansion; the blank also covers "(WHO)", which would give it away.
    const who = asking(bank, "World Health Organization").filter((q) => q.type === "cloze");
    expect(who.length).toBeGreaterThan(0);
    for (const q of who) {
      expect(q.answer).toBe("World Health Organization");
      expect(q.prompt).not.toContain("(WHO)");
    }
    expect(factTypeOf(bank, "Entropy")).toBe("term");
  });

  it("asks about noun phrases, not only numbers", () => {
    const text =
      "Coral reefs depend on symbiotic algae for most of their food. " +
      "Rising sea temperatures force the symbiotic algae out of the coral tissue. " +
      "Without symbiotic algae the coral turns white and may starve within weeks.";
    const bank = bankOf([text]);
    expect(asking(bank, "symbiotic algae").length).toBeGreaterThan(0);
  });

  it("handles science, history, technology and medicine texts and a list of statistics", () => {
    const docs = loadFolder("tests/fixtures/qgen");
    const bank = generateBank(docs, { seed: 3 });
    for (const value of [
      "Photosynthesis",
      "chlorophyll",
      "Melvin Calvin",
      "1961",
      "45%",
      "120 gigatonnes",
      "1881",
      "Ferdinand de Lesseps",
      "Theodore Roosevelt",
      "August 15, 1914",
      "$375 million",
      "December 31, 1999",
      "3.7%",
      "$74,580",
      "2.3 percent",
      "60,000", // a count asks for the number: "_____ households"
      "€1,250",
      "$354.4 billion",
      "Bureau of Labor Statistics",
      "Bell Labs",
      "December 1947",
      "$527 billion",
      "740 kHz",
      "Alexander Fleming",
      "Penicillium notatum",
      "World Health Organization",
      "10 million",
    ])
      expect(asking(bank, value).length, value).toBeGreaterThan(0);
    expect(sanityProblems(bank, docs)).toEqual([]);
  });
});

describe("quality filters", () => {
  it("skips headings, fragments and overlong sentences", () => {
    const long =
      "In 1999 the committee " + "reviewed the many detailed proposals again and ".repeat(13) + "approved it.";
    const bank = bankOf([`Results for 2021\nBudget: $5 million\n${long}`]);
    expect(bank.questions).toEqual([]);
  });

  it("drops spans that are most of the sentence or leave only pronouns", () => {
    // Long enough to pass as sentences, but blanking the value leaves nothing to go on.
    const bank = bankOf(["He said that it was so for them in 1990.", "The 2004 and 2005 and 2006 and 2007 figures."]);
    expect(bank.questions).toEqual([]);
  });

  it("keeps the best few facts of a long sentence", () => {
    const s =
      "On May 4, 1910, Anna Berg of the Nordic Shipping Company paid $2 million for 14 ships in Oslo, Bergen, Tromsø and Stavanger, a deal worth 30% of the fleet.";
    const bank = generateBank([{ id: "x", title: "x", path: "x", text: s }], { maxPerSentence: 3 });
    const facts = new Set(bank.questions.map((q) => `${q.source.start}|${q.type === "true_false" ? "" : q.answer}`));
    expect(new Set(bank.questions.filter((q) => q.type === "cloze").map((q) => q.answer)).size).toBe(3);
    expect(facts.size).toBeGreaterThan(0);
  });
});
