import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/qgen";
import { asking, bankOf } from "./helpers";

const ofType = <T extends Question["type"]>(qs: Question[], type: T) =>
  qs.filter((q): q is Extract<Question, { type: T }> => q.type === type);

describe("speakers and statements a reader can place", () => {
  it("takes no fact from an instruction to the reader or a rhetorical opener", () => {
    const bank = bankOf([
      "Ask any geologist where they were on 18 May 1980 and they will remember the eruption. " +
        "Anyone interested in volcanoes knows of the Cascades Volcano Observatory in Vancouver. " +
        "The eruption of Mount St. Helens on 18 May 1980 killed 57 people in Washington State.",
    ]);
    expect(bank.questions.filter((q) => /^Ask |^Anyone /.test(q.source.sentence))).toEqual([]);
    expect(asking(bank, "57").length).toBeGreaterThan(0);
  });

  it("names a first-person speaker from the attribution beside the quotation, else drops the item", () => {
    const bank = bankOf([
      "“The new line is ready for passengers,” said Mayor Ilse Brandt. " +
        "“I am glad that 40,000 commuters will save an hour each week on the Harbour Line.” " +
        "The city council approved the tram extension in March 2019 after a long debate. " +
        "We expect the second stage to carry 12,000 riders a day from the old docks.",
    ]);
    const glad = bank.questions.filter((q) => q.source.sentence.includes("I am glad") && q.type === "cloze");
    expect(glad.length).toBeGreaterThan(0);
    for (const q of glad) expect(q.prompt.startsWith("Mayor Ilse Brandt said: ")).toBe(true);
    expect(bank.questions.filter((q) => q.source.sentence.startsWith("We expect"))).toEqual([]);
  });

  it("keeps a quotation the sentence itself reports", () => {
    const bank = bankOf([
      "The harbour board met in Rotterdam to plan the new locks and the canal. In 1987, ‘I want a port that never sleeps’ was printed on every poster of the campaign across the city.",
    ]);
    expect(asking(bank, "1987").length).toBeGreaterThan(0);
  });
});

describe("blanks that are not stock phrases", () => {
  it("does not blank a modifier cut from its noun, nor a phrase with a vague head", () => {
    const bank = bankOf([
      "The March rainfall was 40 percent above the long-term average for the first time since 1931 in the valley. " +
        "As a statistical exercise, the 1936 crop survey of Saskatchewan was unique in Canada. " +
        "Representatives from several U.S. LNG producers met the delegation from Norway in Oslo on 3 May 2016.",
    ]);
    expect(asking(bank, "long-term")).toEqual([]);
    expect(asking(bank, "statistical exercise")).toEqual([]);
    expect(asking(bank, "U.S. LNG")).toEqual([]);
    expect(asking(bank, "1931").length).toBeGreaterThan(0);
  });

  it("does not blank a total its bracket adds up, one item of a long list, or a name its sentence spells out", () => {
    const bank = bankOf([
      "Eleven clubs (six from Ontario, three from Quebec and two from Manitoba) entered the first league season in 1921. " +
        "The founding members were Toronto, Ottawa, Montreal, Winnipeg, Hamilton, and Kingston, each with its own arena. " +
        "The 1921 Dominion Hockey League was the first Dominion Hockey League to cross three provinces.",
    ]);
    expect(asking(bank, "Eleven")).toEqual([]);
    expect(asking(bank, "Ottawa")).toEqual([]);
    expect(asking(bank, "1921 Dominion Hockey League")).toEqual([]);
  });

  it("asks nothing from a fact box: a labelled field is no statement", () => {
    const bank = bankOf([
      "Ada Brook\nBorn: March 3, 1921 Hometown: Leeds, UK Joined the Met Office: June 1946 Retired: 1981\n" +
        "Ada Brook forecast the weather for the Normandy landings when she was still a junior clerk in London.",
    ]);
    expect(bank.questions.filter((q) => q.source.sentence.startsWith("Born:"))).toEqual([]);
    expect(asking(bank, "Normandy").length + asking(bank, "London").length).toBeGreaterThan(0);
  });
});

