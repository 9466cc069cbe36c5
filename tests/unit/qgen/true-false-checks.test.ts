import { describe, expect, it } from "vitest";
import { hasCrossCheck } from "@/lib/qgen/questions";
import { bankOf } from "./helpers";

describe("false statements that do not contradict their own sentence", () => {
  it("recognises a sentence that checks its own figures", () => {
    expect(hasCrossCheck("The lake warmed by 0.12°C (0.22°F) per decade since 1950.")).toBe(true);
    expect(hasCrossCheck("The anomaly was 0.12°C / 0.22°F above the 1951–1980 average.")).toBe(true);
    expect(hasCrossCheck("Trade reached $9.6 million ($4.8 million each way) in 2019.")).toBe(true);
    expect(hasCrossCheck("The bridge over the Scheldt opened to traffic in 1932 after six years of work.")).toBe(false);
  });

  it("makes no false statement by changing a figure such a sentence cross-checks", () => {
    const bank = bankOf(
      [
        "The northern lake warmed by 0.12°C per decade (0.22°F per decade) between 1950 and 2010 in the survey. " +
          "The ferry contract covers €9.6 million (€4.8 million each for the two island routes) over a decade.",
      ],
      3,
    );
    const tf = bank.questions.filter((q) => q.type === "true_false");
    for (const q of tf) expect(q.statementIsTrue).toBe(true);
  });

  it("prefers a false statement where a clean swap exists", () => {
    const texts = [
      "The harbour crane arrived in 1975 after the dock strike. The quay was rebuilt in 1988 by the board. " +
        "The old lighthouse was closed in 1961 after the storm. The ferry line opened in 1932 with two boats. " +
        "The fish market moved inland in 1954 after the flood. The customs house burned down in 1921 in winter.",
    ];
    const tf = bankOf(texts).questions.filter((q) => q.type === "true_false");
    expect(tf.length).toBeGreaterThan(3);
    expect(tf.filter((q) => !q.statementIsTrue).length).toBeGreaterThan(tf.length / 2);
  });
});

describe("a true statement a student could not mark true unread", () => {
  it("needs a figure, a date or a person, not only an organisation or a term", () => {
    const text =
      "The Valdoria Harbour Board has an interest in the Northern Shipping Accord given its authority over the port. " +
      "The Northern Shipping Accord includes commitments pertaining to the safety of ships calling at northern ports. " +
      "The harbour master Ilse Varga opened the new dock in 1931 with a crew of 240 dockers from the town.";
    // The seed picks a true statement for about one sentence in four, so look across seeds.
    const statements = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) =>
      bankOf([text], seed).questions.filter((q) => q.type === "true_false" && q.statementIsTrue),
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const q of statements) expect(q.source.sentence, q.prompt).toMatch(/Ilse Varga/);
  });
});
