import { describe, expect, it } from "vitest";
import { buildPool, pickDistractors } from "@/lib/qgen/distractors";
import { generateBank, type FactType, type Question } from "@/lib/qgen";
import { cuedCount, documentSubject, flashcardWorthy, namesSubject, promptGivesAway } from "@/lib/qgen/variants";
import type { Fact } from "@/lib/qgen/facts";
import { bankOf, doc } from "./helpers";

const pool = (values: Array<[FactType, string]>) => buildPool(values.map(([factType, text]) => ({ factType, text })));
const ofNote = (bank: { questions: Question[] }, answer: string) => bank.questions.filter((q) => q.answer === answer);
const types = (qs: Question[]) => qs.map((q) => q.type).sort();
/** A count fact at the blank of a one-sentence text, for the pure checks. */
function cuedCountOf(prompt: string, answer: string): boolean {
  const start = prompt.indexOf("_____");
  const text = prompt.replace("_____", answer);
  const fact = {
    factType: "quantity",
    span: { start, end: start + answer.length, text: answer },
    sentence: { text },
  } as unknown as Fact;
  return cuedCount(fact);
}

describe("distractors of the answer's own kind, format and era", () => {
  it("gives a measure with decimals only choices with as many decimals", () => {
    const p = pool([
      ["quantity", "3,120 m"],
      ["quantity", "3,095 m"],
      ["quantity", "1,460 m"],
    ]);
    const d = pickDistractors("quantity", "3101.27 m", { pools: [p], seed: 3 });
    expect(d).toHaveLength(3);
    for (const c of d) expect(c, c).toMatch(/^\d+\.\d{2} m$/);
  });

  it("draws a measure from the document only when it is close enough to be a figure of the same thing", () => {
    const p = pool([
      ["quantity", "4,102 m"],
      ["quantity", "2,950 m"],
      ["quantity", "6,300 m"],
    ]);
    const d = pickDistractors("quantity", "4,150 m", { pools: [p], seed: 2 });
    expect(d).toHaveLength(3);
    expect(d).toContain("4,102 m");
    expect(d).not.toContain("2,950 m");
    expect(d).not.toContain("6,300 m");
    for (const c of d) {
      const n = Number(c.replace(/[^\d]/g, ""));
      expect(n / 4150, c).toBeGreaterThan(0.75);
      expect(n / 4150, c).toBeLessThan(1.25);
    }
  });

  it("keeps document years within a generation of the answer", () => {
    const p = pool([
      ["year", "1838"],
      ["year", "1841"],
      ["year", "1997"],
      ["year", "2011"],
    ]);
    const d = pickDistractors("year", "1846", { pools: [p], seed: 1 });
    expect(d).toHaveLength(3);
    for (const y of d) expect(Math.abs(Number(y) - 1846), y).toBeLessThanOrEqual(30);
  });

  it("offers no date of another year where the prompt names the answer's year, and no range for one day", () => {
    const p = pool([
      ["date", "3 to 9 May 1871"],
      ["date", "12 March 1868"],
      ["date", "2 June 1872"],
    ]);
    const sentence = "The 1872 regatta was held on the lake on 14 August 1872.";
    const d = pickDistractors("date", "14 August 1872", { pools: [p], seed: 4, sentence });
    expect(d).toHaveLength(3);
    for (const c of d) {
      expect(c, c).toContain("1872");
      expect(c, c).not.toMatch(/\d\s*to\s*\d/);
    }
  });

  it("offers no share of another order", () => {
    const p = pool([
      ["percent", "0.03 percent"],
      ["percent", "4.1 percent"],
      ["percent", "3.6 percent"],
    ]);
    const d = pickDistractors("percent", "4.8 percent", { pools: [p], seed: 1 });
    expect(d).not.toContain("0.03 percent");
  });
});

