import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BLANK,
  fromApkg,
  fromCsv,
  fromGift,
  fromQuarryJson,
  toApkg,
  toCsv,
  toGift,
  toQuarryJson,
  type InterchangeQuestion,
} from "@/lib/interchange";
import { normalizeForMatch } from "@/lib/text/normalize";
import { core } from "./samples";

// Words use the characters each format escapes; text is already tidy (single spaces, no edge whitespace).
const word = fc.string({
  unit: fc.constantFrom(..."abcXYZ019é~=#{}:\\\"',;|<>&%-+@/[]".split("")),
  minLength: 1,
  maxLength: 8,
});
const text = fc
  .array(fc.tuple(word, fc.constantFrom(" ", " ", "\n")), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([w, sep], i) => (i === 0 ? w : sep + w)).join(""));
const tags = fc.uniqueArray(word, { maxLength: 3 });

const question: fc.Arbitrary<InterchangeQuestion> = fc.oneof(
  fc.record({ type: fc.constant("flashcard" as const), prompt: text, answer: text, tags }),
  fc
    .record({ before: fc.option(text), after: fc.option(text), answer: text, tags })
    .map(({ before, after, answer, tags: t }) => ({
      type: "cloze" as const,
      prompt: [before, BLANK, after].filter((p) => p !== null).join(" "),
      answer,
      tags: t,
    })),
  fc
    .record({
      prompt: text,
      choices: fc.uniqueArray(text, { minLength: 4, maxLength: 4, selector: normalizeForMatch }),
      pick: fc.nat(3),
      tags,
    })
    .map(({ prompt, choices, pick, tags: t }) => ({
      type: "multiple_choice" as const,
      prompt,
      answer: choices[pick]!,
      choices,
      tags: t,
    })),
  fc.record({ prompt: text, isTrue: fc.boolean(), tags }).map(({ prompt, isTrue, tags: t }) => ({
    type: "true_false" as const,
    prompt,
    answer: String(isTrue),
    statementIsTrue: isTrue,
    tags: t,
  })),
);

/**
 * What GIFT cannot carry: a prompt starting with // reads as a comment, a
 * flashcard holding the blank reads as cloze, and a tag cannot contain "]".
 */
const giftSafe = (q: InterchangeQuestion) =>
  !q.prompt.startsWith("//") &&
  !(q.type === "flashcard" && q.prompt.includes(BLANK)) &&
  !(q.tags ?? []).some((t) => t.includes("]"));

const tagsOf = (qs: readonly InterchangeQuestion[]) => qs.map((q) => q.tags ?? []);

describe("export then import gives back the same questions", () => {
  it("for JSON, CSV and GIFT", () => {
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 5 }), (qs) => {
        const json = toQuarryJson(qs);
        if (!json.ok) throw new Error(JSON.stringify(json.errors));
        const fromJson = fromQuarryJson(json.json);
        expect(fromJson.ok && core(fromJson.questions)).toEqual(core(qs));

        const fromCsvResult = fromCsv(toCsv(qs));
        if (!fromCsvResult.ok) throw new Error(JSON.stringify(fromCsvResult.errors));
        expect(core(fromCsvResult.questions)).toEqual(core(qs));
        expect(tagsOf(fromCsvResult.questions)).toEqual(tagsOf(qs));

        const giftable = qs.filter(giftSafe);
        if (giftable.length) {
          const fromGiftResult = fromGift(toGift(giftable));
          if (!fromGiftResult.ok) throw new Error(JSON.stringify(fromGiftResult.errors));
          expect(core(fromGiftResult.questions)).toEqual(core(giftable));
          expect(tagsOf(fromGiftResult.questions)).toEqual(tagsOf(giftable));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("for .apkg", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(question, { minLength: 1, maxLength: 5 }), async (qs) => {
        const r = await fromApkg(await toApkg(qs, { deckName: "P", now: new Date("2026-01-01T00:00:00Z") }));
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        expect(core(r.questions)).toEqual(core(qs));
        expect(tagsOf(r.questions)).toEqual(tagsOf(qs));
      }),
      { numRuns: 60 },
    );
  });
});
