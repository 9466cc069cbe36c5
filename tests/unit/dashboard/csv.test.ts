import { describe, expect, it } from "vitest";
import { csvCell, csvFileName, toCsv } from "@/lib/dashboard/csv";

describe("csvCell", () => {
  it("writes plain text and numbers as they are", () => {
    expect(csvCell("Demo Learner 01")).toBe("Demo Learner 01");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(0.875)).toBe("0.875");
    expect(csvCell(-3)).toBe("-3");
  });

  it("leaves empty values empty", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("quotes separators, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("semi;colon")).toBe('"semi;colon"');
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvCell("=SUM(A1:A3)")).toBe("'=SUM(A1:A3)");
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\t=1")).toBe("'\t=1");
    // Prefixed first, then quoted because of the comma and quote.
    expect(csvCell('=HYPERLINK("http://x",1)')).toBe('"\'=HYPERLINK(""http://x"",1)"');
  });

  it("does not touch text with a formula character further in", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("e-mail")).toBe("e-mail");
  });
});

describe("toCsv", () => {
  it("joins the header and rows with CRLF", () => {
    expect(
      toCsv(
        ["Name", "Reviews"],
        [
          ["Ann", 3],
          ["Bo, Jr.", null],
        ],
      ),
    ).toBe('Name,Reviews\r\nAnn,3\r\n"Bo, Jr.",');
  });
});

describe("csvFileName", () => {
  it("keeps letters and digits only", () => {
    expect(csvFileName("Year 9 / Physics", "learners")).toBe("year-9-physics-learners.csv");
    expect(csvFileName("Émile's class")).toBe("emile-s-class.csv");
    expect(csvFileName("///")).toBe("export.csv");
  });
});