describe("variant gating", () => {
  it("asks a bound ('more than N') as a cloze only: smaller choices and a smaller false value would be true", () => {
    const bank = bankOf([
      "The cooperative of Brenvale, founded in 1921, employs more than 3,400 weavers in its seven mills along the river.",
    ]);
    const qs = ofNote(bank, "3,400");
    expect(types(qs)).toEqual(["cloze"]);
    for (const q of bank.questions.filter((x) => x.type === "true_false" && !x.statementIsTrue))
      expect(q.prompt).toContain("3,400");
  });

  it("gives no choices and no false value for a measure that another figure in its unit bounds", () => {
    const bank = bankOf([
      "In 1974, surveyors set the crest height of the Tarn Dam at 212 m, while its foundation lies at 148 m below the old valley floor.",
    ]);
    for (const answer of ["212 m", "148 m"]) {
      const qs = ofNote(bank, answer);
      expect(qs.some((q) => q.type === "cloze")).toBe(true);
      expect(qs.some((q) => q.type === "multiple_choice")).toBe(false);
    }
    for (const q of bank.questions.filter((x) => x.type === "true_false" && !x.statementIsTrue))
      expect(q.prompt).toMatch(/212 m.*148 m/);
  });

  it("does not ask a count that a month range in the sentence spells out", () => {
    const bank = bankOf([
      "In 1998 the harbour board counted the peak months, and during that year May through September were the five busiest months on record.",
    ]);
    const qs = ofNote(bank, "five");
    expect(types(qs)).toEqual(["cloze"]);
    expect(cuedCountOf("June through August were the _____ warmest months", "three")).toBe(true);
    expect(cuedCountOf("June through August were the _____ warmest months", "four")).toBe(false);
  });

  it("keeps a cloze for every note whose other variants are gated off", () => {
    const bank = bankOf([
      "The cooperative of Brenvale, founded in 1921, employs more than 3,400 weavers in its seven mills along the river.",
      "In 1974, surveyors set the crest height of the Tarn Dam at 212 m, while its foundation lies at 148 m below the old valley floor.",
    ]);
    const notes = new Set(bank.questions.map((q) => q.noteId));
    for (const id of notes)
      expect(
        bank.questions.some((q) => q.noteId === id && q.type === "cloze"),
        id,
      ).toBe(true);
  });
});

describe("flashcards", () => {
  const text = [
    "The Kessel Lighthouse stands on a granite spur at the mouth of the Varn estuary.",
    "Engineer Hilda Marsh designed the Kessel Lighthouse in 1887 for the Northern Lights Board.",
    "The Kessel Lighthouse was first lit on 3 March 1891 by keeper Tomas Brandt.",
    "In 1932 the Kessel Lighthouse received an electric lamp with a range of 24 nautical miles.",
    "Storms in 1953 damaged the Kessel Lighthouse, and the board repaired it within two years.",
    "The fishing fleet of Varn relied on its signal, and the rescue crew used the lantern room as a lookout.",
  ].join(" ");
  const bank = generateBank([{ ...doc("light", text), title: "Kessel Lighthouse" }], { seed: 1 });
  const cards = bank.questions.filter((q) => q.type === "flashcard");

  it("never blanks the document's own subject", () => {
    expect(bank.questions.some((q) => q.type === "cloze" && q.answer === "Kessel Lighthouse")).toBe(false);
    for (const q of cards) expect(q.answer).not.toMatch(/Kessel/);
  });

  it("makes at most one card per sentence, and none on a lower-case phrase", () => {
    const perSentence = new Map<string, number>();
    for (const q of cards) perSentence.set(q.source.sentence, (perSentence.get(q.source.sentence) ?? 0) + 1);
    for (const [s, n] of perSentence) expect(n, s).toBe(1);
    for (const q of cards) expect(q.answer, q.answer).toMatch(/^[\p{Lu}\d]/u);
    expect(cards.length).toBeGreaterThan(0);
  });

  it("makes no card or choice whose name the rest of the prompt gives away", () => {
    expect(
      promptGivesAway("the council sold the _____ estate, and the buyers built a pier on Tessin.", "Tessin Island"),
    ).toBe(true);
    // A generic head word ("Island", "University") shared with another name gives nothing away.
    expect(promptGivesAway("between the _____ and the Holm Island ferry", "Tessin Island")).toBe(false);
  });

  it("knows the document's subject from its title and from the name it repeats", () => {
    const subject = documentSubject(["Kessel Lighthouse history"], []);
    expect(namesSubject("Kessel Lighthouse", subject)).toBe(true);
    expect(namesSubject("the Kessel light", subject)).toBe(true);
    expect(namesSubject("Hilda Marsh", subject)).toBe(false);
    const dated = documentSubject(["harbour report 1998"], []);
    expect(namesSubject("1998", dated)).toBe(true);
    expect(namesSubject("1997", dated)).toBe(false);
  });

  it("makes no card on a quantity without a figure, and one on a figure", () => {
    const card = (text: string, answer: string) => {
      const start = text.indexOf(answer);
      const fact = {
        factType: "quantity",
        score: 0.75,
        span: { start, end: start + answer.length, text: answer },
        sentence: { text },
      } as unknown as Fact;
      return flashcardWorthy(fact, answer, text.replace(answer, "_____"));
    };
    expect(card("In 1962 the Orlin Choir began a year-long tour of Norway.", "year-long")).toBe(false);
    expect(card("In 1962 the Orlin Choir sang in 140 towns of Norway.", "140")).toBe(true);
  });

  it("asks no count of a list of counts", () => {
    const b = bankOf([
      "The 1911 organ at Harwick Abbey has 4,200 pipes, 61 stops, 310 pedal springs, 12 bellows and 2 keyboards.",
    ]);
    const qs = b.questions.filter((x) => x.answer === "310 pedal springs" || x.answer === "310");
    expect(types(qs)).toEqual(["cloze"]);
  });
});

