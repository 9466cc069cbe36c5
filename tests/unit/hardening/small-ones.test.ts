import { describe, expect, it } from "vitest";
import { classNameSchema } from "@/lib/api/auth";
import { reviewSubmissionSchema } from "@/lib/api/study-contract";
import { findMalformedText, hasBidiControl, isWellFormedText } from "@/lib/api/text";
import { toCsv as dashboardCsv } from "@/lib/dashboard/csv";
import { fromCsv, toCsv } from "@/lib/interchange";
import { guardFormula, unguardFormula } from "@/lib/text/csv-formula";
import { parseExportFormat } from "@/lib/server/banks";

const ATTACKS = ["=1+1", "+1", '-1+HYPERLINK("http://x")', "@SUM(A1)", "\t=1", "\r=1", "-2", "'=1"];

describe("one CSV formula guard", () => {
  it("covers =, +, -, @, tab and CR, and reads back exactly", () => {
    for (const a of ATTACKS) {
      expect(guardFormula(a).startsWith("'")).toBe(true);
      expect(unguardFormula(guardFormula(a))).toBe(a);
    }
    expect(guardFormula("plain")).toBe("plain");
  });

  it("guards the deck CSV export, including -digit formulas, and round-trips it", () => {
    const q = { type: "flashcard" as const, prompt: '-1+HYPERLINK("http://evil")', answer: "-5" };
    const csv = toCsv([q]);
    expect(csv).toContain(`"'-1+HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("'-5");
    const back = fromCsv(csv);
    expect(back.ok && back.questions[0]).toMatchObject({ prompt: q.prompt, answer: "-5" });
  });

  it("guards the dashboard CSVs the same way (numbers stay numbers)", () => {
    expect(dashboardCsv(["a", "b"], [["-1+1", -3]])).toBe("a,b\r\n'-1+1,-3");
  });
});

describe("text fields", () => {
  it("finds lone surrogates anywhere in a body, keys included", () => {
    expect(isWellFormedText("ok 😀")).toBe(true);
    expect(isWellFormedText("bad \ud800")).toBe(false);
    expect(isWellFormedText("bad \udc00 too")).toBe(false);
    expect(findMalformedText({ a: [{ b: "x" }, { c: "\ud83d" }] })).toBe("a.1.c");
    expect(findMalformedText({ ["k\udfff"]: 1 })).toBe("(key)");
    expect(findMalformedText({ a: "😀" })).toBeNull();
  });

  it("refuses a lone surrogate in a review response", () => {
    const base = {
      reviewId: "7d1c7e8e-6d7a-4a5f-9d55-3b9bb5a4f001",
      questionId: "q",
      answeredAt: new Date().toISOString(),
      durationMs: 1000,
    };
    expect(reviewSubmissionSchema.safeParse({ ...base, response: "Paris" }).success).toBe(true);
    expect(reviewSubmissionSchema.safeParse({ ...base, response: "Par\ud800is" }).success).toBe(false);
  });

  it("refuses bidi controls in class names", () => {
    expect(hasBidiControl("Year 10\u202Ecod.exe")).toBe(true);
    expect(classNameSchema.safeParse({ name: "Year 10 \u202Etxt.exe" }).success).toBe(false);
    expect(classNameSchema.safeParse({ name: "Année 10 – Histoire" }).success).toBe(true);
  });
});

describe("export formats", () => {
  it("are checked against a fixed list", () => {
    expect(parseExportFormat(null)).toBe("json");
    expect(parseExportFormat("csv")).toBe("csv");
    for (const bad of ["__proto__", "constructor", "toString", "CSV", ""]) expect(parseExportFormat(bad)).toBeNull();
  });
});
