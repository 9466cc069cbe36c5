import type { ImportIssue, ImportResult, InterchangeQuestion, SkippedRecord } from "./types";
import { INTERCHANGE_LIMITS } from "./types";
import { findUnescaped, splitUnescaped, unescapeGift } from "./gift-text";
import { BLANK, validateAll } from "./validate";

type Block = { text: string; line: number; tags: string[]; flashcard: boolean };
type Parsed =
  | { kind: "question"; question: InterchangeQuestion }
  | { kind: "skip"; reason: string }
  | { kind: "error"; message: string; offset: number };

/**
 * Reads Moodle GIFT. Multiple choice, true/false and short answer become
 * questions; matching, numeric, essay and description items are skipped and
 * listed. Any syntax error fails the whole import, with line numbers.
 */
export function fromGift(text: string): ImportResult {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, errors: [{ message: "The file is empty." }] };
  if (text.length > INTERCHANGE_LIMITS.maxTextChars)
    return { ok: false, errors: [{ message: "The file is too large to import." }] };
  const blocks = splitBlocks(text.replace(/^\uFEFF/, ""));
  const questions: InterchangeQuestion[] = [];
  const where: { line: number; record: number }[] = [];
  const skipped: SkippedRecord[] = [];
  const errors: ImportIssue[] = [];
  blocks.forEach((block, i) => {
    const record = i + 1;
    const parsed = parseBlock(block.text);
    if (parsed.kind === "question") {
      const q =
        block.flashcard && parsed.question.type === "cloze"
          ? { ...parsed.question, type: "flashcard" as const }
          : parsed.question;
      questions.push(block.tags.length ? { ...q, tags: block.tags } : q);
      where.push({ line: block.line, record });
    } else if (parsed.kind === "skip") skipped.push({ record, line: block.line, reason: parsed.reason });
    else {
      const line = block.line + countNewlines(block.text.slice(0, parsed.offset));
      errors.push({ line, record, message: `Line ${line}: ${parsed.message}` });
    }
  });
  if (blocks.length === 0) return { ok: false, errors: [{ message: "The file has no questions." }] };
  // Report syntax and content errors together, in file order, so one pass fixes the file.
  const checked = validateAll(questions, (i) => where[i]!);
  const all = [...errors, ...checked.errors.map((e) => ({ ...e, message: `Line ${e.line}: ${e.message}` }))];
  if (all.length) return { ok: false, errors: all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return skipped.length
    ? { ok: true, questions: checked.questions, skipped }
    : { ok: true, questions: checked.questions };
}

/** Questions are separated by blank lines; `//` lines are comments (Moodle's `[tag:x]` is read from them). */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let pendingTags: string[] = [];
  let pendingFlashcard = false;
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith("//")) {
      for (const m of trimmed.matchAll(/\[tag:([^\]]+)\]/g)) pendingTags.push(m[1]!.trim());
      if (trimmed.includes("[type:flashcard]")) pendingFlashcard = true;
      return;
    }
    if (trimmed === "") {
      if (cur) blocks.push(cur);
      cur = null;
      return;
    }
    if (!cur && /^\$CATEGORY:/i.test(trimmed)) {
      pendingTags = [];
      pendingFlashcard = false;
      return;
    }
    if (!cur) {
      cur = { text: raw, line: i + 1, tags: pendingTags, flashcard: pendingFlashcard };
      pendingTags = [];
      pendingFlashcard = false;
    } else cur.text += `\n${raw}`;
  });
  if (cur) blocks.push(cur);
  return blocks;
}

