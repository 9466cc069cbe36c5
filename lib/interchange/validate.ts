import { FACT_TYPES, QUESTION_TYPES, isOneOf } from "../domain/enums";
import { normalizeForMatch } from "../text/normalize";
import { INTERCHANGE_LIMITS as L, type ImportIssue, type InterchangeQuestion } from "./types";

/** The cloze gap, as written by the question generator (lib/qgen/questions). */
export const BLANK = "_____";

/**
 * Checks and tidies one imported question. Returns the cleaned question or
 * the list of problems (without location; the caller adds line/record).
 */
export function validateQuestion(
  q: InterchangeQuestion,
): { ok: true; question: InterchangeQuestion } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const type = q.type;
  if (!isOneOf(QUESTION_TYPES, type)) return { ok: false, problems: [`unknown question type "${String(q.type)}"`] };
  const prompt = clean(q.prompt);
  let answer = clean(q.answer);
  if (!prompt) problems.push("the question is empty");
  else if (prompt.length > L.maxPromptChars)
    problems.push(`the question is longer than ${L.maxPromptChars} characters`);
  if (!answer) problems.push("the answer is empty");
  else if (answer.length > L.maxAnswerChars) problems.push(`the answer is longer than ${L.maxAnswerChars} characters`);

  const out: InterchangeQuestion = { type, prompt, answer };
  if (type === "cloze") {
    const gaps = prompt.split(BLANK).length - 1;
    if (gaps !== 1) problems.push(`a cloze question needs exactly one gap written ${BLANK} (found ${gaps})`);
  }
  if (type === "true_false") {
    const a = answer.toLowerCase();
    if (a !== "true" && a !== "false") problems.push(`a true/false answer must be "true" or "false", not "${answer}"`);
    else {
      answer = a;
      out.answer = a;
      if (q.statementIsTrue !== undefined && q.statementIsTrue !== (a === "true")) {
        problems.push("statementIsTrue disagrees with the answer");
      }
      out.statementIsTrue = a === "true";
    }
  }
  if (type === "multiple_choice") {
    const choices = (q.choices ?? []).map(clean);
    problems.push(...choiceProblems(choices, answer));
    out.choices = choices;
  }
  const tags = cleanTags(q.tags ?? []);
  if (tags.length > L.maxTags) problems.push(`at most ${L.maxTags} tags are allowed`);
  if (tags.some((t) => t.length > L.maxTagChars)) problems.push(`tags must be at most ${L.maxTagChars} characters`);
  if (tags.length) out.tags = tags;
  const explanation = clean(q.explanation);
  if (explanation.length > L.maxExplanationChars)
    problems.push(`the explanation is longer than ${L.maxExplanationChars} characters`);
  if (explanation) out.explanation = explanation;
  if (q.noteId) out.noteId = q.noteId;
  if (q.factType !== undefined) {
    if (FACT_TYPES.includes(q.factType)) out.factType = q.factType;
    else problems.push(`unknown fact type "${String(q.factType)}"`);
  }
  if (q.score !== undefined) {
    if (Number.isFinite(q.score) && q.score >= 0 && q.score <= 1) out.score = q.score;
    else problems.push("the score must be a number from 0 to 1");
  }
  if (q.tolerance !== undefined && Number.isFinite(q.tolerance) && q.tolerance > 0) out.tolerance = q.tolerance;
  if (q.quarry) out.quarry = q.quarry;
  if (typeof q.noteId === "string" && q.noteId.trim()) out.noteId = q.noteId.trim().slice(0, 200);
  return problems.length ? { ok: false, problems } : { ok: true, question: out };
}

function choiceProblems(choices: string[], answer: string): string[] {
  const problems: string[] = [];
  if (choices.length < L.minChoices || choices.length > L.maxChoices) {
    problems.push(`a multiple-choice question needs ${L.minChoices}–${L.maxChoices} choices (found ${choices.length})`);
  }
  if (choices.some((c) => !c)) problems.push("a choice is empty");
  if (choices.some((c) => c.length > L.maxChoiceChars))
    problems.push(`choices must be at most ${L.maxChoiceChars} characters`);
  const norm = choices.map(normalizeForMatch);
  if (new Set(norm).size !== norm.length) problems.push("two choices are the same");
  const correct = norm.filter((c) => c === normalizeForMatch(answer)).length;
  if (correct !== 1 && new Set(norm).size === norm.length) {
    problems.push(correct === 0 ? "the answer is not among the choices" : "more than one choice matches the answer");
  }
  return problems;
}

/**
 * Validates every question, collecting problems with their locations.
 * `where(i)` gives the line/record of question i for the messages.
 */
export function validateAll(
  questions: readonly InterchangeQuestion[],
  where: (index: number) => Omit<ImportIssue, "message">,
): { questions: InterchangeQuestion[]; errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const valid: InterchangeQuestion[] = [];
  if (questions.length > L.maxQuestions) {
    errors.push({
      message: `the file holds ${questions.length} questions; at most ${L.maxQuestions} can be imported at once`,
    });
  }
  questions.forEach((q, i) => {
    const r = validateQuestion(q);
    if (r.ok) valid.push(r.question);
    else for (const p of r.problems) errors.push({ ...where(i), message: capitalize(p) });
  });
  return { questions: valid, errors };
}

/** Trims and folds internal whitespace runs (but keeps single newlines). */
export function clean(s: unknown): string {
  return typeof s === "string"
    ? s
        .replace(/\r\n?/g, "\n")
        .replace(/[ \t]+/g, " ")
        .trim()
    : "";
}

export function cleanTags(tags: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const t of tags) {
    const tag = typeof t === "string" ? t.replace(/\s+/g, " ").trim() : "";
    if (tag) seen.add(tag);
  }
  return [...seen];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
