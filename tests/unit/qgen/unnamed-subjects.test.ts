import { describe, expect, it } from "vitest";
import { asking, bankOf } from "./helpers";

describe("subjects that name only a kind of thing", () => {
  it("names 'the document' after the agreement the text opened with", () => {
    const bank = bankOf([
      "The Lindholm Fisheries Accord was an agreement between Norway and Denmark on the herring grounds of the Skagerrak. " +
        "The document was signed in Oslo on March 3, 1962, by the two fisheries ministers.",
    ]);
    const q = asking(bank, "March 3, 1962").find((x) => x.type === "cloze")!;
    expect(q.prompt).toBe("The Lindholm Fisheries Accord was signed in Oslo on _____, by the two fisheries ministers.");
    expect(q.source.sentence.startsWith("The document")).toBe(true);
  });

  it("names 'the machine' after the name the text classed as one", () => {
    const bank = bankOf([
      "HARWELL CADET was the first fully transistorised computing machine built in Europe. " +
        "The machine consisted of 324 point-contact transistors and ran at a clock rate of 58 kHz.",
    ]);
    const q = asking(bank, "324").find((x) => x.type === "cloze")!;
    expect(q.prompt.startsWith("HARWELL CADET consisted of _____")).toBe(true);
  });

  it("names counted things from the sentence that introduced them", () => {
    const bank = bankOf([
      "In May 2004 the port authority signed three 15-year leases with local shipping firms for the northern quay. " +
        "The leases are expected to bring in more than $40 million in rent over their term.",
    ]);
    const q = asking(bank, "$40 million").find((x) => x.type === "cloze")!;
    expect(q.prompt.startsWith("The three 15-year leases are expected to bring in more than _____")).toBe(true);
  });

  it("shows the sentence before a shell-noun subject that nothing names, or scores it below the threshold", () => {
    const bank = bankOf([
      "The city council voted on the future of the old tram depot after a long and heated debate. " +
        "The decision, which surprised many residents, came during a session that ended at 2 a.m. on 14 March 1996.",
    ]);
    const q = asking(bank, "14 March 1996").find((x) => x.type === "cloze")!;
    expect(q.prompt).toBe(
      "The city council voted on the future of the old tram depot after a long and heated debate. " +
        "The decision, which surprised many residents, came during a session that ended at 2 a.m. on _____.",
    );
    // Nothing before it: no note.
    const alone = bankOf([
      "The decision, which surprised many residents, came during a session that ended at 2 a.m. on 14 March 1996.",
    ]);
    expect(asking(alone, "14 March 1996")).toEqual([]);
  });

  it("reads a subject noun that shares a name with an object property", () => {
    expect(() =>
      bankOf([
        "The bridge over the Scheldt was designed in 1929 by the city engineer. " +
          "The constructor was paid 5 million francs in 1932 for the bridge.",
      ]),
    ).not.toThrow();
  });
});
