import { describe, expect, it } from "vitest";
import { fromGift, toGift } from "@/lib/interchange";
import { core, fixtureText, SAMPLE, TRICKY } from "./samples";

function ok(text: string) {
  const r = fromGift(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe("GIFT import", () => {
  it("reads the sample quiz: comments, titles, escapes, feedback, multi-line and every supported type", () => {
    const r = ok(fixtureText("sample.gift"));
    expect(r.questions).toEqual([
      {
        type: "multiple_choice",
        prompt: "What is the capital of France?",
        answer: "Paris",
        choices: ["Paris", "Lyon", "Marseille"],
        explanation: "Correct!",
      },
      {
        type: "true_false",
        prompt: "Water boils at 100 {degrees} Celsius at sea level.",
        answer: "true",
        statementIsTrue: true,
        tags: ["physics", "heat"],
      },
      { type: "cloze", prompt: "The _____ is the longest river in Africa.", answer: "Nile" },
      { type: "flashcard", prompt: "Which gas do plants\nabsorb from the air?", answer: "carbon dioxide" },
      {
        type: "true_false",
        prompt: "Grass is blue.",
        answer: "false",
        statementIsTrue: false,
        explanation: "It is green.",
      },
      { type: "cloze", prompt: "When was the Bastille stormed? _____", answer: "1789" },
      { type: "flashcard", prompt: "Use a backslash \\ and a colon: like this.", answer: "ok" },
    ]);
    expect(r.title).toBe("Geography");
    expect(r.changes).toEqual([
      "Feedback kept as explanation in 2 questions",
      "Other accepted answers dropped (Quarry keeps the first) in 1 question",
      "Format marker [markdown] dropped in 1 question",
      "Numerical question read as a typed answer in 1 question",
    ]);
  });

  it("skips and lists matching and essay questions with their lines", () => {
    const r = ok(fixtureText("sample.gift"));
    const lines = fixtureText("sample.gift").split("\n");
    expect(r.skipped?.map((s) => s.reason)).toEqual(["matching question", "essay question"]);
    expect(lines[r.skipped![0]!.line! - 1]).toBe("Match the countries. {");
    expect(lines[r.skipped![1]!.line! - 1]).toMatch(/^Write a short essay/);
  });

  it("reads weights, TRUE/FALSE spellings and text after the answer block as a gap", () => {
    const r = ok("Pick one {~%0%no =yes ~maybe}\n\nIs it? {TRUE}\n\nRoses are {=red} and violets are blue.");
    expect(r.questions.map((q) => [q.type, q.prompt, q.answer])).toEqual([
      ["multiple_choice", "Pick one", "yes"],
      ["true_false", "Is it?", "true"],
      ["cloze", "Roses are _____ and violets are blue.", "red"],
    ]);
  });

  it("skips multiple-answer multiple choice and description items", () => {
    const r = ok("Which are even? {~%50%2 ~%50%4 ~%-100%3}\n\nJust a description.\n\nQ {=a}");
    expect(r.questions).toHaveLength(1);
    expect(r.skipped?.map((s) => s.record)).toEqual([1, 2]);
  });

  it("fails with line numbers for syntax errors, listing all of them", () => {
    const r = fromGift("Good {T}\n\nOpen {=never closed\nstill open\n\n::Title:: ok {T}\n\nStray } brace {T}\n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([3, 8]);
    expect(r.errors[0]!.message).toMatch(/^Line 3: the answer block opened with \{ is never closed/);
    expect(r.errors[1]!.message).toMatch(/\\}/);
  });

  it("fails on invalid questions: duplicate choices, no correct choice", () => {
    const r = fromGift("Q1 {=a ~A}\n\nQ2 {~a ~b}\n");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({ line: 1, record: 1 });
      expect(r.errors[0]!.message).toMatch(/same/);
    }
  });

  it("rejects empty input and files with only comments", () => {
    expect(fromGift("").ok).toBe(false);
    expect(fromGift("// nothing\n// here\n").ok).toBe(false);
  });
});

describe("GIFT export", () => {
  it("writes each type in Moodle's syntax", () => {
    const gift = toGift(SAMPLE);
    expect(gift).toContain("// [tag:geography] [tag:europe]\nWhat is the capital of France? {=Paris}");
    expect(gift).toContain("The {=Danube} flows through ten countries.");
    expect(gift).toContain("Which gas do plants absorb? {\n  ~Oxygen\n  =Carbon dioxide\n  ~Nitrogen\n  ~Helium\n}");
    expect(gift).toContain("Water boils at 100 °C at sea level. {T}");
    expect(gift).toContain("The Moon is a planet. {F}");
  });

  it("escapes GIFT's special characters", () => {
    expect(toGift([TRICKY[1]!])).toContain("Escape \\~ \\= \\# \\{ \\} \\: and \\\\ in GIFT {=\\=x\\~y\\#z\\{\\}}");
  });

  it("round-trips every type, with tags, awkward characters and gaps at either end", () => {
    for (const set of [SAMPLE, TRICKY]) {
      const back = ok(toGift(set));
      expect(back.skipped).toBeUndefined();
      expect(core(back.questions)).toEqual(core(set));
      expect(back.questions.map((q) => q.tags ?? [])).toEqual(set.map((q) => q.tags ?? []));
    }
  });
});
