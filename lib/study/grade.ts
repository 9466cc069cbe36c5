import { AppError, STATUS } from "../errors";
import type { QuestionType } from "../domain/enums";
import type { Rating } from "../scheduling/scheduler";
import { matchAnswer, type AnswerVerdict } from "./answer-match";
import { rateAnswer } from "./rating";

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
