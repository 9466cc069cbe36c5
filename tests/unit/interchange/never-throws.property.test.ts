import fc from "fast-check";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  fromAnkiText,
  fromApkg,
  fromCsv,
  fromGift,
  fromQuarryJson,
  readBankFile,
  toApkg,
  type ImportResult,
} from "@/lib/interchange";
import { SAMPLE } from "./samples";

function wellFormed(r: ImportResult) {
  if (r.ok) {
    expect(Array.isArray(r.questions)).toBe(true);
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(0);
    expect("questions" in r).toBe(false);
  }
}

// Text made of the characters the text formats treat specially.
const syntaxy = fc.string({
  unit: fc.constantFrom(..."{}=~#:\\/[]%->TF\n\r\t ,;\"'|abc_1{}".split("")),
  maxLength: 300,
});

describe("importers never throw", () => {
  it("on arbitrary strings (JSON, CSV, GIFT)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), syntaxy, fc.json()), (s) => {
        wellFormed(fromQuarryJson(s));
        wellFormed(fromCsv(s));
        wellFormed(fromGift(s));
        wellFormed(fromAnkiText(s));
        wellFormed(fromAnkiText(`#separator:tab\n#html:true\n${s}`));
      }),
      { numRuns: 200 },
    );
  });

  it("on arbitrary bytes read by content (any encoding, any sniffed format)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          syntaxy.map((t) => new TextEncoder().encode(t)),
        ),
        async (bytes) => {
          const r = await readBankFile("file.txt", bytes);
          wellFormed(r);
          expect(typeof r.readAs === "string" || !r.ok).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("on JSON that is almost a bank", () => {
    const bankish = fc.record({
      version: fc.oneof(fc.constant(1), fc.anything()),
      documents: fc.oneof(fc.constant([]), fc.anything()),
      questions: fc.array(
        fc.dictionary(fc.constantFrom("id", "type", "prompt", "answer", "choices", "source", "score"), fc.anything()),
        { maxLength: 4 },
      ),
      conflicts: fc.constant([]),
    });
    fc.assert(
      fc.property(bankish, (b) => wellFormed(fromQuarryJson(JSON.stringify(b)))),
      { numRuns: 150 },
    );
  });

  it("on arbitrary bytes and damaged packages (.apkg)", async () => {
    const real = await toApkg(SAMPLE, { deckName: "D", now: new Date("2026-01-01T00:00:00Z") });
    const damaged = fc
      .tuple(
        fc.array(fc.tuple(fc.nat(real.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(real.length),
      )
      .map(([edits, cut]) => {
        const out = real.slice(0, Math.max(cut, 1));
        for (const [at, v] of edits) if (at < out.length) out[at] = v;
        return out;
      });
    const zippedGarbage = fc.uint8Array({ maxLength: 3000 }).map((b) => zipSync({ "collection.anki2": b }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 3000 }), damaged, zippedGarbage), async (bytes) => {
        wellFormed(await fromApkg(bytes));
      }),
      { numRuns: 100 },
    );
  });
});
