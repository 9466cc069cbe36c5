import type { FactType, QuestionSource, QuestionType } from "../qgen/bank";

/**
 * The neutral question shape every format maps to and from. Cloze prompts
 * mark the gap with `_____`; a true/false answer is "true" or "false";
 * multiple-choice `choices` include the answer.
 */
export type InterchangeQuestion = {
  type: QuestionType;
  prompt: string;
  answer: string;
  choices?: string[];
  statementIsTrue?: boolean;
  tags?: string[];
  /** The fact this question tests; variants of one fact share it. Absent: a note of its own. */
  noteId?: string;
  /** Bank-only fields, kept when a Quarry JSON bank is imported so a re-export preserves them. */
  quarry?: QuarryExtra;
};

export type QuarryExtra = { id: string; factType: FactType; source: QuestionSource; score: number };

/** One problem in an input; `line` for text formats, `record` (1-based) for rows, notes or questions. */
export type ImportIssue = { line?: number; record?: number; message: string; code?: FileProblemCode };

/** Set on problems with the file as a whole rather than one record. */
export type FileProblemCode = "too_large" | "corrupt" | "zip_bomb" | "unsupported_format";

/** A record the format holds but Quarry does not use (e.g. an Anki image-occlusion note). */
export type SkippedRecord = { record: number; line?: number; reason: string };

export type ImportSuccess = {
  ok: true;
  questions: InterchangeQuestion[];
  skipped?: SkippedRecord[];
  /** The file's own name for its questions (Anki deck name), when it has one. */
  title?: string;
};
export type ImportFailure = { ok: false; errors: ImportIssue[] };

/** All or nothing: any error means no questions at all. */
export type ImportResult = ImportSuccess | ImportFailure;

export const INTERCHANGE_LIMITS = {
  maxQuestions: 10_000,
  maxPromptChars: 2_000,
  maxAnswerChars: 1_000,
  maxChoiceChars: 500,
  minChoices: 2,
  maxChoices: 6,
  maxTags: 20,
  maxTagChars: 64,
  /** Text formats (JSON, CSV, GIFT), in characters. */
  maxTextChars: 10 * 1024 * 1024,
} as const;
