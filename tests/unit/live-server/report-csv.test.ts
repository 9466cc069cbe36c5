import { describe, expect, it } from "vitest";
import type { GameReport } from "@/lib/live/report";
import { buildReportCsv, csvField } from "@/lib/server/live/report-csv";

describe("csvField", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField("-2+3")).toBe("'-2+3");
    // Numbers stay numbers.
    expect(csvField(-5)).toBe("-5");
  });
});

describe("buildReportCsv", () => {
  const report: GameReport = {
    players: [
      {
        rank: 1,
        playerId: "p2",
        nickname: "Ana, the 1st",
        score: 1850,
        accuracy: 2 / 3,
        correctCount: 2,
        roundsPlayed: 3,
        answeredCount: 3,
        averageResponseMs: 2345,
      },
      {
        rank: 2,
        playerId: "p1",
        nickname: "=Bo",
        score: 0,
        accuracy: null,
        correctCount: 0,
        roundsPlayed: 0,
        answeredCount: 0,
        averageResponseMs: null,
      },
    ],
    questions: [
      {
        index: 0,
        questionId: "q1",
        type: "multiple_choice",
        prompt: "Who met Trump?",
        choices: ["Abe", "Ishiba"],
        correctIndex: 1,
        distribution: [1, 1],
        answeredCount: 2,
        playerCount: 2,
        correctCount: 1,
        accuracy: 0.5,
        averageResponseMs: 1000,
        closedBy: "all_answered",
      },
    ],
  };

  it("writes a players table and a questions table with points and accuracy apart", () => {
    const lines = buildReportCsv(report)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines).toEqual([
      "Rank,Nickname,Points,Accuracy %,Correct,Questions played,Answered,Avg response s",
      '1,"Ana, the 1st",1850,66.7,2,3,3,2.3',
      "2,'=Bo,0,,0,0,0,",
      "",
      "Question,Prompt,Correct answer,Answered,Players,Correct,Accuracy %,Avg response s",
      "1,Who met Trump?,Ishiba,2,2,1,50,1",
      "",
    ]);
  });

  it("starts with a BOM so spreadsheets read UTF-8", () => {
    expect(buildReportCsv(report).startsWith("\uFEFF")).toBe(true);
  });
});