describe("choices and statements the sentence does not rule out", () => {
  it("offers no capital of another country for a city in a sentence about two named countries", () => {
    const bank = bankOf([
      "The fisheries treaty was signed simultaneously in Ottawa, Ontario, and Tokyo on 3 March 1963 by Paul Martin on behalf of Canadian Prime Minister Lester Pearson and Masayoshi Ohira on behalf of Japanese Prime Minister Hayato Ikeda.",
    ]);
    expect(asking(bank, "Tokyo").length).toBeGreaterThan(0);
    expect(ofType(bank.questions, "multiple_choice").filter((q) => q.answer === "Tokyo")).toEqual([]);
  });

  it("offers no year choices where the sentence places the year against now, another year or an interval", () => {
    const bank = bankOf([
      "The year 1998, which was the first year to pass the old rainfall record, is now the ninth-wettest year in the series. " +
        "The year 2007, which had surpassed 1998 at the time, ranks fourth in the series of 2015. " +
        "The bridge opened on 2 May 1932, exactly ten years after the first design was drawn in Sydney.",
    ]);
    const mc = ofType(bank.questions, "multiple_choice").filter((q) => /^\d{4}$|1932/.test(q.answer));
    expect(mc).toEqual([]);
    const tf = ofType(bank.questions, "true_false").filter((q) => q.source.sentence.includes("bridge"));
    for (const q of tf) expect(q.prompt).toContain("2 May 1932");
  });

  it("keeps a false figure within a factor of two and one statement per sentence", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const bank = bankOf(
        [
          "The levy rose to 4 percent of income in 1990, while 12 percent of workers paid 0.05 percent more. " +
            "The dam holds 310 million cubic metres of water and cost $42 million to build in 1971.",
        ],
        seed,
      );
      const bySentence = new Map<string, number>();
      for (const q of ofType(bank.questions, "true_false")) {
        bySentence.set(q.source.sentence, (bySentence.get(q.source.sentence) ?? 0) + 1);
        if (q.statementIsTrue) continue;
        const swapped = q.prompt.match(/\d+(?:\.\d+)?/g)!.map(Number);
        const original = q.source.sentence.match(/\d+(?:\.\d+)?/g)!.map(Number);
        swapped.forEach((n, i) => {
          const o = original[i]!;
          if (n !== o) expect(Math.max(n, o) / Math.min(n, o)).toBeLessThanOrEqual(2);
        });
      }
      for (const n of bySentence.values()) expect(n).toBe(1);
    }
  });

  it("offers only countries of the region the sentence names", () => {
    const bank = bankOf([
      "It was the only final between two African nations, as the 1996 match between Ghana and Nigeria was a group game. " +
        "The tournament in 1996 was held in South Africa and drew 90,000 fans to the final in Johannesburg.",
    ]);
    for (const q of ofType(bank.questions, "multiple_choice").filter((q) => q.answer === "Ghana"))
      for (const c of q.choices)
        expect([
          "Ghana",
          "Togo",
          "Burkina Faso",
          "Ivory Coast",
          "Benin",
          "Nigeria",
          "Mali",
          "Senegal",
          "Guinea",
          "Liberia",
          "Sierra Leone",
          "Gambia",
          "Niger",
          "Guinea-Bissau",
          "Cape Verde",
          "Mauritania",
        ]).toContain(c);
  });

  it("removes a bracket whose labelled field the source left empty", () => {
    const bank = bankOf([
      "The krona (currency sign: ; currency code: SEK) has been the official currency of Sweden since 1873 under the Scandinavian Monetary Union.",
    ]);
    const q = asking(bank, "1873")[0];
    expect(q?.prompt).not.toContain("currency sign");
  });
});
