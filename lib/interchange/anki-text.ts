import Papa from "papaparse";
import { ankiHtmlToText, hasHtml, IMAGE_TOKEN } from "./anki-html";
import { clozeQuestions } from "./anki-cloze";
import { countChange } from "./changes";
import { INTERCHANGE_LIMITS, type ImportIssue, type ImportResult, type InterchangeQuestion } from "./types";
import type { SkippedRecord } from "./types";
import { validateAll } from "./validate";

/** The header lines Anki (2.1.55 and later) writes at the top of "Notes in Plain Text". */
const HEADER =
  /^#(separator|html|tags|columns|notetype|deck|guid column|notetype column|deck column|tags column|if matches):(.*)$/i;

export function isAnkiTextExport(text: string): boolean {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 8);
  return first.some((l) => /^#(separator|html|notetype column|deck column|tags column|guid column|columns):/i.test(l));
}

const SEPARATORS: Record<string, string> = {
  tab: "\t",
  comma: ",",
  semicolon: ";",
  space: " ",
  pipe: "|",
  colon: ":",
};

// "Basic (and reversed card)" in Anki's main languages; "optional" ones reverse only when their third field is set.
const REVERSED = /revers|umgekehrt|invers|invertid|omgekeerd|odwrotn|обратн/i;
const OPTIONAL = /optional|facultati|opcional|opzional|optionnel|opcjonaln/i;

type Headers = {
  separator: string;
  html: boolean;
  tags: string[];
  columns: string[];
  notetype?: string;
  deck?: string;
  guidColumn?: number;
  notetypeColumn?: number;
  deckColumn?: number;
  tagsColumn?: number;
};

/**
 * Reads Anki's "Notes in Plain Text" export with its `#separator:`, `#html:`
 * and `#… column:` headers. Without the note types' templates, the shape of
 * a row decides: a `{{c1::…}}` deletion makes a cloze note, anything else is
 * front and back; a reversed note type (by its name, in several languages)
 * gives a second question from the same note. Fields after the answer
 * become the explanation.
 */
