import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bankSchema, generateBank, type GenerateWarning } from "@/lib/qgen";
import { DocumentError, parseDocumentFile } from "@/lib/text/document-file";
import { doc, ROOT } from "./helpers";

function run(text: string) {
  const warnings: GenerateWarning[] = [];
  const bank = generateBank([doc("input", text)], { onWarning: (w) => warnings.push(w) });
  expect(bankSchema.safeParse(bank).success).toBe(true);
  return { bank, warnings };
}

describe("bad input", () => {
  it("rejects an empty file with a message naming it", () => {
    expect(() => parseDocumentFile("notes/empty.md", new Uint8Array())).toThrow(DocumentError);
    expect(() => parseDocumentFile("notes/empty.md", new TextEncoder().encode("---\ntitle: x\n---\n  \n"))).toThrow(
      /notes\/empty\.md/,
    );
  });

  it("rejects a binary file with a message naming it", () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => parseDocumentFile("photo.txt", bytes)).toThrow(/photo\.txt: looks like a binary file/);
  });

  it("gives an empty bank and a warning for blank or sentence-free text", () => {
    for (const text of ["", "   \n\n", "Chapter 1\nChapter 2\n- item\n"]) {
      const { bank, warnings } = run(text);
      expect(bank.questions).toEqual([]);
      expect(warnings.map((w) => w.code)).toEqual(["no_sentences"]);
    }
  });

  it("gives an empty bank and a clear warning for Japanese and Russian text", () => {
    const japanese =
      "日本の首都は東京です。東京には約1400万人が住んでいます。1964年に東京オリンピックが開催されました。";
    const russian =
      "Москва является столицей России с 1918 года. В городе живут более 13 миллионов человек. Московский метрополитен открылся в 1935 году.";
    for (const text of [japanese, russian]) {
      const { bank, warnings } = run(text);
      expect(bank.questions).toEqual([]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.code).toBe("not_english");
      expect(warnings[0]!.message).toMatch(/input\.txt: the text does not look like English/);
    }
  });

  it("handles a 5 MB file without crashing", () => {
    // Mostly repeats (as long exports often are) with a unique line every few paragraphs.
    const samples = ["content/ishiba-trump-meeting-preview.md", "content/trump-ishiba-summit-analysis.md"].map((f) =>
      fs.readFileSync(path.join(ROOT, f), "utf8"),
    );
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const part = i % 10 === 0 ? `Survey ${i} counted ${1000 + i} households in district ${i % 97}.` : samples[i % 2]!;
      parts.push(part);
      size += part.length + 1;
    }
    const bytes = new TextEncoder().encode(parts.join("\n"));
    expect(bytes.byteLength).toBeGreaterThan(5 * 1024 * 1024);
    const parsed = parseDocumentFile("big.txt", bytes);
    const bank = generateBank([{ id: "big", title: parsed.title, path: "big.txt", text: parsed.text }]);
    expect(bankSchema.safeParse(bank).success).toBe(true);
    expect(bank.questions.some((q) => q.answer === "$14.9 billion")).toBe(true);
  }, 120_000);

  it("survives odd text: control characters, emoji, very long lines, markup", () => {
    const odd = [
      "\u0007\u0000 stray control characters \u0001 in 1999 were removed by the filter.",
      "🚀 The rocket launched on July 16, 1969, from Florida with three astronauts aboard. 🌕",
      "word ".repeat(5000),
      "<p>The <b>museum</b> opened in 1902 and holds 40,000 objects.</p>",
      "| 2020 | 2021 |\n|------|------|\n| 5% | 6% |",
    ].join("\n");
    const { bank } = run(odd);
    expect(bank.questions.some((q) => q.answer === "July 16, 1969")).toBe(true);
  });
});
