import { describe, expect, it } from "vitest";
import { generateBank } from "@/lib/qgen";
import { buildPool, pickDistractors } from "@/lib/qgen/distractors";
import { fineKind } from "@/lib/qgen/kinds";
import { clearlyDifferent, swapInto } from "@/lib/qgen/questions";
import { leadToSkip, notStatement } from "@/lib/qgen/statements";
import { asking, bankOf, doc } from "./helpers";

describe("candidates worth asking", () => {
  it("takes no fact from a question, an FAQ label, a caption, a byline or an update stamp", () => {
    expect(notStatement("Q1: Why did the Harbour Board decide to sell the Pier 4 warehouses in 2019?")).toBe(
      "question",
    );
    expect(notStatement("Q2: The board's reasons for the sale of the warehouses in 2019")).toBe("faq");
    expect(notStatement("Photo: Volunteers clear the riverbank near Ostend in March 2021.")).toBe("caption");
    expect(notStatement("By Margaret Hollis | Staff writer")).toBe("byline");
    expect(notStatement("Updated on March 3, 2024 at 10:15 a.m.")).toBe("stamp");
    expect(notStatement("The bridge opened to traffic in 1932 after six years of work.")).toBeNull();
    const bank = bankOf([
      "Why did the Harbour Board sell the Pier 4 warehouses to Calder Freight in 2019?\n" +
        "Updated on March 3, 2024 by the Harbour Board press office staff.\n" +
        "The bridge over the Scheldt opened to traffic in 1932 after six years of work.",
    ]);
    expect(asking(bank, "2019")).toEqual([]);
    expect(asking(bank, "2024")).toEqual([]);
    expect(asking(bank, "1932").length).toBeGreaterThan(0);
  });

  it("drops a dateline and leftover citation marks from the front of a sentence", () => {
    expect(leadToSkip("OSLO – The ministry said on Monday that exports rose.")).toBe("OSLO – ".length);
    expect(leadToSkip("FORT DETRICK, Md. -- Researchers opened a new laboratory in 2011.")).toBe(
      "FORT DETRICK, Md. -- ".length,
    );
    expect(leadToSkip("[3] On May 2, 1998, the council approved the plan.")).toBe("[3] ".length);
    const bank = bankOf(["OSLO – The Norwegian ministry said exports of salmon rose by 12 percent in 2022."]);
    for (const q of bank.questions) expect(q.source.sentence.startsWith("The Norwegian ministry")).toBe(true);
  });

  it("ends spans on whole words, with non-ASCII letters and numbered names", () => {
    const bank = bankOf([
      "The Nordic fisheries treaty was signed by Foreign Minister Tarō Kōno and Ambassador Erik Ødegaard in Bergen in 2018.",
      "Inspectors approved the restart of Takahama Units 1 and 2 after the safety review finished in 2023.",
    ]);
    const answers = bank.questions.filter((q) => q.type === "cloze").map((q) => q.answer);
    expect(answers).toContain("Tarō Kōno");
    expect(answers).toContain("Takahama Units 1 and 2");
    for (const q of bank.questions.filter((x) => x.type === "cloze")) {
      const at = q.source.sentence.indexOf(q.answer);
      expect(/[\p{L}\p{N}]/u.test(q.source.sentence[at + q.answer.length] ?? " ")).toBe(false);
      expect(/[\p{L}\p{N}]/u.test(q.source.sentence[at - 1] ?? " ")).toBe(false);
    }
  });

  it("asks a count for its number, keeps a measure's unit and blanks a bracketed conversion with it", () => {
    const bank = bankOf([
      "The survey counted 1,800,000 children in 217 districts across the northern provinces in 1954.",
      "The northern ridge of the glacier reaches 7,855 m (25,771 ft) above the valley floor near Camp Four.",
    ]);
    const cloze = bank.questions.filter((q) => q.type === "cloze");
    expect(cloze.map((q) => q.answer)).toEqual(expect.arrayContaining(["1,800,000", "217", "7,855 m"]));
    const ridge = cloze.find((q) => q.answer === "7,855 m")!;
    expect(ridge.prompt).not.toContain("25,771");
    expect(cloze.some((q) => q.answer.includes("25,771"))).toBe(false);
  });

  it("reads ordinary words that share a name with object properties", () => {
    expect(() =>
      bankOf(["The constructor of the toString valueOf hasOwnProperty bridge finished work in 1932."]),
    ).not.toThrow();
  });

  it("classifies named things by their head and uses a coarser kind when unsure", () => {
    expect(fineKind("place", "Norway")).toBe("country");
    expect(fineKind("place", "Oslo")).toBe("city");
    expect(fineKind("term", "Treaty of Rapallo")).toBe("law");
    expect(fineKind("term", "Kyoto Protocol")).toBe("law");
    expect(fineKind("organization", "Harland Steel Corporation")).toBe("company");
    expect(fineKind("term", "Crimean War")).toBe("event");
    expect(fineKind("term", "Hubble Space Telescope")).toBe("term:proper");
  });
});

