import { describe, expect, it } from "vitest";
import { auditBank, bankSchema, generateBank } from "@/lib/qgen";
import { asking, loadFolder, sanityProblems } from "./helpers";

// What a teacher would pick from the two sample articles.
const KEY_FACTS = [
  "1951",
  "1960",
  "1997",
  "1987",
  "2012",
  "1980s",
  "January 20, 2025",
  "February 7, 2025",
  "February 3, 1957",
  "June 29, 1945",
  "September 2020",
  "October 2021",
  "$1 trillion",
  "$14.9 billion",
  "2%",
  "3%",
  "2027",
  "five years",
  "liquefied natural gas",
  "extended deterrence",
  "US-Japan Security Treaty",
  "Treaty of Mutual Cooperation and Security",
  "Shigeru Ishiba",
  "Donald Trump",
  "Shinzo Abe",
  "Yoshihide Suga",
  "Yoshihide Soeya",
  "Biden",
  "Nippon Steel",
  "US Steel",
  "Liberal Democratic Party",
  "Waseda University",
  "Keio University",
  "University of Tokyo",
  "Tokyo",
  "Osaka Prefecture",
  "Taiwan Strait",
  "Korean Peninsula",
  "East China Seas",
];

describe("question bank from the sample articles", () => {
  const docs = loadFolder("content");
  const bank = generateBank(docs, { seed: 42 });

  it("validates against the bank schema", () => {
    expect(bankSchema.safeParse(bank).success).toBe(true);
    expect(bank.documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
  });

  it("asks about at least 90% of the key facts", () => {
    const missing = KEY_FACTS.filter((f) => asking(bank, f).length === 0);
    const recall = 1 - missing.length / KEY_FACTS.length;
    expect(missing).toEqual([]); // listed for a readable failure
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it("has under 2% defective questions", () => {
    const problems = sanityProblems(bank, docs);
    expect(problems.length / bank.questions.length).toBeLessThan(0.02);
    expect(auditBank(bank)).toEqual([]);
  });

  it("covers every question type and a range of fact types", () => {
    const types = new Set(bank.questions.map((q) => q.type));
    expect([...types].sort()).toEqual(["cloze", "flashcard", "multiple_choice", "true_false"]);
    const factTypes = new Set(bank.questions.map((q) => q.factType));
    for (const t of [
      "date",
      "year",
      "money",
      "percent",
      "quantity",
      "person",
      "organization",
      "place",
      "term",
    ] as const)
      expect(factTypes.has(t)).toBe(true);
  });

  it("asks once about the repeated and near-identical paragraphs", () => {
    const opening = bank.questions.filter(
      (q) => q.type === "cloze" && q.source.sentence.includes("is set to meet with President Donald Trump"),
    );
    const sentences = new Set(opening.map((q) => q.source.sentence));
    expect(sentences.size).toBe(1);
    const ad = bank.questions.filter((q) => q.type === "cloze" && q.answer === "1987");
    expect(ad).toHaveLength(1);
  });

  it("turns a dated clause into a wh-question", () => {
    const when = bank.questions.find((q) => q.type === "flashcard" && q.answer === "1951");
    expect(when?.prompt).toBe("When was the US-Japan Security Treaty formed?");
    const birth = bank.questions.find((q) => q.type === "flashcard" && q.answer === "February 3, 1957");
    expect(birth?.prompt).toBe("When was Shigeru Ishiba born?");
  });

  it("does not report the two 2012 appointments as a conflict", () => {
    expect(bank.conflicts.filter((c) => c.sources.some((s) => s.sentence.includes("appointed")))).toEqual([]);
  });

  it("is deterministic for a seed and changes choices with the seed", () => {
    expect(generateBank(docs, { seed: 42 })).toEqual(bank);
    const other = generateBank(docs, { seed: 7 });
    // Which facts are asked about does not depend on the seed.
    const clozeIds = (b: typeof bank) => b.questions.filter((q) => q.type === "cloze").map((q) => q.id);
    expect(clozeIds(other)).toEqual(clozeIds(bank));
    const order = (b: typeof bank) =>
      b.questions.flatMap((q) => (q.type === "multiple_choice" ? [q.choices.join("|")] : []));
    expect(order(other)).not.toEqual(order(bank));
  });
});
