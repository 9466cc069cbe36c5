import { describe, expect, it } from "vitest";
import { asking, bankOf } from "./helpers";

describe("blanks on specific, askable answers", () => {
  it("asks no stock phrase the text neither quotes, coins nor repeats, and keeps a coined term", () => {
    const bank = bankOf([
      "The Venetian republic maintained a large military presence in the Ionian islands until 1797. " +
        "A trade treaty signed with the Ottoman court in 1540 replaced outright import bans with tariff-rate quotas on grain and salt.",
    ]);
    expect(asking(bank, "military presence")).toEqual([]);
    expect(asking(bank, "1797").length).toBeGreaterThan(0);
    expect(asking(bank, "tariff-rate quotas").length).toBeGreaterThan(0);
  });

  it("does not blank a war that only dates the sentence", () => {
    const bank = bankOf([
      "Built to break German codes near the end of World War II, the Colossus machine first ran at Bletchley Park on 5 February 1944.",
    ]);
    expect(asking(bank, "World War II")).toEqual([]);
    expect(asking(bank, "5 February 1944").length).toBeGreaterThan(0);
  });

  it("does not blank a term that the gloss after it defines", () => {
    const bank = bankOf([
      "Military spending in Sweden reached 2.6 percent of 1990 GDP, the nation's output of goods and services.",
    ]);
    expect(asking(bank, "GDP")).toEqual([]);
    expect(asking(bank, "2.6 percent").length).toBeGreaterThan(0);
  });

  it("does not blank a labelled gloss in another language", () => {
    const bank = bankOf([
      "The Kiel Canal (German: Nord-Ostsee-Kanal) opened in June 1895 after eight years of work by 9,000 labourers.",
    ]);
    expect(asking(bank, "Nord-Ostsee-Kanal")).toEqual([]);
    expect(asking(bank, "1895").length).toBeGreaterThan(0);
  });
});

describe("blanks the prompt or common knowledge gives away", () => {
  it("does not blank an acronym in brackets after its full name, a world war or a scare-quoted word", () => {
    const bank = bankOf([
      "The lira was the official currency of 23 member states of the Latin Monetary Union (LMU) from 1865. " +
        "Manpower demands of WWII brought 310,000 women into British aircraft factories by 1943. " +
        'The minister promised to keep to the "spirit" of the 1976 budget ceiling of 1.5 percent.',
    ]);
    expect(asking(bank, "LMU")).toEqual([]);
    expect(asking(bank, "WWII")).toEqual([]);
    expect(asking(bank, "spirit")).toEqual([]);
    expect(asking(bank, "310,000").length).toBeGreaterThan(0);
  });

  it("names what 'it' stands for after a linking adverb", () => {
    const bank = bankOf([
      "The lira was the official currency of the Latin Monetary Union from 1865. Hence it circulated in 4 countries by 1870.",
    ]);
    const qs = bank.questions.filter((q) => q.source.sentence.startsWith("Hence"));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).toMatch(/^Hence the lira circulated/);
  });
});

describe("the document's own subject", () => {
  it("counts a country under its short form when judging whether it is the topic", () => {
    const bank = bankOf([
      "The United States signed a timber agreement with Chile on 4 March 1998. " +
        "U.S. mills bought 2 million tonnes of Chilean pine in the first year. " +
        "U.S. tariffs on pine fell to 3 percent in 1999. " +
        "Chilean exporters opened 12 offices in U.S. ports by 2001. " +
        "U.S. builders used the pine for 40,000 homes in 2002.",
    ]);
    expect(asking(bank, "United States")).toEqual([]);
    expect(asking(bank, "4 March 1998").length).toBeGreaterThan(0);
  });
});

describe("honest true statements", () => {
  it("offers no short true statement and no false country in a speaker's own words", () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const bank = bankOf(
        [
          "“This is what strategic trade looks like,” said Secretary Olsen. " +
            "“Norway is no longer begging for foreign energy – we’re producing it cleaner and better than the rest of Europe,” said Secretary Olsen in Oslo on 4 May 2025.",
        ],
        seed,
      );
      const statements = bank.questions.filter((q) => q.type === "true_false");
      expect(statements.filter((q) => q.source.sentence.startsWith("“This is"))).toEqual([]);
      for (const q of statements.filter((q) => q.source.sentence.startsWith("“Norway")))
        expect(q.prompt).toMatch(/^“Norway is/);
    }
  });

  it("offers no true statement that names only places and common phrases", () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const bank = bankOf(
        [
          "Norway has signed a broad trade deal with its longtime partner Iceland. " +
            "The deal cuts tariffs on 1,200 farm products from 1 March 2031.",
        ],
        seed,
      );
      const statements = bank.questions.filter(
        (q) => q.type === "true_false" && q.statementIsTrue && q.source.sentence.startsWith("Norway has"),
      );
      expect(statements).toEqual([]);
    }
  });
});
