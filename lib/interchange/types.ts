import type { FactType, QuestionType } from "../domain/enums";
import type { QuestionSource } from "../qgen/bank";

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
  /** Shown after answering: Anki's Back Extra and other extra fields, GIFT feedback. */
  explanation?: string;
  /** Questions from one note (e.g. both sides of Anki's "Basic (and reversed card)") share it. */
  noteId?: string;
  /** Kind of fact tested; questions from other tools have none until exported ("term"). */
  factType?: FactType;
  /** 0..1, higher is better; kept across every format that Quarry writes. */
  score?: number;
  /** Numerical answers (Moodle `{#3.14:0.01}`): how far a typed number may be off. */
  tolerance?: number;
  /** Bank-only fields, kept when a Quarry JSON bank is imported so a re-export preserves them. */
  quarry?: QuarryExtra;
};

export type QuarryExtra = { id: string; source?: QuestionSource };

/** An image that came with the file (Anki media); prompts and answers refer to it as `[image:NAME]`. */
export type MediaFile = { name: string; mime: ImageMime; bytes: Uint8Array };
export const IMAGE_MIMES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

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
  /** The file's own name for the deck: Anki deck name, GIFT $CATEGORY, Quarry bank document title. */
  title?: string;
  /** What Quarry did to the content on the way in, e.g. "HTML converted to text in 3 notes". */
  changes?: string[];
  /** Images the questions refer to, already checked against the size caps. */
  media?: MediaFile[];
  /** What the file was read as, told to the teacher, e.g. "Moodle GIFT" (set by readBankFile). */
  readAs?: string;
};
export type ImportFailure = { ok: false; errors: ImportIssue[]; readAs?: string };

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
  maxExplanationChars: 4_000,
  /** Images: per file and per deck (all images of one import together). */
  maxImageBytes: 2 * 1024 * 1024,
  maxDeckImageBytes: 50 * 1024 * 1024,
  /** Text formats (JSON, CSV, GIFT), in characters. */
  maxTextChars: 10 * 1024 * 1024,
} as const;
