import { z } from "zod";

/**
 * The self-study HTTP contract, shared by the route handlers (which validate
 * every body with these schemas) and the browser client.
 */

export const ratingSchema = z.enum(["again", "hard", "good", "easy"]);
export const cardStateNameSchema = z.enum(["new", "learning", "review", "relearning"]);

/** CardState over the wire: dates as ISO strings. */
export const cardStateJsonSchema = z.object({
  due: z.iso.datetime(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: cardStateNameSchema,
  lastReview: z.iso.datetime().nullable(),
});
export type CardStateJson = z.infer<typeof cardStateJsonSchema>;

export type StudyQuestion = {
  id: string;
  type: "cloze" | "multiple_choice" | "flashcard" | "true_false";
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
  learner: { desiredRetention: number; newCardsPerDay: number; timeZone: string };
  serverNow: string;
  counts: DeckCounts;
  cards: StudyCard[];
};

export type DeckCounts = { new: number; learning: number; due: number };

/** The longest answer we store; longer typed answers are cut, not rejected. */
export const MAX_RESPONSE_CHARS = 500;
/** Answers older than this are not accepted (a queue left for a month is stale). */
export const MAX_REVIEW_AGE_MS = 30 * 24 * 3600 * 1000;

export const reviewSubmissionSchema = z.object({
  /** Client-generated UUID; replaying the same id stores nothing new. */
  reviewId: z.uuid(),
  questionId: z.string().min(1).max(100),
  cardId: z.string().min(1).max(100).nullish(),
  /** Required for flashcards (self-graded); ignored for auto-graded types, which the server grades. */
  rating: ratingSchema.optional(),
  /** MC: the chosen choice text; true/false: "true" | "false"; cloze: what was typed. */
  response: z
    .string()
    .max(MAX_RESPONSE_CHARS * 4)
    .optional(),
  answeredAt: z.iso.datetime(),
  durationMs: z.number().int().min(0).max(3_600_000),
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

export const learnerSettingsSchema = z
  .object({
    desiredRetention: z.number().min(0.7).max(0.99),
    newCardsPerDay: z.number().int().min(0).max(500),
    timeZone: z.string().min(1).max(64),
  })
  .partial()
  .strict();

/** Error bodies from every route: a message a person can read, and a stable code. */
export type ApiError = { error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };

/** "all" is the deck of every published question; any other id is a document's deck. */
export const ALL_DECK_ID = "all";
