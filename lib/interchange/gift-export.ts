import type { InterchangeQuestion } from "./types";
import { normalizeForMatch } from "../text/normalize";
import { escapeGift, escapeGiftAnswer } from "./gift-text";
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
  const tags = (q.tags ?? []).map((t) => `[tag:${t.replace(/[\]\n]/g, " ")}]`);
  // Fact type and score have no place in GIFT; a comment keeps them for Quarry (Moodle ignores it).
  const meta = [
    ...(q.factType ? [`[factType:${q.factType}]`] : []),
    ...(q.score !== undefined ? [`[score:${q.score}]`] : []),
  ];
  const marker = q.type === "flashcard" && q.prompt.includes(BLANK) ? "// [type:flashcard]\n" : "";
  const head = (tags.length ? `// ${tags.join(" ")}\n` : "") + (meta.length ? `// ${meta.join(" ")}\n` : "") + marker;
  return head + title(q) + giftBody(q);
}

/**
 * A line starting with // is a comment. Moodle's own export always writes a
 * ::title::, so a prompt that starts with // gets one and stays question text.
 */
function title(q: InterchangeQuestion): string {
  if (!q.prompt.trimStart().startsWith("//")) return "";
  return `::${escapeGift(q.prompt.trim().slice(0, 40).replace(/\s+/g, " "))}::`;
}

/** General feedback, which Moodle shows after answering. */
function feedback(q: InterchangeQuestion): string {
  return q.explanation ? ` ####${escapeGift(q.explanation)}` : "";
}

function giftBody(q: InterchangeQuestion): string {
  switch (q.type) {
    case "true_false":
      return `${escapeGift(q.prompt)} {${q.answer === "true" ? "T" : "F"}${feedback(q)}}`;
    case "multiple_choice": {
      const lines = (q.choices ?? []).map(
        (c) => `  ${normalizeForMatch(c) === normalizeForMatch(q.answer) ? "=" : "~"}${escapeGiftAnswer(c)}`,
      );
      const fb = q.explanation ? `\n ${feedback(q).trim()}` : "";
      return `${escapeGift(q.prompt)} {\n${lines.join("\n")}${fb}\n}`;
    }
    case "cloze": {
      const at = q.prompt.indexOf(BLANK);
      const before = q.prompt.slice(0, at);
      const after = q.prompt.slice(at + BLANK.length);
      // A numerical answer with a tolerance is written as Moodle's numerical question.
      const numeric = q.tolerance !== undefined && /^[-+]?(\d+\.?\d*|\.\d+)$/.test(q.answer);
      const block = numeric
        ? `{#${q.answer}:${q.tolerance}${feedback(q)}}`
        : `{=${escapeGiftAnswer(q.answer)}${feedback(q)}}`;
      if (at >= 0 && after.trim() !== "") return `${escapeGift(before)}${block}${escapeGift(after)}`;
      return `${escapeGift(q.prompt)} ${block}`;
    }
    case "flashcard":
      return `${escapeGift(q.prompt)} {=${escapeGiftAnswer(q.answer)}${feedback(q)}}`;
  }
}
