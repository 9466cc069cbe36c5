import type { InterchangeQuestion } from "./types";
import { BLANK } from "./validate";
import { ankiHtmlToText } from "./anki-html";

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

export type ClozeSplit = { questions: InterchangeQuestion[]; problems: string[] };

/**
 * One question per cloze number, as Anki makes one card per number. The
 * other deletions are shown filled in. A number used for several gaps at
 * once cannot be a single-gap question and is reported instead.
 */
export function clozeQuestions(html: string): ClozeSplit {
  const numbers = new Map<number, number>();
  for (const m of html.matchAll(CLOZE)) numbers.set(Number(m[1]), (numbers.get(Number(m[1])) ?? 0) + 1);
  const questions: InterchangeQuestion[] = [];
  const problems: string[] = [];
  if (numbers.size === 0) problems.push("cloze note without any {{c1::…}} deletion");
  for (const [n, count] of [...numbers].sort((a, b) => a[0] - b[0])) {
    if (count > 1) {
      problems.push(`cloze c${n} hides ${count} gaps at once; Quarry questions have one gap`);
      continue;
    }
    let answer = "";
    // A placeholder that survives HTML stripping marks the gap.
    const marked = html.replace(CLOZE, (_m, num: string, inner: string) => {
      if (Number(num) !== n) return inner;
      answer = ankiHtmlToText(inner);
      return "\u0000GAP\u0000";
    });
    const prompt = ankiHtmlToText(marked).replace("\u0000GAP\u0000", BLANK);
    questions.push({ type: "cloze", prompt, answer });
  }
  return { questions, problems };
}
