import { describe, expect, it } from "vitest";
import { withFix } from "@/lib/qgen/anaphora";
import { bankOf } from "./helpers";

const from = (bank: ReturnType<typeof bankOf>, words: string) =>
  bank.questions.filter((q) => q.source.sentence.includes(words));

describe("definite phrases past the subject", () => {
  it("names 'the tournament' from the document's heading", () => {
    const bank = bankOf([
      "1962 Baltic Rowing Cup\n\n" +
        "The 1962 Baltic Rowing Cup was the first rowing championship held on open water. " +
        "It took place in Gdańsk from 4 to 9 June 1962. " +
        "Crews from Poland, Sweden and Finland entered the tournament after a qualifying regatta in Riga.",
    ]);
    const qs = from(bank, "entered the tournament");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) {
      expect(q.prompt).not.toMatch(/the tournament/);
      expect(q.prompt).toMatch(/the 1962 Baltic Rowing Cup/);
    }
  });

  it("names 'the treaty' and 'the mountain' from an earlier name of that kind", () => {
    const bank = bankOf([
      "The Treaty of Kolding settled the border between the two duchies in 1714. " +
        "Historians in Copenhagen later argued that the treaty was signed under pressure from Sweden. " +
        "Mount Kazbek rises above the Terek valley in Georgia. " +
        "In 1868, a British party led by Douglas Freshfield was the first to climb the mountain.",
    ]);
    for (const q of from(bank, "argued that the treaty")) expect(q.prompt).toMatch(/the Treaty of Kolding was signed/);
    const climb = from(bank, "climb the mountain");
    expect(climb.length).toBeGreaterThan(0);
    for (const q of climb) expect(q.prompt).toMatch(/Mount Kazbek/);
  });

  it("completes 'the field trial' with what an earlier mention said it was of", () => {
    const bank = bankOf([
      "In 1961, about 40,000 adults in Norway took part in a field trial of the Lund measles vaccine. " +
        "Nurses in Oslo and Bergen recorded 1,200 cases of fever during the field trial.",
    ]);
    const qs = from(bank, "during the field trial.");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).toMatch(/during the field trial of the Lund measles vaccine/);
  });

  it("names a bare title from the person an earlier sentence gave it", () => {
    const bank = bankOf([
      "Finland’s Prime Minister Aino Virtanen opened the coastal bridge at Vaasa on 3 May 2019. " +
        "The bridge cost €410 million, the Prime Minister told parliament in a speech the following week.",
    ]);
    const qs = from(bank, "the Prime Minister told");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).toMatch(/Prime Minister Aino Virtanen told/);
  });

  it("scores a note lower where a phrase points back at something the document never names", () => {
    const vague = bankOf([
      "In Chile, farmers in Temuco woke before dawn on 2 July 2019 to watch the event, and schools in Santiago opened late.",
    ]);
    const named = bankOf([
      "In Chile, farmers in Temuco woke before dawn on 2 July 2019 to watch the eclipse, and schools in Santiago opened late.",
    ]);
    const score = (b: ReturnType<typeof bankOf>) =>
      Math.max(...b.questions.filter((q) => q.answer === "2 July 2019").map((q) => q.score));
    expect(score(vague)).toBeLessThanOrEqual(score(named) - 0.3);
  });

  it("leaves a phrase that says which one alone", () => {
    const bank = bankOf([
      "The 1962 Baltic Rowing Cup was held in Gdańsk. " +
        "The currency with the highest value in the region was the Swedish krona, worth 1.4 złoty in 1962.",
    ]);
    for (const q of from(bank, "The currency with")) expect(q.prompt).toMatch(/The currency with the highest value/);
  });

  it("names a demonstrative by its appositive, and a document's part by the document", () => {
    const bank = bankOf([
      "The Treaty of Kolding settled the border between the two duchies in 1714. " +
        "This article, Article 12, later became known as the Salt clause after a dispute in 1720.",
    ]);
    const qs = bank.questions.filter((q) => q.answer === "Salt clause" || q.answer === "1720");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).toMatch(/^Article 12 of the Treaty of Kolding later became known/);
  });

  it("applies several namings and the blank in one prompt", () => {
    const text = "The treaty said the tournament began in 1930.";
    const fixes = [
      { start: 0, end: 10, text: "The Treaty of Rome" },
      { start: 16, end: 30, text: "the 1930 Cup" },
    ];
    expect(withFix(text, 40, 44, "_____", fixes)).toBe("The Treaty of Rome said the 1930 Cup began in _____.");
    // A fix that overlaps the edited value is left out.
    expect(withFix(text, 4, 10, "_____", fixes)).toBe("The _____ said the 1930 Cup began in 1930.");
  });
});
