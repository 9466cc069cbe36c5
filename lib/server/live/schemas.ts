import "server-only";

import { z } from "zod";
import { MAX_SECONDS, MIN_SECONDS } from "@/lib/live/config";

export const MAX_LIVE_QUESTIONS = 50;

export const newQuizSchema = z.object({
  deckId: z.string().min(1).max(100),
  questionCount: z.number().int().min(1).max(MAX_LIVE_QUESTIONS),
  secondsPerQuestion: z.number().int().min(MIN_SECONDS).max(MAX_SECONDS),
  shuffle: z.boolean(),
  allowLateJoin: z.boolean(),
});

export const joinSchema = z.object({
  code: z.string().max(20),
  nickname: z.string().max(200),
});

export const answerSchema = z.object({
  questionIndex: z.number().int().min(0).max(1000),
  choiceIndex: z.number().int().min(0).max(10),
});

export const hostActionSchema = z.object({
  action: z.enum(["start", "next", "close_question", "end"]),
});

/** Game ids are cuids; anything else is refused before touching the registry or database. */
export const gameIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/);
