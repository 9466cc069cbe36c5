import { AppError, STATUS } from "../errors";
import type { QuestionType } from "../domain/enums";
import type { Rating } from "../scheduling/scheduler";
import { matchAnswer, type AnswerVerdict } from "./answer-match";

export type GradableQuestion = {
  type: QuestionType;
  prompt: string;
  answer: string;
  choices: string[] | null;
  statementIsTrue: boolean | null;
  /** Numerical answers imported from Moodle: a typed number within this of the answer is right. */
  tolerance?: number | null;
};

/** `overridden`: the learner said a typed answer the machine marked wrong was right. */
export type Grade = { verdict: AnswerVerdict; correct: boolean; rating: Rating; overridden: boolean };

export class GradeError extends AppError {
  constructor(
    override readonly code: "rating_required" | "response_required" | "override_not_allowed",
    message: string,
  ) {
    super(code, message, STATUS.invalid);
    this.name = "GradeError";
  }
}

/**
 * Grades one answer the same way in the browser (instant feedback, offline)
 * and on the server (the stored, authoritative result). Flashcards are
 * self-graded, so they need `rating`; the other types need `response`.
 */
export function gradeAnswer(
  q: GradableQuestion,
  input: { response?: string | null; rating?: Rating | null; durationMs: number; override?: boolean | null },
): Grade {
  if (input.override && q.type !== "cloze") {
    throw new GradeError("override_not_allowed", "Only a typed answer can be marked right by the learner.");
  }
  if (q.type === "flashcard") {
    if (!input.rating)
      throw new GradeError("rating_required", "A flashcard answer needs a rating (again, hard, good or easy).");
    const correct = input.rating !== "again";
    return { verdict: correct ? "exact" : "wrong", correct, rating: input.rating, overridden: false };
  }
  const response = input.response?.trim() ?? "";
  if (response === "" && q.type !== "cloze") {
    throw new GradeError("response_required", "An answer to this question needs the chosen option.");
  }
  const verdict = verdictFor(q, response);
  // The override rule: a typed answer the matcher rejected, which the learner marks right,
  // passes as Good (never Easy: it needed a second look). A matched answer has nothing to override.
  if (input.override && verdict === "wrong") return { verdict, correct: true, rating: "good", overridden: true };
  const promptChars = q.prompt.length + (q.choices?.join("").length ?? 0);
  const rating = rateAnswer({
    type: q.type,
    verdict,
    durationMs: input.durationMs,
    promptChars,
    answerChars: q.answer.length,
  });
  return { verdict, correct: verdict !== "wrong", rating, overridden: false };
}

function verdictFor(q: GradableQuestion, response: string): AnswerVerdict {
  switch (q.type) {
    case "multiple_choice":
      return response === q.answer ? "exact" : "wrong";
    case "true_false": {
      const said = response.toLowerCase();
      const truth = q.statementIsTrue ? "true" : "false";
      return said === truth || said === truth[0] ? "exact" : "wrong";
    }
    case "cloze":
      if (q.tolerance && withinTolerance(q.answer, response, q.tolerance)) return "exact";
      return matchAnswer(q.answer, response).verdict;
    default:
      return "wrong";
  }
}

/** Both plain numbers (a decimal comma allowed) and no further apart than `tolerance`. */
function withinTolerance(answer: string, response: string, tolerance: number): boolean {
  const num = (s: string) =>
    /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s.trim()) ? Number(s.trim().replace(",", ".")) : NaN;
  const a = num(answer);
  const r = num(response);
  // A hair of slack for binary fractions: 3.1415 ± 0.0005 must accept 3.142.
  return Number.isFinite(a) && Number.isFinite(r) && Math.abs(a - r) <= tolerance * (1 + 1e-9);
}

// Ratings of auto-graded answers: right, wrong and how fast.

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
