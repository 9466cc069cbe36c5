import "server-only";

import { seededRandom, shuffled } from "@/lib/random";
import type { LiveQuestionInput } from "@/lib/live/types";
import { noteKeyOf } from "@/lib/study/siblings";

/** The question-bank fields a live quiz needs. */
export type BankQuestion = {
  id: string;
  /** The fact it tests; a game plays one variant per note. Null or absent: its own note. */
  noteId?: string | null;
  type: string;
  prompt: string;
  answer: string;
  choices: unknown;
  statementIsTrue: boolean | null;
  documentId: string;
  sentenceIndex: number;
};

/** A bank row as a live question, or null when it cannot be played live (wrong type, broken choices). */
export function toLiveQuestion(q: BankQuestion): LiveQuestionInput | null {
  if (q.type === "true_false") {
    return typeof q.statementIsTrue === "boolean"
      ? { id: q.id, type: "true_false", prompt: q.prompt, correct: q.statementIsTrue }
      : null;
  }
  if (q.type !== "multiple_choice" || !Array.isArray(q.choices)) return null;
  const choices = q.choices.filter((c): c is string => typeof c === "string" && c.trim() !== "");
  if (choices.length !== q.choices.length || choices.length < 2 || choices.length > 6) return null;
  const correctIndex = choices.indexOf(q.answer);
  if (correctIndex < 0 || choices.indexOf(q.answer, correctIndex + 1) >= 0) return null;
  return { id: q.id, type: "multiple_choice", prompt: q.prompt, choices, correctIndex };
}

/**
 * Chooses `count` questions. A note (one fact) is played through one of its
 * variants only, and questions from different sentences come first (two
 * questions about one sentence give each other away); with shuffle the pick
 * is a seeded random sample, otherwise reading order.
 */
export function pickQuestions(
  bank: readonly BankQuestion[],
  count: number,
  options: { shuffle: boolean; seed: number },
): LiveQuestionInput[] {
  const playable = bank.flatMap((q) => {
    const live = toLiveQuestion(q);
    return live
      ? [
          {
            live,
            sentence: `${q.documentId}:${q.sentenceIndex}`,
            note: noteKeyOf({ id: q.id, noteId: q.noteId ?? null }),
          },
        ]
      : [];
  });
  const ordered = options.shuffle ? shuffled(playable, seededRandom(options.seed)) : playable;
  const notes = new Set<string>();
  const seen = new Set<string>();
  const first: LiveQuestionInput[] = [];
  const rest: LiveQuestionInput[] = [];
  for (const { live, sentence, note } of ordered) {
    if (notes.has(note)) continue;
    notes.add(note);
    if (seen.has(sentence)) rest.push(live);
    else {
      seen.add(sentence);
      first.push(live);
    }
  }
  return [...first, ...rest].slice(0, count);
}
