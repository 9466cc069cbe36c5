import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractDocument, extractPastedText, type ExtractResult } from "@/lib/ingest";
import { fixture } from "./helpers";

const CODES = [
  "too_large",
  "empty",
  "encrypted_pdf",
  "corrupt",
  "type_mismatch",
  "unsupported_type",
  "unsupported_script",
  "zip_bomb",
];
const EXTENSIONS = [".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".exe", ""];
const enc = new TextEncoder();

function wellFormed(r: ExtractResult, fileName: string) {
  if (r.ok) {
    expect(typeof r.text).toBe("string");
    expect(r.text.trim()).not.toBe("");
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  } else {
    expect(CODES).toContain(r.code);
    expect(r.message.startsWith(`${fileName}: `)).toBe(true);
  }
}

/** Bytes that start like the real thing, so the parsers (not just the sniffer) see them. */
const withPrefix = (prefix: string) =>
  fc.uint8Array({ maxLength: 2000 }).map((b) => new Uint8Array([...enc.encode(prefix), ...b]));

/** A real fixture with a few bytes overwritten or the tail cut off. */
function mutated(base: Uint8Array) {
  return fc
    .tuple(
      fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      fc.nat(base.length),
    )
    .map(([edits, cut]) => {
      const out = base.slice(0, Math.max(cut, 1));
      for (const [at, value] of edits) if (at < out.length) out[at] = value;
      return out;
    });
}

const runs = { numRuns: 120 };

describe("extractDocument never throws", () => {
  it("on arbitrary bytes under any extension", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXTENSIONS), fc.uint8Array({ maxLength: 4000 }), async (ext, bytes) => {
        const fileName = `upload${ext}`;
        wellFormed(await extractDocument({ fileName, bytes }), fileName);
      }),
      runs,
    );
  });

  it("on arbitrary strings as text, Markdown and HTML", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(".txt", ".md", ".html"),
        fc.string({ unit: "grapheme", maxLength: 2000 }),
        async (ext, s) => {
          const fileName = `page${ext}`;
          wellFormed(await extractDocument({ fileName, bytes: enc.encode(s) }), fileName);
        },
      ),
      runs,
    );
  });

  it("on PDF-looking and zip-looking garbage", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(withPrefix("%PDF-1.7\n"), withPrefix("PK\u0003\u0004")), async (bytes) => {
        for (const fileName of ["x.pdf", "x.docx"]) wellFormed(await extractDocument({ fileName, bytes }), fileName);
      }),
      runs,
    );
  });

  it("on damaged copies of real PDF and DOCX files", async () => {
    const pdf = fixture("two-pages.pdf");
    const docx = fixture("handout.docx");
    await fc.assert(
      fc.asyncProperty(mutated(pdf), mutated(docx), async (p, d) => {
        wellFormed(await extractDocument({ fileName: "m.pdf", bytes: p }), "m.pdf");
        wellFormed(await extractDocument({ fileName: "m.docx", bytes: d }), "m.docx");
      }),
      runs,
    );
  });

  it("extractPastedText never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 400 }),
        fc.option(fc.string({ maxLength: 40 })),
        (s, title) => {
          const r = extractPastedText(s, title ?? undefined);
          if (!r.ok) expect(CODES).toContain(r.code);
        },
      ),
      { numRuns: 200 },
    );
  });
});
