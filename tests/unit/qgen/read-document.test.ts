import { describe, expect, it } from "vitest";
import { annotate } from "@/lib/qgen/annotate";
import { readDocument } from "@/lib/qgen/read-document";
import { splitSentences } from "@/lib/text/sentences";
import { loadFolder } from "./helpers";

describe("readDocument", () => {
  const docs = [...loadFolder("content"), ...loadFolder("tests/fixtures/qgen")];

  it("finds the same sentences, at the same offsets, as splitSentences", () => {
    for (const d of docs) {
      const ours = readDocument(d.text).map((s) => [s.start, s.end, s.text]);
      const theirs = splitSentences(d.text).map((s) => [s.start, s.end, s.text]);
      expect(ours).toEqual(theirs);
    }
  });

  it("tags each sentence as reading it alone would, apart from context-dependent tags", () => {
    const d = docs[0]!;
    for (const s of readDocument(d.text).slice(0, 12)) {
      expect(d.text.slice(s.start, s.end)).toBe(s.text);
      const alone = annotate(s.text);
      expect(s.annotated.tokens.map((t) => [t.text, t.start, t.end])).toEqual(
        alone.tokens.map((t) => [t.text, t.start, t.end]),
      );
      for (const t of s.annotated.tokens) expect(s.text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});
