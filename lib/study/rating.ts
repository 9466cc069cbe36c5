import type { QuestionType } from "../domain/enums";
import type { Rating } from "../scheduling/scheduler";
import type { AnswerVerdict } from "./answer-match";

/** Question types graded by the app itself (flashcards are self-graded). */
export type AutoGradedType = Exclude<QuestionType, "flashcard">;

/**
 * An answer counts as "fast" when it arrives within
 *   baseMs[type] + msPerPromptChar × prompt length + msPerAnswerChar × answer length (cloze only),
 * capped at maxMs. Bases: true/false 2 s, multiple choice 3 s, cloze 5 s; 40 ms per prompt
 * character (quick re-reading) and 200 ms per typed answer character. A 100-character
 * true/false statement is fast under 6 s; a 150-character cloze with a 10-letter answer
 * under 13 s.
 */
export const FAST_ANSWER_RULE = {
  baseMs: { true_false: 2_000, multiple_choice: 3_000, cloze: 5_000 },
  msPerPromptChar: 40,
  msPerAnswerChar: 200,
  maxMs: 20_000,
} as const satisfies {
  baseMs: Record<AutoGradedType, number>;
  msPerPromptChar: number;
  msPerAnswerChar: number;
  maxMs: number;
};

export interface AnswerTiming {
  type: AutoGradedType;
  /** Characters the learner had to read: the prompt, plus the options for multiple choice. */
  promptChars: number;
  /** Length of the expected typed answer; only used for cloze. */
  answerChars?: number;
}

export function fastThresholdMs(timing: AnswerTiming): number {
  const rule = FAST_ANSWER_RULE;
  const typed = timing.type === "cloze" ? Math.max(0, timing.answerChars ?? 0) : 0;
  const ms =
    rule.baseMs[timing.type] + rule.msPerPromptChar * Math.max(0, timing.promptChars) + rule.msPerAnswerChar * typed;
  return Math.min(ms, rule.maxMs);
}

export interface GradedAnswer extends AnswerTiming {
  /** From matchAnswer for cloze; "exact" or "wrong" for choice questions. */
  verdict: AnswerVerdict;
  durationMs: number;
}

/**
 * Wrong → again; right → good; right within the fast threshold → easy.
 * A "close" (typo) answer is never easy, and an invalid duration never counts as fast.
 */
export function rateAnswer(answer: GradedAnswer): Rating {
  if (answer.verdict === "wrong") return "again";
  if (answer.verdict === "close") return "good";
  const valid = Number.isFinite(answer.durationMs) && answer.durationMs >= 0;
  return valid && answer.durationMs <= fastThresholdMs(answer) ? "easy" : "good";
}
