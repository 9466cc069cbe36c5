import { createHash } from "node:crypto";
import { BANK_VERSION, bankSchema, type Bank, type Question } from "../qgen/bank";
import type { ImportFailure, ImportIssue, ImportSuccess, InterchangeQuestion } from "./types";
import { jsonErrorOffset } from "./json-error";
import { BLANK, validateAll } from "./validate";

export type QuarryJsonMeta = {
  /** Document the questions are filed under when they carry no source of their own. */
  documentId?: string;
  title?: string;
};

export type QuarryJsonExport = { ok: true; json: string; bank: Bank } | { ok: false; errors: ImportIssue[] };

/**
 * Writes a version-1 Quarry bank. Questions imported from elsewhere get a
 * stable id from their content, factType "term", score 0.5 and themselves as
 * the source sentence. Fails (rather than writing an invalid bank) when a
 * question does not fit the bank format, e.g. a multiple-choice question
 * without exactly 4 choices.
 */
export function toQuarryJson(questions: readonly InterchangeQuestion[], meta: QuarryJsonMeta = {}): QuarryJsonExport {
  const documentId = meta.documentId?.trim() || "imported";
  const bank = {
    version: BANK_VERSION,
    documents: [{ id: documentId, title: meta.title ?? "Imported questions", path: "", sha256: "" }],
    questions: questions.map((q) => toBankQuestion(q, documentId)),
    conflicts: [],
  };
  const parsed = bankSchema.safeParse(bank);
  if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error.issues) };
  return { ok: true, json: `${JSON.stringify(parsed.data, null, 2)}\n`, bank: parsed.data };
}

function toBankQuestion(q: InterchangeQuestion, documentId: string): Record<string, unknown> {
  const sentence = q.type === "cloze" ? q.prompt.replace(BLANK, q.answer) : q.prompt;
  const at = Math.max(0, sentence.indexOf(q.answer));
  const extra = q.quarry ?? {
    id: `q-${createHash("sha256").update(`${q.type}\u0000${q.prompt}\u0000${q.answer}`).digest("hex").slice(0, 16)}`,
    factType: "term" as const,
    source: { documentId, sentence, start: at, end: at + (sentence.includes(q.answer) ? q.answer.length : 0) },
    score: 0.5,
  };
  // Every question names its note; one without a note of its own is its own note.
  const base = { id: extra.id, noteId: q.noteId ?? extra.id, type: q.type, prompt: q.prompt, answer: q.answer };
  const typed =
    q.type === "multiple_choice"
      ? { choices: q.choices ?? [] }
      : q.type === "true_false"
        ? { statementIsTrue: q.statementIsTrue ?? q.answer === "true" }
        : {};
  return { ...base, ...typed, factType: extra.factType, source: extra.source, score: extra.score };
}

export type QuarryJsonImport = (ImportSuccess & { bank: Bank }) | ImportFailure;

/** Reads a Quarry bank; the full bank (documents, conflicts, sources) comes back alongside. */
export function fromQuarryJson(text: string): QuarryJsonImport {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, errors: [{ message: "The file is empty." }] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return { ok: false, errors: [jsonSyntaxIssue(text, err)] };
  }
  const parsed = bankSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error.issues) };
  const bank = parsed.data;
  const { questions, errors } = validateAll(bank.questions.map(fromBankQuestion), (i) => ({ record: i + 1 }));
  if (errors.length) return { ok: false, errors };
  return { ok: true, questions, bank };
}

// Version 1 files written before notes existed carry no noteId: each question is then its own note.
function fromBankQuestion(q: Question): InterchangeQuestion {
  const { id, factType, source, score } = q;
  const base = {
    type: q.type,
    prompt: q.prompt,
    answer: q.answer,
    ...(q.noteId ? { noteId: q.noteId } : {}),
    quarry: { id, factType, source, score },
  };
  if (q.type === "multiple_choice") return { ...base, choices: [...q.choices] };
  if (q.type === "true_false") return { ...base, statementIsTrue: q.statementIsTrue };
  return base;
}

/** Zod paths like ["questions", 3, "answer"] become "Question 4: answer: …" with record 4. */
function zodIssues(issues: readonly { path: PropertyKey[]; message: string }[]): ImportIssue[] {
  return issues.slice(0, 200).map((issue) => {
    const [head, index, ...rest] = issue.path;
    if (head === "questions" && typeof index === "number") {
      const field = rest.length ? `${rest.map(String).join(".")}: ` : "";
      return { record: index + 1, message: `Question ${index + 1}: ${field}${issue.message}` };
    }
    const where = issue.path.length ? `${issue.path.map(String).join(".")}: ` : "";
    return { message: `${where}${issue.message}` };
  });
}

function jsonSyntaxIssue(text: string, err: unknown): ImportIssue {
  const msg = err instanceof Error ? err.message : "invalid JSON";
  const at = jsonErrorOffset(text);
  if (at < 0) return { message: `The file is not valid JSON (${msg}).` };
  const line = text.slice(0, at).split("\n").length;
  return { line, message: `The file is not valid JSON: the problem is on line ${line}.` };
}
