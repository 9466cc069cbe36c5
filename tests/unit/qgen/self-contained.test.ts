import { describe, expect, it } from "vitest";
import { asking, bankOf } from "./helpers";

describe("self-contained prompts", () => {
  it("names what a leading 'it' refers to when the previous sentence's subject is clear", () => {
    const bank = bankOf([
      "The Hollis Lighthouse (locally: the Old Lamp) was built on the northern cape of the island. " +
        "It was first lit on 4 March 1862 after a winter of storms delayed the masons. " +
        "It guided whalers past the reef for more than eighty years.",
    ]);
    const lit = asking(bank, "4 March 1862").find((q) => q.type === "cloze")!;
    expect(lit.prompt).toBe(
      "The Hollis Lighthouse was first lit on _____ after a winter of storms delayed the masons.",
    );
    expect(lit.source.sentence.startsWith("It was first lit")).toBe(true);
    // A chain of "it"s keeps the same referent.
    const years = asking(bank, "eighty years").find((q) => q.type === "cloze");
    if (years) expect(years.prompt.startsWith("The Hollis Lighthouse guided")).toBe(true);
    for (const q of bank.questions) expect(q.prompt).not.toMatch(/^It\b/);
  });

  it("resolves the subject past a relative clause and after an opening clause", () => {
    const bank = bankOf([
      "The city budget, which the council cut twice, still funded the tram extension in 1998. " +
        "Because of the harsh winter, it was expected to cover 4.5 percent of road repairs that year.",
    ]);
    const q = asking(bank, "4.5 percent").find((x) => x.type === "cloze")!;
    expect(q.prompt).toBe(
      "Because of the harsh winter, the city budget was expected to cover _____ of road repairs that year.",
    );
  });

  it("writes the person's name for a leading possessive", () => {
    const bank = bankOf([
      "Margaret Hollis was elected mayor of Ostend in 1974 after a long campaign against the new port. " +
        "Her Civic Reform Party won a majority in the city council in the following election.",
    ]);
    const council = bank.questions.filter((q) => q.source.sentence.startsWith("Her Civic"));
    expect(council.length).toBeGreaterThan(0);
    for (const q of council) expect(q.prompt).toMatch(/^Margaret Hollis’s /);
  });

  it("shows the sentence before a pronoun subject that cannot be named, or scores it below the threshold", () => {
    const bank = bankOf([
      "Rainfall in the valley has been measured at the abbey since the monks set up a gauge. " +
        "They recorded 1,240 millimetres of rain in the wet year of 1903 at the old gauge.",
    ]);
    for (const q of asking(bank, "1903"))
      expect(q.prompt.startsWith("Rainfall in the valley has been measured at the abbey")).toBe(true);
    const alone = bankOf(["They recorded 1,240 millimetres of rain in the wet year of 1903 at the old gauge."]);
    expect(asking(alone, "1,240 millimetres")).toEqual([]);
    expect(asking(alone, "1903")).toEqual([]);
  });
});

describe("numbers by kind", () => {
  it("tags a bare calendar number that counts nothing as a year, with year distractors", () => {
    const bank = bankOf([
      "The harbour budget, which fell short of the board's requests, had its lowest increase since 1961. " +
        "The new crane arrived in 1975 and the old quay was rebuilt in 1988 by the harbour board.",
    ]);
    const mc = asking(bank, "1961").filter((q) => q.type === "multiple_choice" || q.type === "cloze");
    expect(mc.length).toBeGreaterThan(0);
    for (const q of mc) expect(q.factType).toBe("year");
    for (const q of mc.filter((x) => x.type === "multiple_choice"))
      for (const c of q.choices!) expect(Number(c)).toBeGreaterThan(1800);
  });
});

describe("geographic names", () => {
  it("treats a bare name that the text also calls Mount or Lake as a place, not a person", () => {
    const bank = bankOf([
      "Lake Tarrow was named in 1871 after the surveyor Colonel James Tarrow of the Royal Engineers. " +
        "The shoreline of Tarrow was first mapped by boat crews from the garrison in 1874.",
    ]);
    const qs = bank.questions.filter((q) => q.answer === "Tarrow");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.factType).toBe("place");
  });
});
