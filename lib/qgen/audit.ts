import { normalizeForMatch } from "../text/normalize";
import type { Bank, Question } from "./bank";
import { containsWord } from "./quality";
import { BLANK } from "./questions";
import { tidyPrompt } from "./tidy";
import { statementsOf, stripLead } from "./context";

export type DefectCode =
  | "answer_in_prompt"
  | "answer_not_in_source"
  | "bad_source_offsets"
  | "missing_blank"
  | "invalid_choices"
  | "bad_true_false"
  | "duplicate_question"
  | "duplicate_id";

export type Defect = { questionId: string; code: DefectCode; message: string };

/**
 * Finds questions that would mislead or bore a learner. Pass the document
 * texts (by document id) to also check the source offsets.
 */
export function auditBank(bank: Bank, texts?: Map<string, string>): Defect[] {
  const defects: Defect[] = [];
  const ids = new Set<string>();
  const seen = new Set<string>();
  for (const q of bank.questions) {
    const add = (code: DefectCode, message: string) => defects.push({ questionId: q.id, code, message });
    if (ids.has(q.id)) add("duplicate_id", `id ${q.id} is used twice`);
    ids.add(q.id);
    const key = `${q.type}\u0000${normalizeForMatch(q.prompt)}\u0000${normalizeForMatch(q.answer)}`;
    if (seen.has(key)) add("duplicate_question", "the same question appears twice");
    seen.add(key);
    const text = texts?.get(q.source.documentId);
    if (text !== undefined && text.slice(q.source.start, q.source.end) !== q.source.sentence)
      add("bad_source_offsets", "source offsets do not point at the sentence");
    checkQuestion(q, add);
  }
  return defects;
}

function checkQuestion(q: Question, add: (code: DefectCode, message: string) => void): void {
  const sentence = q.source.sentence;
  if (q.type === "true_false") {
    if (q.answer !== String(q.statementIsTrue)) add("bad_true_false", "answer does not match statementIsTrue");
    // Citation marks and unmatched quotation marks are left out of every prompt; a document label may lead it.
    const statement = stripLead(q.prompt, sentence);
    if (
      q.statementIsTrue &&
      !statementsOf(sentence).some((s) => statement === tidyPrompt(s)) &&
      statement !== tidyPrompt(sentence)
    )
      add("bad_true_false", "a true statement must be its source sentence");
    if (!q.statementIsTrue && (statement === sentence || statement === tidyPrompt(sentence)))
      add("bad_true_false", "a false statement equals its source sentence");
    return;
  }
  if (!sentence.includes(q.answer)) add("answer_not_in_source", `answer "${q.answer}" is not in its source sentence`);
  if (containsWord(normalizeForMatch(q.prompt), normalizeForMatch(q.answer)))
    add("answer_in_prompt", `the prompt gives away "${q.answer}"`);
  if (q.type === "cloze" && !q.prompt.includes(BLANK)) add("missing_blank", "cloze prompt has no blank");
  if (q.type === "multiple_choice") {
    const norm = q.choices.map((c) => normalizeForMatch(c));
    const answers = q.choices.filter((c) => c === q.answer).length;
    if (q.choices.length !== 4 || new Set(norm).size !== 4 || answers !== 1)
      add("invalid_choices", "needs 4 distinct choices with the answer exactly once");
  }
}
