import { describe, expect, it } from "vitest";
import { fromCsv, toCsv } from "@/lib/interchange";
import { core, fixtureText, SAMPLE, TRICKY } from "./samples";

function ok(text: string) {
  const r = fromCsv(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.questions;
}

describe("CSV import", () => {
  it("reads a semicolon file with a Question;Answer;Tags header, quotes and all", () => {
    expect(ok(fixtureText("semicolon.csv"))).toEqual([
      { type: "flashcard", prompt: "What is the capital of Spain?", answer: "Madrid", tags: ["geography", "europe"] },
      { type: "flashcard", prompt: "Name the largest planet; give its name", answer: "Jupiter", tags: ["space"] },
      { type: "flashcard", prompt: 'Who wrote "Hamlet"?', answer: "Shakespeare" },
    ]);
  });

  it("reads comma and tab files without a header, with 2 or 3 columns", () => {
    expect(ok("Sun,star\nMoon,satellite,space\n")).toEqual([
      { type: "flashcard", prompt: "Sun", answer: "star" },
      { type: "flashcard", prompt: "Moon", answer: "satellite", tags: ["space"] },
    ]);
    expect(ok("Sun\tstar\nMoon\tsatellite\n").map((q) => q.answer)).toEqual(["star", "satellite"]);
  });

  it("recognises header names in any case, in any column order", () => {
    expect(ok("TAGS,FRONT,BACK\nx,a,b\n")).toEqual([{ type: "flashcard", prompt: "a", answer: "b", tags: ["x"] }]);
    const qs = ok("Front,Back,Tags\r\nSun,star,astro\r\n");
    expect(qs).toEqual([{ type: "flashcard", prompt: "Sun", answer: "star", tags: ["astro"] }]);
  });

  it("keeps extra columns named in a header as the explanation, and says so", () => {
    expect(ok("Question,Answer,Notes\nSun,star,seen by day\n")).toEqual([
      { type: "flashcard", prompt: "Sun", answer: "star", explanation: "seen by day" },
    ]);
    const r = fromCsv("Question,Answer,Comment\nSun,star,seen by day\n");
    expect(r.ok && r.changes).toContain("Column “Comment” kept as explanation");
  });

  it("does not mistake an ordinary first row for a header", () => {
    expect(ok("front door,entrance\n")).toEqual([{ type: "flashcard", prompt: "front door", answer: "entrance" }]);
  });

  it("fails the whole import, listing every bad row with its line", () => {
    const r = fromCsv("front,back\nSun,star\nMoon,\n\n,empty front\nonly-one-column\n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([3, 5, 6]);
    expect(r.errors[0]!.message).toMatch(/^Row 2: The answer is empty/);
  });

  it("reports line numbers correctly after a quoted field that spans lines", () => {
    const r = fromCsv('front,back\n"two\nlines",ok\nbad,\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 4, record: 2 });
  });

  it("rejects unknown types and broken quoting", () => {
    const r = fromCsv("front,back,tags,type\nA,B,,essay\n");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/unknown type "essay"/);
    expect(fromCsv('a,"unclosed\nb,c\n').ok).toBe(false);
  });

  it("rejects empty input and a header with no rows", () => {
    expect(fromCsv("").ok).toBe(false);
    expect(fromCsv("front,back,tags\n").ok).toBe(false);
  });
});

describe("CSV export", () => {
  it("writes front, back, tags, type, choices, explanation, fact type and score with a header", () => {
    const csv = toCsv([
      ...SAMPLE.slice(0, 3),
      { ...SAMPLE[0]!, explanation: "On the Seine", factType: "place", score: 0.8 },
    ]);
    expect(csv.split("\n")[0]).toBe("front,back,tags,type,choices,explanation,fact_type,score");
    expect(csv).toContain("What is the capital of France?,Paris,geography | europe,flashcard,,,,\n");
    expect(csv).toContain(
      "Which gas do plants absorb?,Carbon dioxide,,multiple_choice,Oxygen | Carbon dioxide | Nitrogen | Helium,,,",
    );
    expect(csv).toContain("What is the capital of France?,Paris,geography | europe,flashcard,,On the Seine,place,0.8");
  });

  it("keeps spreadsheet apps from running cells as formulas", () => {
    const csv = toCsv([TRICKY[7]!]);
    expect(csv).toContain("'=SUM(A1)");
    expect(csv).not.toMatch(/,=SUM/);
  });

  it("round-trips every type, including awkward characters and tags", () => {
    for (const set of [SAMPLE, TRICKY]) {
      const back = ok(toCsv(set));
      expect(core(back)).toEqual(core(set));
      expect(back.map((q) => q.tags ?? [])).toEqual(set.map((q) => q.tags ?? []));
    }
  });
});
