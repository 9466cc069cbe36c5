import { describe, expect, it } from "vitest";
import { splitSentences } from "@/lib/text/sentences";

function expectExactOffsets(text: string) {
  const sentences = splitSentences(text);
  for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  return sentences;
}

describe("splitSentences", () => {
  it("splits prose into sentences with exact character offsets", () => {
    const text = "Water boils at 100 °C at sea level. At altitude it boils sooner! Why? Pressure drops.";
    const s = expectExactOffsets(text);
    expect(s.map((x) => x.text)).toEqual([
      "Water boils at 100 °C at sea level.",
      "At altitude it boils sooner!",
      "Why?",
      "Pressure drops.",
    ]);
    expect(s.map((x) => x.index)).toEqual([0, 1, 2, 3]);
  });

  it("ends a sentence after a unit abbreviation and its period", () => {
    const text =
      "The ridge was put at 6812 m. In 1990, a new survey gave 6,815 m and the pass 4 km. Both held. It ends at 5 p.m. Tuesday.";
    const s = expectExactOffsets(text);
    expect(s.map((x) => x.text)).toEqual([
      "The ridge was put at 6812 m.",
      "In 1990, a new survey gave 6,815 m and the pass 4 km.",
      "Both held.",
      "It ends at 5 p.m. Tuesday.",
    ]);
  });

  it("does not split on abbreviations, decimals or initialisms", () => {
    const text =
      "Dr. Smith paid $14.9 billion on Feb. 7, 2025 in the U.S. capital. " +
      "‘having the Japan-U.S. relationship as equal as possible will help.’ Then it ended.";
    const s = expectExactOffsets(text);
    expect(s.map((x) => x.text)).toEqual([
      "Dr. Smith paid $14.9 billion on Feb. 7, 2025 in the U.S. capital.",
      "‘having the Japan-U.S. relationship as equal as possible will help.’",
      "Then it ended.",
    ]);
  });

  it("ends a sentence at a line break, so headings stand alone", () => {
    const text =
      "A History of Tensions\nThe alliance is old. It has changed.\n\nDefense Spending\nJapan will pay more.";
    const s = expectExactOffsets(text);
    expect(s.map((x) => [x.paragraph, x.text])).toEqual([
      [0, "A History of Tensions"],
      [1, "The alliance is old."],
      [1, "It has changed."],
      [2, "Defense Spending"],
      [3, "Japan will pay more."],
    ]);
  });

  it("keeps offsets exact with Windows line endings", () => {
    const text = "First line here.\r\nSecond line here. Third one.\r\n";
    const s = expectExactOffsets(text);
    expect(s.map((x) => x.text)).toEqual(["First line here.", "Second line here.", "Third one."]);
    expect(s.every((x) => !x.text.includes("\r"))).toBe(true);
  });

  it("keeps curly quotes and treats a quoted sentence as one", () => {
    const text = "He said, “We are ready to share responsibilities.” The talks continued.";
    const s = expectExactOffsets(text);
    expect(s[0]!.text).toContain("“We are ready to share responsibilities.”");
    expect(s.at(-1)!.text).toBe("The talks continued.");
  });

  it("returns nothing for empty or whitespace-only text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("  \n\t\r\n  ")).toEqual([]);
  });

  it("marks exact repeats, ignoring case, spacing and quote style", () => {
    const text = "The treaty was signed. Trade grew.\nThe  treaty was signed. Trade grew fast.\nthe treaty was signed.";
    const s = splitSentences(text);
    expect(s.map((x) => x.repeatOf)).toEqual([null, null, 0, null, 0]);
    expect(s[0]!.hash).toBe(s[2]!.hash);
    expect(s[1]!.hash).not.toBe(s[3]!.hash);
  });

  it("splits a 5 MB document with offsets intact", () => {
    const paragraph = "Mitochondria produce most of the cell's ATP. They have their own DNA. ";
    const text = Array.from({ length: 75_000 }, (_, i) => `${paragraph}Note ${i}.\n`).join("");
    expect(text.length).toBeGreaterThan(5_000_000);
    const s = splitSentences(text);
    expect(s).toHaveLength(75_000 * 3);
    const last = s.at(-1)!;
    expect(text.slice(last.start, last.end)).toBe("Note 74999.");
    expect(s[3]!.repeatOf).toBe(0);
  });
});