function parseBlock(text: string): Parsed {
  let body = text;
  let offset = 0;
  const lead = /^\s*/.exec(body)![0].length;
  if (body.startsWith("::", lead)) {
    const end = findUnescaped(body, "::", lead + 2);
    if (end < 0) return { kind: "error", message: "the title opened with :: is never closed.", offset: lead };
    offset = end + 2;
  }
  body = body.slice(offset).replace(/^\s*\[(html|moodle|plain|markdown)\]/i, (m) => " ".repeat(m.length));
  const open = findUnescaped(body, "{");
  const strayClose = findUnescaped(body, "}");
  if (strayClose >= 0 && (open < 0 || strayClose < open)) {
    return {
      kind: "error",
      message: "found } without a matching {. Write \\} for a literal brace.",
      offset: offset + strayClose,
    };
  }
  if (open < 0) return { kind: "skip", reason: "description item (no answers)" };
  const close = findUnescaped(body, "}", open + 1);
  if (close < 0)
    return { kind: "error", message: "the answer block opened with { is never closed.", offset: offset + open };
  const nested = findUnescaped(body, "{", open + 1);
  if (nested >= 0 && nested < close) {
    return {
      kind: "error",
      message: "found { inside an answer block. Write \\{ for a literal brace.",
      offset: offset + nested,
    };
  }
  if (findUnescaped(body, "{", close + 1) >= 0) return { kind: "skip", reason: "more than one answer block" };
  const before = body.slice(0, open);
  const after = body.slice(close + 1);
  return parseAnswers(body.slice(open + 1, close), before, after);
}

function parseAnswers(inner: string, beforeRaw: string, afterRaw: string): Parsed {
  const spec = inner.trim();
  const before = unescapeGift(beforeRaw);
  const after = unescapeGift(afterRaw);
  const joined = `${before.trim()} ${after.trim()}`.trim();
  if (spec === "") return { kind: "skip", reason: "essay question" };
  if (spec.startsWith("#")) return { kind: "skip", reason: "numeric question" };
  if (findUnescaped(spec, "->") >= 0) return { kind: "skip", reason: "matching question" };
  const tf = /^(T|TRUE|F|FALSE)\s*(#.*)?$/is.exec(spec);
  if (tf) {
    const isTrue = tf[1]!.toUpperCase().startsWith("T");
    return {
      kind: "question",
      question: { type: "true_false", prompt: joined, answer: String(isTrue), statementIsTrue: isTrue },
    };
  }
  const parts = splitUnescaped(spec, (ch) => ch === "=" || ch === "~");
  if (parts[0]!.text.trim() !== "") {
    return {
      kind: "error",
      message: `unexpected text "${parts[0]!.text.trim().slice(0, 40)}" in the answer block; answers start with = or ~.`,
      offset: 0,
    };
  }
  // General feedback (####) and per-answer feedback (#) are not kept.
  const answers = parts.slice(1).map((p) => {
    const weighted = /^%(-?\d+(?:\.\d+)?)%/.exec(p.text);
    const textPart = weighted ? p.text.slice(weighted[0].length) : p.text;
    const feedbackAt = findUnescaped(textPart, "#");
    const value = unescapeGift(feedbackAt >= 0 ? textPart.slice(0, feedbackAt) : textPart).trim();
    const correct = p.sep === "=" || (weighted !== null && Number(weighted[1]) >= 100);
    return { value, correct, wrong: p.sep === "~" };
  });
  const correct = answers.filter((a) => a.correct);
  if (answers.some((a) => a.wrong)) {
    if (correct.length !== 1)
      return {
        kind: "skip",
        reason: "multiple choice without exactly one correct answer (multiple-answer questions are not supported)",
      };
    return {
      kind: "question",
      question: {
        type: "multiple_choice",
        prompt: joined,
        answer: correct[0]!.value,
        choices: answers.map((a) => a.value),
      },
    };
  }
  // Short answer: extra accepted answers after the first are dropped.
  const answer = answers[0]?.value ?? "";
  if (after.trim() !== "")
    return { kind: "question", question: { type: "cloze", prompt: `${before}${BLANK}${after}`.trim(), answer } };
  if (before.includes(BLANK)) return { kind: "question", question: { type: "cloze", prompt: before.trim(), answer } };
  return { kind: "question", question: { type: "flashcard", prompt: before.trim(), answer } };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
