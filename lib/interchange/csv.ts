import { guardFormula, unguardFormula } from "../text/csv-formula";
import Papa from "papaparse";
import type { QuestionType } from "../domain/enums";
import { INTERCHANGE_LIMITS, type ImportIssue, type ImportResult, type InterchangeQuestion } from "./types";
import { ankiHtmlToText, hasHtml } from "./anki-html";
import { countChange } from "./changes";
import { validateAll } from "./validate";

/**
 * CSV: `front,back,tags` as other tools write it, plus `type`, `choices`,
 * `explanation`, `fact_type` and `score` columns in Quarry's own export so
 * every question survives a round trip.
 */
export const CSV_COLUMNS = ["front", "back", "tags", "type", "choices", "explanation", "fact_type", "score"] as const;
type Column = (typeof CSV_COLUMNS)[number];
/** Files without a header are read in this order (the columns other tools write first). */
const HEADERLESS = ["front", "back", "tags", "type", "choices"] as const satisfies readonly Column[];

// Header names as teachers' tools write them, in the languages Anki and Quizlet use most.
const HEADER_NAMES: Record<string, Column> = Object.fromEntries(
  (
    [
      [
        "front",
        "front question prompt term word vorderseite frage begriff wort recto terme pregunta anverso frente término domanda fronte vraag voorkant pergunta pytanie",
      ],
      [
        "back",
        "back answer definition meaning rückseite antwort bedeutung definition verso réponse reponse définition respuesta reverso definición risposta retro antwoord achterkant resposta odpowiedź",
      ],
      ["tags", "tags tag schlagwörter schlagworte stichwörter étiquettes etiquettes etiquetas etichette labels"],
      ["type", "type typ tipo"],
      ["choices", "choices options auswahl optionen choix opciones opzioni"],
      [
        "explanation",
        "explanation extra back_extra notes note erklärung erläuterung hinweis explication remarque explicación nota spiegazione feedback",
      ],
      ["fact_type", "fact_type facttype"],
      ["score", "score"],
    ] as const
  ).flatMap(([column, names]) => names.split(" ").map((n) => [n, column] as const)),
);

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
    guardFormula(q.explanation ?? ""),
    q.factType ?? "",
    q.score === undefined ? "" : String(q.score),
  ]);
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: "\n" })}\n`;
}

type Row = { cells: string[]; line: number };
export type CsvOptions = { delimiter?: "," | ";" | "\t" };

/**
 * Reads CSV and tab-separated files (Quizlet, Anki's older text export) from
 * any tool. The header row is recognised by its names (in several languages)
 * or by its shape; HTML in cells from other tools becomes text; columns
 * beyond front and back that are not named tags, type or choices become the
 * explanation, so nothing is dropped silently.
 */
export function fromCsv(text: string, options: CsvOptions = {}): ImportResult {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, errors: [{ message: "The file is empty." }] };
  if (text.length > INTERCHANGE_LIMITS.maxTextChars)
    return { ok: false, errors: [{ message: "The file is too large to import." }] };
  const source = text.replace(/^\uFEFF/, "");
  const { rows, errors } = readRows(source, options.delimiter);
  if (errors.length) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ message: "The file has no rows." }] };

  const header = headerColumns(rows);
  const columns = header?.map ?? null;
  const dataRows = columns ? rows.slice(1) : rows;
  if (dataRows.length === 0) return { ok: false, errors: [{ message: "The file has a header but no questions." }] };
  const map = columns ?? new Map<Column, number>(HEADERLESS.map((c, i) => [c, i]));
  // Quarry's own export names a type column and writes plain text; other tools' cells may hold HTML.
  const ownExport = columns?.has("type") ?? false;
  const changes = countChange();
  const questions: InterchangeQuestion[] = [];
  const issues: ImportIssue[] = [];
  dataRows.forEach((row, i) => {
    const record = i + 1;
    const where = { line: row.line, record };
    if (!columns && (row.cells.length < 2 || row.cells.length > HEADERLESS.length)) {
      issues.push({
        ...where,
        message: `Row ${record} has ${row.cells.length} column(s); expected front, back and optional tags, type, choices.`,
      });
      return;
    }
    const raw = (at: number | undefined) => (at === undefined ? "" : unguardFormula(row.cells[at] ?? ""));
    const toText = (s: string) => {
      if (ownExport || !hasHtml(s)) return s;
      changes.add(record, "HTML converted to text");
      return ankiHtmlToText(s);
    };
    const cell = (c: Column) => toText(raw(map.get(c)));
    const typeCell = cell("type").trim().toLowerCase();
    const type = typeCell ? TYPE_NAMES[typeCell] : "flashcard";
    if (!type) {
      issues.push({ ...where, message: `Row ${record}: unknown type "${cell("type")}".` });
      return;
    }
    const extras = (header?.extra ?? []).map((at) => toText(raw(at)).trim()).filter(Boolean);
    const explanation = [cell("explanation").trim(), ...extras].filter(Boolean).join("\n\n");
    const q: InterchangeQuestion = { type, prompt: cell("front"), answer: cell("back"), tags: splitTags(cell("tags")) };
    if (type === "multiple_choice") q.choices = splitList(cell("choices"));
    if (explanation) q.explanation = explanation;
    const factType = cell("fact_type").trim();
    if (factType) q.factType = factType as InterchangeQuestion["factType"];
    const score = cell("score").trim();
    if (score) q.score = Number(score);
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
  const lines = [
    header
      ? `First row read as a header: ${header.names.join(", ")}`
      : "No header row: columns read as front, back, tags",
    ...(header?.extra.length
      ? [
          `Column${header.extra.length > 1 ? "s" : ""} ${header.extra.map((at) => `“${rows[0]!.cells[at]!.trim()}”`).join(", ")} kept as explanation`,
        ]
      : []),
    ...changes.lines(["row", "rows"]),
  ];
  return { ok: true, questions: checked.questions, changes: lines };
}

/** Rows with the line each starts on; quoted fields may span lines. */
function readRows(text: string, delimiter?: string): { rows: Row[]; errors: ImportIssue[] } {
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
    ...(delimiter ? { delimiter } : { delimitersToGuess: [",", ";", "\t"] }),
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

type Header = { map: Map<Column, number>; extra: number[]; names: string[] };

/**
 * The first row is a header when it names both sides ("Frage;Antwort",
 * "Term,Definition") or, in a language Quarry has no names for, when it has
 * a header's shape: short labels, all different, no sentence punctuation or
 * digits, above rows that are mostly questions or whose cells are at least
 * twice as long on average.
 */
function headerColumns(rows: readonly Row[]): Header | null {
  const cells = rows[0]!.cells.map((c) => c.trim());
  const names = cells.map(
    (c) => HEADER_NAMES[c.toLowerCase().replace(/[\s-]+/g, "_")] ?? HEADER_NAMES[c.toLowerCase()],
  );
  const map = new Map<Column, number>();
  names.forEach((n, i) => {
    if (n && !map.has(n)) map.set(n, i);
  });
  if (!(map.has("front") && map.has("back"))) {
    if (!looksLikeHeader(cells, rows.slice(1))) return null;
    // Unnamed sides are the first two columns not named otherwise.
    const free = cells.map((_, i) => i).filter((i) => names[i] === undefined);
    if (!map.has("front") && free.length) map.set("front", free.shift()!);
    if (!map.has("back") && free.length) map.set("back", free.shift()!);
    if (!map.has("front") || !map.has("back")) return null;
  }
  const taken = new Set(map.values());
  const extra = cells.map((_, i) => i).filter((i) => !taken.has(i) && names[i] === undefined && cells[i] !== "");
  return { map, extra, names: cells };
}

function looksLikeHeader(cells: readonly string[], data: readonly Row[]): boolean {
  if (cells.length < 2 || data.length === 0) return false;
  const label = (c: string) => c !== "" && c.length <= 40 && /\p{L}/u.test(c) && !/[?!.:;\d]$|\d/u.test(c);
  if (!cells.every(label) || new Set(cells.map((c) => c.toLowerCase())).size !== cells.length) return false;
  const sample = data.slice(0, 50);
  const meanLength = (rs: readonly string[][]) => {
    const all = rs
      .flat()
      .map((c) => c.trim())
      .filter(Boolean);
    return all.length ? all.reduce((n, c) => n + c.length, 0) / all.length : 0;
  };
  const head = meanLength([cells.slice()]);
  const body = meanLength(sample.map((r) => r.cells.slice(0, cells.length)));
  const questions = sample.filter((r) => /\?\s*$/.test(r.cells[0] ?? "")).length;
  return (sample.length >= 2 && body >= head * 2) || questions >= Math.ceil(sample.length / 2);
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
