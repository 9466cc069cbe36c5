import { normalizeAnswer } from "./answer-normalize";
import { damerauLevenshtein } from "./edit-distance";

export type AnswerVerdict = "exact" | "close" | "wrong";

export interface AnswerMatch {
  verdict: AnswerVerdict;
  /** The expected answer as written, for the UI to show after a "close" or "wrong". */
  expected: string;
}

/**
 * Typos allowed in one word, by the expected word's length: none below 5 letters,
 * 1 for 5–8 letters, 2 from 9. Numbers never get typo tolerance ("1951" ≠ "1952").
 */
export function allowedTypos(word: string): number {
  if (!/^\p{L}+$/u.test(word)) return 0;
  const length = Array.from(word).length;
  if (length < 5) return 0;
  return length <= 8 ? 1 : 2;
}

function wordsClose(expected: string, given: string): boolean {
  if (expected === given) return true;
  const budget = allowedTypos(expected);
  if (budget === 0 || !/^\p{L}+$/u.test(given)) return false;
  return damerauLevenshtein(expected, given) <= budget;
}

/**
 * Tolerant comparison for typed answers. "exact" when equal after normalisation
 * (case, punctuation, quotes, leading article, numbers, percentages, money, dates);
 * "close" when only small typos in long words or a missing/extra space separate
 * them (counts as correct); otherwise "wrong". An empty answer is always wrong.
 */
export function matchAnswer(expected: string, given: string): AnswerMatch {
  const result = (verdict: AnswerVerdict): AnswerMatch => ({ verdict, expected: expected.trim() });
  const want = normalizeAnswer(expected);
  const got = normalizeAnswer(given);
  if (got.length === 0 || want.length === 0) return result("wrong");
  if (want.join(" ") === got.join(" ")) return result("exact");
  // A stray or missing space between words, but never between digits ("19 51" ≠ "1951").
  const allWords = [...want, ...got].every((t) => /^\p{L}+$/u.test(t));
  if (allWords && want.join("") === got.join("")) return result("close");
  if (want.length === got.length && want.every((w, i) => wordsClose(w, got[i] ?? ""))) {
    return result("close");
  }
  return result("wrong");
}
