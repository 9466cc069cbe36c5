import { guardFormula, unguardFormula } from "../text/csv-formula";
import Papa from "papaparse";
import type { QuestionType } from "../qgen/bank";
import { INTERCHANGE_LIMITS, type ImportIssue, type ImportResult, type InterchangeQuestion } from "./types";
import { validateAll } from "./validate";

/**
 * CSV: `front,back,tags` as other tools write it, plus `type` and `choices`
 * columns in Quarry's own export so every question type survives a round trip.
 */
export const CSV_COLUMNS = ["front", "back", "tags", "type", "choices"] as const;

const HEADER_NAMES: Record<string, (typeof CSV_COLUMNS)[number]> = {
  front: "front",
  question: "front",
  prompt: "front",
  back: "back",
  answer: "back",
  tags: "tags",
  tag: "tags",
  type: "type",
  choices: "choices",
  options: "choices",
};

const TYPE_NAMES: Record<string, QuestionType> = {
  flashcard: "flashcard",
  basic: "flashcard",
  cloze: "cloze",
  multiple_choice: "multiple_choice",
  "multiple choice": "multiple_choice",
  mc: "multiple_choice",
  true_false: "true_false",
  "true/false": "true_false",
  tf: "true_false",
};

export function toCsv(questions: readonly InterchangeQuestion[]): string {
  const rows = questions.map((q) => [
    guardFormula(q.prompt),
    guardFormula(q.answer),
    guardFormula(joinList(q.tags ?? [], true)),
    q.type,
    q.type === "multiple_choice" ? guardFormula(joinList(q.choices ?? [], false)) : "",
  ]);
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: "\n" })}\n`;
}

type Row = { cells: string[]; line: number };

export function fromCsv(text: string): ImportResult {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, errors: [{ message: "The file is empty." }] };
  if (text.length > INTERCHANGE_LIMITS.maxTextChars)
    return { ok: false, errors: [{ message: "The file is too large to import." }] };
  const source = text.replace(/^\uFEFF/, "");
  const { rows, errors } = readRows(source);
  if (errors.length) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ message: "The file has no rows." }] };

  const columns = headerColumns(rows[0]!.cells);
  const dataRows = columns ? rows.slice(1) : rows;
  if (dataRows.length === 0) return { ok: false, errors: [{ message: "The file has a header but no questions." }] };
  const map = columns ?? new Map(CSV_COLUMNS.map((c, i) => [c, i]));
  const questions: InterchangeQuestion[] = [];
  const issues: ImportIssue[] = [];
  dataRows.forEach((row, i) => {
    const where = { line: row.line, record: i + 1 };
    if (!columns && (row.cells.length < 2 || row.cells.length > CSV_COLUMNS.length)) {
      issues.push({
        ...where,
        message: `Row ${i + 1} has ${row.cells.length} column(s); expected front, back and optional tags, type, choices.`,
      });
      return;
    }
    const cell = (c: (typeof CSV_COLUMNS)[number]) => {
      const at = map.get(c);
      return at === undefined ? "" : unguardFormula(row.cells[at] ?? "");
    };
    const typeCell = cell("type").trim().toLowerCase();
    const type = typeCell ? TYPE_NAMES[typeCell] : "flashcard";
    if (!type) {
      issues.push({ ...where, message: `Row ${i + 1}: unknown type "${cell("type")}".` });
      return;
    }
    const q: InterchangeQuestion = { type, prompt: cell("front"), answer: cell("back"), tags: splitTags(cell("tags")) };
    if (type === "multiple_choice") q.choices = splitList(cell("choices"));
    questions.push(q);
  });
  if (issues.length) return { ok: false, errors: issues };
  const checked = validateAll(questions, (i) => ({ line: dataRows[i]!.line, record: i + 1 }));
  if (checked.errors.length) {
    return {
      ok: false,
      errors: checked.errors.map((e) => ({ ...e, message: `Row ${e.record ?? "?"}: ${e.message}` })),
    };
  }
  return { ok: true, questions: checked.questions };
}

/** Rows with the line each starts on; quoted fields may span lines. */
function readRows(text: string): { rows: Row[]; errors: ImportIssue[] } {
  const rows: Row[] = [];
  const errors: ImportIssue[] = [];
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number) => {
    for (; counted < offset && counted < text.length; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  let start = 0;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: "greedy",
    step: (result) => {
      // Skip leading newlines so the row's line is where its text begins.
      while (start < text.length && (text[start] === "\n" || text[start] === "\r")) start++;
      const rowLine = lineAt(start);
      for (const e of result.errors) {
        if (e.code === "UndetectableDelimiter") continue;
        errors.push({ line: rowLine, message: `Line ${rowLine}: ${e.message}.` });
      }
      rows.push({ cells: result.data, line: rowLine });
      start = result.meta.cursor;
    },
  });
  return { rows, errors };
}

function headerColumns(cells: readonly string[]): Map<(typeof CSV_COLUMNS)[number], number> | null {
  // A header names both sides exactly ("front door,entrance" stays data); other columns are ignored.
  const names = cells.map((c) => HEADER_NAMES[c.trim().toLowerCase()]);
  if (!names.includes("front") || !names.includes("back")) return null;
  const map = new Map<(typeof CSV_COLUMNS)[number], number>();
  names.forEach((n, i) => {
    if (n && !map.has(n)) map.set(n, i);
  });
  return map;
}

/**
 * Lists (choices, tags) are joined with " | "; a literal | or \ is escaped
 * with a backslash. A lone tag containing spaces, commas, semicolons or an
 * escape gets a trailing separator so it is read back as a list, not split
 * like a plain space-separated tag cell.
 */
function joinList(items: readonly string[], isTags: boolean): string {
  const joined = items.map((s) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|")).join(" | ");
  return isTags && items.length === 1 && (/[\s,;]/.test(items[0]!) || joined !== items[0]) ? `${joined} |` : joined;
}

function splitList(cell: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === "\\" && i + 1 < cell.length) cur += cell[++i];
    else if (ch === "|") {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter((s, i) => s !== "" || i < out.length - 1);
}

/** Tags from other tools are usually space-separated (Anki) or comma/semicolon-separated. */
function splitTags(cell: string): string[] {
  if (cell.includes("|")) return splitList(cell).filter(Boolean);
  return cell.split(/[\s,;]+/).filter(Boolean);
}