export function fromAnkiText(text: string): ImportResult {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, errors: [{ message: "The file is empty." }] };
  if (text.length > INTERCHANGE_LIMITS.maxTextChars)
    return { ok: false, errors: [{ message: "The file is too large to import." }] };
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const h: Headers = { separator: "\t", html: false, tags: [], columns: [] };
  let bodyStart = 0;
  for (; bodyStart < lines.length; bodyStart++) {
    const m = HEADER.exec(lines[bodyStart]!);
    if (!m) break;
    const [key, value] = [m[1]!.toLowerCase(), m[2]!.trim()];
    const column = () => Number.parseInt(value, 10) - 1;
    if (key === "separator") h.separator = SEPARATORS[value.toLowerCase()] ?? value.charAt(0) ?? "\t";
    else if (key === "html") h.html = value.toLowerCase() === "true";
    else if (key === "tags") h.tags = value.split(/\s+/).filter(Boolean);
    else if (key === "columns") h.columns = value.split(/\t|,|;/).map((c) => c.trim());
    else if (key === "notetype") h.notetype = value;
    else if (key === "deck") h.deck = value;
    else if (key === "guid column") h.guidColumn = column();
    else if (key === "notetype column") h.notetypeColumn = column();
    else if (key === "deck column") h.deckColumn = column();
    else if (key === "tags column") h.tagsColumn = column();
  }
  const body = lines.slice(bodyStart).join("\n");
  const parsed = Papa.parse<string[]>(body, { delimiter: h.separator, skipEmptyLines: "greedy" });
  const errors: ImportIssue[] = parsed.errors.map((e) => ({
    line: bodyStart + (e.row ?? 0) + 1,
    message: `Row ${(e.row ?? 0) + 1}: ${e.message}.`,
  }));
  if (errors.length) return { ok: false, errors };
  const special = new Set([h.guidColumn, h.notetypeColumn, h.deckColumn, h.tagsColumn].filter((c) => c !== undefined));
  if (h.columns.length) {
    const tagsAt = h.columns.findIndex((c) => /^tags$/i.test(c));
    if (tagsAt >= 0 && h.tagsColumn === undefined) {
      h.tagsColumn = tagsAt;
      special.add(tagsAt);
    }
  }
  const changes = countChange();
  const questions: InterchangeQuestion[] = [];
  const records: number[] = [];
  const skipped: SkippedRecord[] = [];
  const decks = new Map<string, number>();
  parsed.data.forEach((cells, i) => {
    const record = i + 1;
    const at = (c: number | undefined) => (c === undefined ? "" : (cells[c] ?? ""));
    const deck = at(h.deckColumn) || h.deck;
    if (deck) decks.set(deck, (decks.get(deck) ?? 0) + 1);
    const notetype = at(h.notetypeColumn) || h.notetype || "";
    const rawFields = cells.filter((_, c) => !special.has(c));
    const tags = [...h.tags, ...at(h.tagsColumn).split(/\s+/).filter(Boolean)];
    const noteId = h.guidColumn !== undefined && at(h.guidColumn) ? `anki-${at(h.guidColumn)}` : undefined;
    const toText = (s: string) => {
      if (!h.html) return s.trim();
      if (hasHtml(s)) changes.add(record, "HTML converted to text");
      const t = ankiHtmlToText(s);
      const withoutImages = t.replace(IMAGE_TOKEN, "").trim();
      if (withoutImages !== t) changes.add(record, "images left out (a text export carries none)");
      if (s.includes("[sound:")) changes.add(record, "sound removed");
      return withoutImages;
    };
    const add = (q: InterchangeQuestion, group: string | undefined) => {
      questions.push({ ...q, ...(tags.length ? { tags } : {}), ...(group ? { noteId: group } : {}) });
      records.push(record);
    };
    if (/\{\{c\d+::/.test(rawFields[0] ?? "")) {
      const html = h.html ? rawFields[0]! : rawFields[0]!.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      const { questions: qs, problems } = clozeQuestions(html);
      if (h.html && hasHtml(rawFields[0]!)) changes.add(record, "HTML converted to text");
      const explanation = rawFields.slice(1).map(toText).filter(Boolean).join("\n\n");
      const group = noteId ?? (qs.length > 1 ? `anki-text-${record}` : undefined);
      qs.forEach((q) => add(explanation ? { ...q, explanation } : q, group));
      for (const reason of problems) skipped.push({ record, reason });
      return;
    }
    const fields = rawFields.map(toText);
    const optional = OPTIONAL.test(notetype);
    const reversed = REVERSED.test(notetype) && (!optional || (fields[2] ?? "") !== "");
    const [front = "", back = ""] = fields;
    const explanation = fields
      .slice(optional ? 3 : 2)
      .filter(Boolean)
      .join("\n\n");
    if (!front || !back) {
      skipped.push({ record, reason: "one side is empty (images or sound only, or a blank field)" });
      return;
    }
    const group = noteId ?? (reversed ? `anki-text-${record}` : undefined);
    const withExtra = (q: InterchangeQuestion) => (explanation ? { ...q, explanation } : q);
    add(withExtra({ type: "flashcard", prompt: front, answer: back }), group);
    if (reversed) add(withExtra({ type: "flashcard", prompt: back, answer: front }), group);
    if (explanation) changes.add(record, "extra fields kept as explanation");
  });
  if (parsed.data.length === 0) return { ok: false, errors: [{ message: "The file has no notes." }] };
  const checked = validateAll(questions, (i) => ({ record: records[i], line: bodyStart + records[i]! }));
  if (checked.errors.length) {
    return { ok: false, errors: checked.errors.map((e) => ({ ...e, message: `Note ${e.record}: ${e.message}` })) };
  }
  const title = [...decks].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    ok: true,
    questions: checked.questions,
    ...(skipped.length ? { skipped } : {}),
    ...(title ? { title } : {}),
    changes: changes.lines(),
  };
}
