import { createHash } from "node:crypto";
import {
  BANK_VERSION,
  portableBankSchema,
  type BankDocument,
  type PortableBank,
  type PortableQuestion,
} from "../qgen/bank";
import type { ImportFailure, ImportIssue, ImportSuccess, InterchangeQuestion } from "./types";
import { jsonErrorOffset } from "./json-error";
import { validateAll } from "./validate";

export type QuarryJsonMeta = {
  /** Document the questions are filed under when they carry no source of their own. */
  documentId?: string;
  title?: string;
  /** The deck's documents, written as they are (with their text when given). */
  documents?: BankDocument[];
};

export type QuarryJsonExport = { ok: true; json: string; bank: PortableBank } | { ok: false; errors: ImportIssue[] };

/**
 * Writes a version-1 Quarry bank with everything a question carries: fact
 * type, score, source sentence, tags, explanation and note. Questions from
 * other tools get a stable id from their content, fact type "term" and score
 * 0.5 when they have none, and no source (they were not made from a
 * sentence; a false statement is not a source). Fails (rather than writing an
 * invalid bank) when a question does not fit the bank format.
 */
export function toQuarryJson(questions: readonly InterchangeQuestion[], meta: QuarryJsonMeta = {}): QuarryJsonExport {
  const documentId = meta.documentId?.trim() || "imported";
  const documents = meta.documents?.length
    ? meta.documents
    : [{ id: documentId, title: meta.title ?? "Imported questions", path: "", sha256: "" }];
  const bank = {
    version: BANK_VERSION,
    documents,
    questions: questions.map(toBankQuestion),
    conflicts: [],
  };
  const parsed = portableBankSchema.safeParse(bank);
  if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error.issues) };
  return { ok: true, json: `${JSON.stringify(parsed.data, null, 2)}\n`, bank: parsed.data };
}

function toBankQuestion(q: InterchangeQuestion): Record<string, unknown> {
  const id =
    q.quarry?.id ??
    `q-${createHash("sha256").update(`${q.type}\u0000${q.prompt}\u0000${q.answer}`).digest("hex").slice(0, 16)}`;
  const typed =
    q.type === "multiple_choice"
      ? { choices: q.choices ?? [] }
      : q.type === "true_false"
        ? { statementIsTrue: q.statementIsTrue ?? q.answer === "true" }
        : {};
  return {
    id,
    // Every question names its note; one without a note of its own is its own note.
    noteId: q.noteId ?? id,
    type: q.type,
    prompt: q.prompt,
    answer: q.answer,
    ...typed,
    factType: q.factType ?? "term",
    ...(q.quarry?.source ? { source: q.quarry.source } : {}),
    score: q.score ?? 0.5,
    ...(q.tags?.length ? { tags: q.tags } : {}),
    ...(q.explanation ? { explanation: q.explanation } : {}),
    ...(q.tolerance ? { tolerance: q.tolerance } : {}),
  };
}

export type QuarryJsonImport = (ImportSuccess & { bank: PortableBank }) | ImportFailure;

/**
 * Reads a Quarry bank (version 1, with or without the optional fields added
 * since); the full bank (documents, conflicts, sources) comes back alongside.
 */
export function fromQuarryJson(text: string): QuarryJsonImport {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, errors: [{ message: "The file is empty." }] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return { ok: false, errors: [jsonSyntaxIssue(text, err)] };
  }
  const parsed = portableBankSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error.issues) };
  const bank = parsed.data;
  const { questions, errors } = validateAll(bank.questions.map(fromBankQuestion), (i) => ({ record: i + 1 }));
  if (errors.length) return { ok: false, errors };
  const titles = [...new Set(bank.documents.map((d) => d.title.trim()).filter(Boolean))];
  return { ok: true, questions, bank, ...(titles.length === 1 ? { title: titles[0] } : {}) };
}

function fromBankQuestion(q: PortableQuestion): InterchangeQuestion {
  const { id, factType, source, score } = q;
  const base: InterchangeQuestion = {
    type: q.type,
    prompt: q.prompt,
    answer: q.answer,
    factType,
    score,
    quarry: source ? { id, source } : { id },
    ...(q.noteId ? { noteId: q.noteId } : {}),
    ...(q.tags?.length ? { tags: [...q.tags] } : {}),
    ...(q.explanation ? { explanation: q.explanation } : {}),
    ...(q.tolerance ? { tolerance: q.tolerance } : {}),
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
