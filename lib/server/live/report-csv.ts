import "server-only";

import type { GameReport } from "@/lib/live/report";
import { guardFormula } from "@/lib/text/csv-formula";

/** RFC 4180 field; a leading =, +, - or @ is prefixed so spreadsheets never run a nickname as a formula. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "string" ? guardFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const percent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

function row(values: (string | number | null)[]): string {
  return values.map(csvField).join(",");
}

/**
 * The host's download: one table of players (rank, points, accuracy kept
 * apart) and one of questions, separated by a blank line. CRLF line ends
 * and a BOM so spreadsheet programs read UTF-8 nicknames correctly.
 */
export function buildReportCsv(report: GameReport): string {
  const lines = [
    row(["Rank", "Nickname", "Points", "Accuracy %", "Correct", "Questions played", "Answered", "Avg response s"]),
    ...report.players.map((p) =>
      row([
        p.rank,
        p.nickname,
        p.score,
        percent(p.accuracy),
        p.correctCount,
        p.roundsPlayed,
        p.answeredCount,
        seconds(p.averageResponseMs),
      ]),
    ),
    "",
    row(["Question", "Prompt", "Correct answer", "Answered", "Players", "Correct", "Accuracy %", "Avg response s"]),
    ...report.questions.map((q) =>
      row([
        q.index + 1,
        q.prompt,
        q.choices[q.correctIndex] ?? "",
        q.answeredCount,
        q.playerCount,
        q.correctCount,
        percent(q.accuracy),
        seconds(q.averageResponseMs),
      ]),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
