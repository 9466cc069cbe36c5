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
  // Each question gets its own source object, so callers may edit one safely.
  const source = () => ({ documentId: sentence.documentId, sentence: text, start: sentence.start, end: sentence.end });
  // Ids come from content only, so unchanged sentences keep their ids when a document is edited.
  const factId = stableId(sentence.hash, String(span.start), answer);
  const cloze = text.slice(0, span.start) + BLANK + text.slice(span.end);
  const distractors = pickDistractors(factType, answer, pool, seed, 3, text);
  // Keys are written in a fixed order to keep the exported JSON easy to read and diff.
  const out: Question[] = [
    { id: `${factId}-c`, noteId: factId, type: "cloze", prompt: cloze, answer, factType, source: source(), score },
  ];

  if (distractors.length === 3) {
    const id = `${factId}-m`;
    const choices = shuffle([answer, ...distractors], seededRandom(fnv1a(`${seed}|${id}`)));
    out.push({
      id,
      noteId: factId,
      type: "multiple_choice",
      prompt: cloze,
      answer,
      choices,
      factType,
      source: source(),
      score,
    });
  }

  const wh = whQuestion(sentence.annotated, span, factType, sentence.referent);
  const flashScore = wh ? Math.min(1, Math.round((score + 0.05) * 1000) / 1000) : score;
  out.push({
    id: `${factId}-f`,
    noteId: factId,
    type: "flashcard",
    prompt: wh ?? cloze,
    answer,
    factType,
    source: source(),
    score: flashScore,
  });

  const id = `${factId}-t`;
  const wantTrue = (fnv1a(`${seed}|${id}`) & 1) === 0;
  // Swapping one common noun phrase for another rarely yields a sensible false statement.
  // Other terms only swap within the same kind ("… Treaty" for "… Treaty").
  const head = (s: string) => s.trim().split(/\s+/).at(-1)!.toLowerCase();
  const swap =
    span.origin === "chunk"
      ? undefined
      : factType === "term"
        ? distractors.find((d) => head(d) === head(answer))
        : distractors[0];
  // A sentence gives one true statement however many facts it holds.
  if (!swap && trueStatementTaken) return out;
  const statementIsTrue = (wantTrue && !trueStatementTaken) || !swap;
  out.push({
    id,
    noteId: factId,
    type: "true_false",
    prompt: statementIsTrue ? text : text.slice(0, span.start) + swap + text.slice(span.end),
    answer: statementIsTrue ? "true" : "false",
    statementIsTrue,
    factType,
    source: source(),
    score,
  });
  return out;
}