describe("distractors a student must think about", () => {
  const pool = (values: Array<[Parameters<typeof fineKind>[0], string]>) =>
    buildPool(values.map(([factType, text]) => ({ factType, text })));

  it("offers countries for a country and cities for a city, never a place that contains the answer", () => {
    const p = pool([
      ["place", "Sweden"],
      ["place", "Stockholm"],
      ["place", "Denmark"],
      ["place", "Helsinki"],
    ]);
    const countries = pickDistractors("place", "Norway", { pools: [p], seed: 3 });
    expect(countries).toHaveLength(3);
    for (const c of countries) expect(fineKind("place", c)).toBe("country");
    expect(countries).toEqual(expect.arrayContaining(["Sweden", "Denmark"]));
    const cities = pickDistractors("place", "Oslo", { pools: [pool([["place", "Norway"]])], seed: 3 });
    expect(cities).toHaveLength(3);
    for (const c of cities) expect(fineKind("place", c)).toBe("city");
    // Washington is in the United States: both would be true.
    const us = pickDistractors("place", "Washington", { pools: [pool([["place", "United States"]])], seed: 1 });
    expect(us).not.toContain("United States");
  });

  it("never offers a year the sentence rules out", () => {
    const sentence = "In 2019, imports of coal fell by 15 percent compared with 2015.";
    const p = pool([
      ["year", "2011"],
      ["year", "2013"],
      ["year", "2002"],
      ["year", "2017"],
    ]);
    for (let seed = 1; seed < 6; seed++) {
      const d = pickDistractors("year", "2019", { pools: [p], seed, sentence, spanStart: 3 });
      expect(d).toHaveLength(3);
      for (const y of d) expect(Number(y)).toBeGreaterThan(2015);
    }
  });

  it("never draws from an unrelated document, but does from one in the same group", () => {
    const a = "The Calder Bridge was designed by Agnes Moreland and opened in 1932 after six years of work.";
    const b = "The Ostend ferry service was founded by Pieter Claes, Hendrik Vos and Thomas Maes in 1846 on the coast.";
    const apart = generateBank([doc("a", a), doc("b", b)]);
    const mcApart = apart.questions.filter((q) => q.type === "multiple_choice" && q.answer === "Agnes Moreland");
    expect(mcApart).toEqual([]); // no other person in its own document: no multiple choice
    const together = generateBank([
      { ...doc("a", a), group: "deck-1" },
      { ...doc("b", b), group: "deck-1" },
    ]);
    const mc = together.questions.find((q) => q.type === "multiple_choice" && q.answer === "Agnes Moreland");
    expect(mc?.type === "multiple_choice" && mc.choices.sort()).toEqual(
      ["Agnes Moreland", "Hendrik Vos", "Thomas Maes", "Pieter Claes"].sort(),
    );
    // The same values offered as read-only related documents.
    const related = generateBank([doc("a", a)], { distractorDocuments: [doc("b", b)] });
    expect(related.questions.some((q) => q.type === "multiple_choice" && q.answer === "Agnes Moreland")).toBe(true);
    expect(related.questions.every((q) => q.source.documentId === "a")).toBe(true);
  });
});

describe("honest true/false", () => {
  it("changes numbers by a clear gap, never by a rounding", () => {
    expect(clearlyDifferent("year", "1932", "1931")).toBe(false);
    expect(clearlyDifferent("year", "1932", "1938")).toBe(true);
    expect(clearlyDifferent("money", "$4.1 billion", "$4.5 billion")).toBe(false);
    expect(clearlyDifferent("money", "$4.1 billion", "$8.2 billion")).toBe(true);
    expect(clearlyDifferent("quantity", "1.18°C", "1.2°C")).toBe(false);
  });

  it("keeps a/an in agreement with the swapped value", () => {
    expect(swapInto("It was a 1955 survey.", 9, 13, "1862")).toBe("It was an 1862 survey.");
    expect(swapInto("It was an 1862 survey.", 10, 14, "1955")).toBe("It was a 1955 survey.");
    expect(swapInto("It took a 12-year effort.", 10, 17, "8-year")).toBe("It took an 8-year effort.");
  });

  it("writes false statements that differ from the sentence and keep its conversions consistent", () => {
    const text =
      "The dam holds 4,200 cubic metres of water and was finished in 1961 by Harland Steel Corporation engineers. " +
      "The reservoir is 7,855 m (25,771 ft) long and was surveyed in 1958 by the water board of the province.";
    const bank = bankOf([text], 4);
    const falses = bank.questions.filter((q) => q.type === "true_false" && !q.statementIsTrue);
    expect(falses.length).toBeGreaterThan(0);
    for (const q of falses) {
      expect(q.prompt).not.toBe(q.source.sentence);
      expect(q.prompt.includes("7,855 m (25,771 ft)") || !q.source.sentence.includes("7,855 m")).toBe(true);
    }
  });
});

describe("one note per fact", () => {
  it("gives each fact one note whose variants share its id", () => {
    const bank = bankOf([
      "The Calder Bridge opened to traffic in 1932 after six years of work. The Ostend pier opened in 1846. " +
        "The harbour wall was rebuilt in 1911 and the lighthouse in 1921.",
    ]);
    const byNote = new Map<string, string[]>();
    for (const q of bank.questions) byNote.set(q.noteId!, [...(byNote.get(q.noteId!) ?? []), q.id]);
    for (const [noteId, ids] of byNote) {
      for (const id of ids) expect(id).toMatch(new RegExp(`^${noteId}-[cmft]$`));
      expect(new Set(ids).size).toBe(ids.length);
    }
    const note = bank.questions.find((q) => q.answer === "1932" && q.type === "cloze")!;
    const variants = bank.questions.filter((q) => q.noteId === note.noteId).map((q) => q.type);
    expect(variants).toEqual(expect.arrayContaining(["cloze", "multiple_choice", "flashcard"]));
    // No fact twice: one note per sentence and answer.
    const facts = bank.questions.filter((q) => q.type === "cloze").map((q) => `${q.source.start}|${q.answer}`);
    expect(new Set(facts).size).toBe(facts.length);
  });
});