describe("true/false statements", () => {
  it("offers no statement of an undated present-tense count of members", () => {
    const b = bankOf([
      "The Lakeside Rowing League has fourteen member clubs, and its chair is elected by Councillor Ada Brennan's committee.",
    ]);
    expect(b.questions.some((q) => q.type === "true_false")).toBe(false);
  });

  it("keeps a false year swap clearly false and otherwise word for word", () => {
    const b = bankOf(
      [
        "The Harwick canal opened in 1832 after eleven years of digging by the Harwick Navigation Company.",
        "Its owners sold the canal to the Midland railway in 1864 for £48,000.",
      ],
      3,
    );
    for (const q of b.questions.filter((x) => x.type === "true_false" && !x.statementIsTrue)) {
      const [a, f] = [q.source.sentence, q.prompt];
      const ya = /\b1[89]\d\d\b/.exec(a)?.[0];
      const yf = /\b1[89]\d\d\b/.exec(f)?.[0];
      if (ya && yf && ya !== yf) {
        expect(Math.abs(Number(ya) - Number(yf))).toBeGreaterThanOrEqual(3);
        expect(f.replace(yf, ya)).toBe(a);
      }
    }
  });
});

describe("false country swaps", () => {
  it("swaps no country in a sentence that names a group of countries it may belong to", () => {
    for (const seed of [1, 2, 3, 4]) {
      const b = bankOf(
        [
          "The Treaty of Lund, signed in 1721, ended the war between Sweden and the Northern Powers after eleven years.",
        ],
        seed,
      );
      for (const q of b.questions.filter((x) => x.type === "true_false" && !x.statementIsTrue))
        expect(q.prompt, q.prompt).toContain("Sweden");
    }
  });
});

describe("no note on the year the document is about", () => {
  it("asks no blank on the year its title names, and still asks the other years", () => {
    const text = [
      "Harbour Report 2019",
      "",
      "In 2019, the port of Valdoria handled 41 million tonnes of cargo, a record for the harbour authority.",
      "The harbour authority was founded in 1887 by the merchant guild of Valdoria after a long dispute.",
    ].join("\n");
    const bank = generateBank([{ ...doc("harbour", text), title: "Harbour Report 2019" }], { seed: 1 });
    expect(ofNote(bank, "2019")).toEqual([]);
    expect(ofNote(bank, "1887").length).toBeGreaterThan(0);
  });
});
