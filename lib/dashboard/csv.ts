/** CSV as RFC 4180 describes it, safe to open in a spreadsheet. */
import { guardFormula } from "../text/csv-formula";

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One cell: text that would start a formula gets a leading apostrophe (the
 * spreadsheet convention for "literal text"); cells with quotes, separators or
 * line breaks are quoted, inner quotes doubled. Numbers are written as they are.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = guardFormula(String(value));
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header line plus rows, CRLF line ends, no trailing line break. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n");
}

/** A file name safe in a Content-Disposition header: letters, digits and dashes. */
export function csvFileName(...parts: string[]): string {
  const slug = parts
    .join("-")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${slug || "export"}.csv`;
}
