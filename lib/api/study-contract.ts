import { z } from "zod";
import { ratingSchema, type QuestionType } from "../domain/enums";
import type { CardStateJson } from "../scheduling/card-state";
import { DAY_MS, isValidTimeZone } from "../time";
import { text } from "./text";
import { STUDY_ORDERS, type StudyOrder } from "../study/session-plan";

/**
 * The self-study HTTP contract, shared by the route handlers (which validate
 * every body with these schemas) and the browser client.
 */

/** CardState over the wire: dates as ISO strings. */
export type { CardStateJson };

export type StudyQuestion = {
  id: string;
  type: QuestionType;
  prompt: string;
  answer: string;
  choices: string[] | null;
  statementIsTrue: boolean | null;
  factType: string;
  documentId: string;
  documentTitle: string;
  sentenceIndex: number;
  sentence: string;
  /** From imported decks: shown after answering. */
  tags?: string[];
  explanation?: string | null;
  tolerance?: number | null;
};

export type StudyCard = {
  /** null until the learner has answered this question once. */
  cardId: string | null;
  question: StudyQuestion;
  card: CardStateJson;
};

export type StudySession = {
  deck: { id: string; title: string };
  learner: {
    desiredRetention: number;
    newCardsPerDay: number;
    maxReviewsPerDay: number;
    studyOrder: StudyOrder;
    timeZone: string;
    /** Fitted FSRS weights when they beat the defaults; null: the defaults. */
    fsrsWeights: number[] | null;
  };
  serverNow: string;
  counts: DeckCounts;
  cards: StudyCard[];
};

export type DeckCounts = { new: number; learning: number; due: number };

/** The longest answer we store; longer typed answers are cut, not rejected. */
export const MAX_RESPONSE_CHARS = 500;
/** Answers older than this are not accepted (a queue left for a month is stale). */
export const MAX_REVIEW_AGE_MS = 30 * DAY_MS;

export const reviewSubmissionSchema = z.object({
  /** Client-generated UUID; replaying the same id stores nothing new. */
  reviewId: z.uuid(),
  questionId: z.string().min(1).max(100),
  cardId: z.string().min(1).max(100).nullish(),
  /** Required for flashcards (self-graded); ignored for auto-graded types, which the server grades. */
  rating: ratingSchema.optional(),
  /** MC: the chosen choice text; true/false: "true" | "false"; cloze: what was typed. */
  response: text()
    .max(MAX_RESPONSE_CHARS * 4)
    .optional(),
  answeredAt: z.iso.datetime(),
  durationMs: z.number().int().min(0).max(3_600_000),
  /** Cloze only: the learner says the typed answer the grader rejected was right ("I was right"). */
  override: z.boolean().optional(),
});
export type ReviewSubmission = z.infer<typeof reviewSubmissionSchema>;

export type ReviewResult = {
  status: "stored" | "duplicate";
  reviewId: string;
  cardId: string;
  rating: z.infer<typeof ratingSchema>;
  correct: boolean | null;
  card: CardStateJson;
};

/** Bounds of every learner setting; the settings form shows the same numbers. */
export const SETTINGS_LIMITS = {
  desiredRetention: { min: 0.7, max: 0.97 },
  newCardsPerDay: { min: 0, max: 500 },
  maxReviewsPerDay: { min: 0, max: 9999 },
} as const;

const L = SETTINGS_LIMITS;
export const learnerSettingsSchema = z
  .object({
    desiredRetention: z
      .number()
      .min(L.desiredRetention.min, `Desired retention must be at least ${L.desiredRetention.min}.`)
      .max(L.desiredRetention.max, `Desired retention must be at most ${L.desiredRetention.max}.`),
    newCardsPerDay: z
      .number()
      .int("New cards per day must be a whole number.")
      .min(L.newCardsPerDay.min, "New cards per day cannot be negative.")
      .max(L.newCardsPerDay.max, `New cards per day can be at most ${L.newCardsPerDay.max}.`),
    maxReviewsPerDay: z
      .number()
      .int("Maximum reviews per day must be a whole number.")
      .min(L.maxReviewsPerDay.min, "Maximum reviews per day cannot be negative.")
      .max(L.maxReviewsPerDay.max, `Maximum reviews per day can be at most ${L.maxReviewsPerDay.max}.`),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isValidTimeZone, { message: 'Unknown time zone; use an IANA name such as "Europe/London".' }),
    studyOrder: z.enum(STUDY_ORDERS),
  })
  .partial()
  .strict();
export type LearnerSettingsInput = z.infer<typeof learnerSettingsSchema>;

/** Error bodies from every route: a message a person can read, and a stable code. */
export type ApiError = { error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };

/** "all" is "Study everything": every published question of the decks the viewer can see, each once. */
export const ALL_DECK_ID = "all";

/** The public deck of the sample corpus in content/. */
export const SAMPLE_DECK_ID = "sample";
