import type { Question } from "./bank";
import { pickDistractors, type DistractorPool } from "./distractors";
import type { Fact } from "./facts";
import { fnv1a, seededRandom, shuffle, stableId } from "./random";
import { whQuestion } from "./wh-question";

export const BLANK = "_____";

/** The four question types for one fact; multiple choice and false statements need distractors. */
export function buildQuestions(fact: Fact, pool: DistractorPool, seed: number, trueStatementTaken = false): Question[] {
  const { sentence, span, factType, score } = fact;
  const text = sentence.text;
  const answer = span.text;
  const source = { documentId: sentence.documentId, sentence: text, start: sentence.start, end: sentence.end };
  // Ids come from content only, so unchanged sentences keep their ids when a document is edited.
  const id = (type: string) => stableId(sentence.hash, String(span.start), answer, type);
  const base = { answer, factType, source, score };
  const cloze = text.slice(0, span.start) + BLANK + text.slice(span.end);
  const distractors = pickDistractors(factType, answer, pool, seed, 3, text);
  const out: Question[] = [{ ...base, id: id("cloze"), type: "cloze", prompt: cloze }];

  if (distractors.length === 3) {
    const qid = id("multiple_choice");
    const choices = shuffle([answer, ...distractors], seededRandom(fnv1a(`${seed}|${qid}`)));
    out.push({ ...base, id: qid, type: "multiple_choice", prompt: cloze, choices });
  }

  const wh = whQuestion(sentence.annotated, span, factType, sentence.referent);
  out.push({
    ...base,
    id: id("flashcard"),
    type: "flashcard",
    prompt: wh ?? cloze,
    score: wh ? Math.min(1, Math.round((score + 0.05) * 1000) / 1000) : score,
  });

  const tfId = id("true_false");
  const wantTrue = (fnv1a(`${seed}|${tfId}`) & 1) === 0;
  // Swapping one common noun phrase for another rarely yields a sensible false statement.
  const swap = span.origin === "chunk" ? undefined : distractors[0];
  // A sentence gives one true statement however many facts it holds.
  if (!swap && trueStatementTaken) return out.map(ordered);
  const statementIsTrue = (wantTrue && !trueStatementTaken) || !swap;
  out.push({
    ...base,
    id: tfId,
    type: "true_false",
    prompt: statementIsTrue ? text : text.slice(0, span.start) + swap + text.slice(span.end),
    answer: statementIsTrue ? "true" : "false",
    statementIsTrue,
  });
  return out.map(ordered);
}

// A fixed key order keeps the exported JSON easy to read and diff.
function ordered(q: Question): Question {
  const { id, type, prompt, answer, factType, source, score } = q;
  const extra =
    q.type === "multiple_choice" ? { choices: q.choices } : q.type === "true_false" ? { statementIsTrue: q.statementIsTrue } : {};
  return { id, type, prompt, answer, ...extra, factType, source, score } as Question;
}
