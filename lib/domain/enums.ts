import { z } from "zod";

// Every enumerated value the app stores or sends, defined once. Zod schemas and
// TypeScript unions derive from these arrays; database columns stay TEXT and are
// checked against them where rows are read (see `parseEnum`).

export const QUESTION_TYPES = ["cloze", "multiple_choice", "flashcard", "true_false"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const questionTypeSchema = z.enum(QUESTION_TYPES);

export const FACT_TYPES = [
  "date",
  "year",
  "money",
  "percent",
  "quantity",
  "person",
  "organization",
  "place",
  "term",
] as const;
export type FactType = (typeof FACT_TYPES)[number];
export const factTypeSchema = z.enum(FACT_TYPES);

/** FSRS card states, as stored in Card.state and ReviewLog.stateBefore. */
export const CARD_STATES = ["new", "learning", "review", "relearning"] as const;
export type CardStateName = (typeof CARD_STATES)[number];

/** A learner's grade of one answer, as FSRS names them (stored in ReviewLog.rating). */
export const RATINGS = ["again", "hard", "good", "easy"] as const;
export type Rating = (typeof RATINGS)[number];
export const ratingSchema = z.enum(RATINGS);

/** Question.status: retired questions are no longer generated from the current text. */
export const QUESTION_STATUSES = ["draft", "published", "rejected", "retired"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** What a teacher may set while moderating drafts (retiring is the generator's job). */
export const MODERATION_STATUSES = ["published", "rejected", "draft"] as const satisfies readonly QuestionStatus[];
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];
export const moderationStatusSchema = z.enum(MODERATION_STATUSES);

/** Document.generationStatus: whether question generation has run for a document. */
export const GENERATION_STATUSES = ["pending", "ready", "failed"] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

/** LiveGame.status, the stored summary of the live state machine's phase. */
export const GAME_STATUSES = ["lobby", "running", "finished"] as const;
export type GameStatus = (typeof GAME_STATUSES)[number];

/** User.role. */
export const ROLES = ["teacher", "learner"] as const;
export type Role = (typeof ROLES)[number];

export function isOneOf<const T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/** A stored value checked against its enum; anything else is corrupt data and fails loudly. */
export function parseEnum<const T extends string>(values: readonly T[], value: unknown, what: string): T {
  if (isOneOf(values, value)) return value;
  throw new Error(`Unknown ${what} ${JSON.stringify(value)}: expected one of ${values.join(", ")}.`);
}
