import type { InterchangeQuestion } from "./types";
import { normalizeForMatch } from "../text/normalize";
import { escapeGift } from "./gift-text";
import { BLANK } from "./validate";

/**
 * Moodle GIFT: multiple choice as `{=right ~wrong}`, true/false as `{T}`/`{F}`,
 * flashcards as short answer `{=answer}` after the prompt, and cloze as short
 * answer placed where the gap is (Moodle's missing-word layout). A gap at the
 * very end keeps the literal _____ so it reads back as cloze. Tags go in a
 * `// [tag:…]` comment, which Moodle also reads. A flashcard whose front has
 * a gap would read back as cloze, so it carries a `// [type:flashcard]`
 * comment (Moodle ignores comments).
 */
export function toGift(questions: readonly InterchangeQuestion[]): string {
  return questions.map(giftQuestion).join("\n\n") + (questions.length ? "\n" : "");
}

function giftQuestion(q: InterchangeQuestion): string {
  const tags = (q.tags ?? []).map((t) => `[tag:${t.replace(/[\]\n]/g, " ")}]`).join(" ");
  const marker = q.type === "flashcard" && q.prompt.includes(BLANK) ? "// [type:flashcard]\n" : "";
  const head = (tags ? `// ${tags}\n` : "") + marker;
  return head + giftBody(q);
}

function giftBody(q: InterchangeQuestion): string {
  switch (q.type) {
    case "true_false":
      return `${escapeGift(q.prompt)} {${q.answer === "true" ? "T" : "F"}}`;
    case "multiple_choice": {
      const lines = (q.choices ?? []).map(
        (c) => `  ${normalizeForMatch(c) === normalizeForMatch(q.answer) ? "=" : "~"}${escapeGift(c)}`,
      );
      return `${escapeGift(q.prompt)} {\n${lines.join("\n")}\n}`;
    }
    case "cloze": {
      const at = q.prompt.indexOf(BLANK);
      const before = q.prompt.slice(0, at);
      const after = q.prompt.slice(at + BLANK.length);
      if (at >= 0 && after.trim() !== "") return `${escapeGift(before)}{=${escapeGift(q.answer)}}${escapeGift(after)}`;
      return `${escapeGift(q.prompt)} {=${escapeGift(q.answer)}}`;
    }
    case "flashcard":
      return `${escapeGift(q.prompt)} {=${escapeGift(q.answer)}}`;
  }
}
