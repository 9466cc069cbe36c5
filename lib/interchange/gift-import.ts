import { FACT_TYPES, isOneOf } from "../domain/enums";
import { ankiHtmlToText, hasHtml } from "./anki-html";
import { countChange } from "./changes";
import type { ImportIssue, ImportResult, InterchangeQuestion, SkippedRecord } from "./types";
import { INTERCHANGE_LIMITS } from "./types";
import { findUnescaped, splitUnescaped, unescapeGift } from "./gift-text";
import { BLANK, validateAll } from "./validate";

type Block = { text: string; line: number; tags: string[]; flashcard: boolean; meta: Record<string, string> };
type Parsed =
  | { kind: "question"; question: InterchangeQuestion; notes: string[] }
  | { kind: "skip"; reason: string }
  | { kind: "error"; message: string; offset: number };

/**
 * Reads Moodle GIFT as Moodle does. Multiple choice (also missing-word, with
 * the gap where the answer block stands), true/false, short answer and
 * numerical questions (as typed answers, with Moodle's tolerance) become
 * questions; feedback becomes the explanation; `[html]` text is converted to
 * plain text and `[plain]`/`[moodle]`/`[markdown]` markers are dropped.
 * Matching, essay and description items are skipped and listed. Any syntax
 * error fails the whole import, with line numbers.
 */
export function fromGift(text: string): ImportResult {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, errors: [{ message: "The file is empty." }] };
  if (text.length > INTERCHANGE_LIMITS.maxTextChars)
    return { ok: false, errors: [{ message: "The file is too large to import." }] };
  const { blocks, category } = splitBlocks(text.replace(/^\uFEFF/, ""));
  const questions: InterchangeQuestion[] = [];
  const where: { line: number; record: number }[] = [];
  const skipped: SkippedRecord[] = [];
  const errors: ImportIssue[] = [];
  const changes = countChange();
  blocks.forEach((block, i) => {
    const record = i + 1;
    const parsed = parseBlock(block.text);
    if (parsed.kind === "question") {
      let q =
        block.flashcard && parsed.question.type === "cloze"
          ? { ...parsed.question, type: "flashcard" as const }
          : parsed.question;
      if (block.tags.length) q = { ...q, tags: block.tags };
      q = withMeta(q, block.meta);
      questions.push(q);
      where.push({ line: block.line, record });
      for (const note of parsed.notes) changes.add(record, note);
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
  const lines = changes.lines(["question", "questions"]);
  return {
    ok: true,
    questions: checked.questions,
    ...(skipped.length ? { skipped } : {}),
    ...(category ? { title: category } : {}),
    ...(lines.length ? { changes: lines } : {}),
  };
}

/** Quarry's own comments (`// [factType:year] [score:0.82]`) carry what GIFT has no place for. */
function withMeta(q: InterchangeQuestion, meta: Record<string, string>): InterchangeQuestion {
  const out = { ...q };
  const factType = meta.factType;
  if (isOneOf(FACT_TYPES, factType)) out.factType = factType;
  const score = meta.score !== undefined ? Number(meta.score) : NaN;
  if (Number.isFinite(score) && score >= 0 && score <= 1) out.score = score;
  return out;
}

/**
 * Questions are separated by blank lines; `//` lines are comments (Moodle's
 * `[tag:x]` is read from them). The last `$CATEGORY:` names the deck.
 */
function splitBlocks(text: string): { blocks: Block[]; category?: string } {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let pendingTags: string[] = [];
  let pendingFlashcard = false;
  let pendingMeta: Record<string, string> = {};
  let category: string | undefined;
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith("//")) {
      for (const m of trimmed.matchAll(/\[tag:([^\]]+)\]/g)) pendingTags.push(m[1]!.trim());
      for (const m of trimmed.matchAll(/\[(factType|score):([^\]]+)\]/g)) pendingMeta[m[1]!] = m[2]!.trim();
      if (trimmed.includes("[type:flashcard]")) pendingFlashcard = true;
      return;
    }
    if (trimmed === "") {
      if (cur) blocks.push(cur);
      cur = null;
      return;
    }
    if (!cur && /^\$CATEGORY:/i.test(trimmed)) {
      category = categoryName(trimmed.replace(/^\$CATEGORY:/i, "")) ?? category;
      pendingTags = [];
      pendingFlashcard = false;
      pendingMeta = {};
      return;
    }
    if (!cur) {
      cur = { text: raw, line: i + 1, tags: pendingTags, flashcard: pendingFlashcard, meta: pendingMeta };
      pendingTags = [];
      pendingFlashcard = false;
      pendingMeta = {};
    } else cur.text += `\n${raw}`;
  });
  if (cur) blocks.push(cur);
  return { blocks, ...(category ? { category } : {}) };
}

/** "$course$/top/Geography/Rivers" → "Geography/Rivers" (Moodle's context and "top" are not names). */
function categoryName(path: string): string | undefined {
  const parts = path
    .trim()
    .split("/")
    .map((p) => p.trim())
    .filter((p) => p && !/^\$\w+\$$/.test(p) && p.toLowerCase() !== "top");
  return parts.length ? parts.join("/") : undefined;
}

const FORMAT = /^\s*\[(html|moodle|plain|markdown)\]/i;

function parseBlock(text: string): Parsed {
  let body = text;
  let offset = 0;
  const lead = /^\s*/.exec(body)![0].length;
  if (body.startsWith("::", lead)) {
    const end = findUnescaped(body, "::", lead + 2);
    if (end < 0) return { kind: "error", message: "the title opened with :: is never closed.", offset: lead };
    offset = end + 2;
  }
  const format = FORMAT.exec(body.slice(offset))?.[1]?.toLowerCase();
  body = body.slice(offset).replace(FORMAT, (m) => " ".repeat(m.length));
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
  const html = format === "html";
  // Keep the spaces around the text so a gap between two pieces stays a word apart.
  const toText = (s: string) =>
    html ? `${/^\s*/.exec(s)![0] ? " " : ""}${ankiHtmlToText(s)}${/\s*$/.exec(s)![0] ? " " : ""}` : s;
  const parsed = parseAnswers(body.slice(open + 1, close), body.slice(0, open), body.slice(close + 1), toText);
  if (parsed.kind !== "question") return parsed;
  if (html && hasHtml(text)) parsed.notes.push("HTML converted to text");
  if (format && format !== "html") parsed.notes.push(`format marker [${format}] dropped`);
  return parsed;
}

function parseAnswers(inner: string, beforeRaw: string, afterRaw: string, toText: (s: string) => string): Parsed {
  // General feedback (####) applies to every answer; Moodle shows it after answering.
  const generalAt = findUnescaped(inner, "####");
  const general = generalAt >= 0 ? toText(unescapeGift(inner.slice(generalAt + 4))).trim() : "";
  const spec = (generalAt >= 0 ? inner.slice(0, generalAt) : inner).trim();
  const before = toText(unescapeGift(beforeRaw));
  const after = toText(unescapeGift(afterRaw));
  const joined = `${before.trim()} ${after.trim()}`.trim();
  // Missing-word layout: text after the answer block means the block is the gap.
  const gapped = after.trim() !== "" ? `${before}${BLANK}${after}`.trim() : null;
  const notes: string[] = [];
  const explained = (q: InterchangeQuestion, feedback: string): Parsed => {
    const explanation = [feedback, general].filter(Boolean).join("\n\n");
    if (explanation) notes.push("feedback kept as explanation");
    return { kind: "question", question: explanation ? { ...q, explanation } : q, notes };
  };
  if (spec === "") return { kind: "skip", reason: "essay question" };
  if (spec.startsWith("#")) return numerical(spec.slice(1), gapped ?? `${before.trim()} ${BLANK}`, toText, explained);
  if (findUnescaped(spec, "->") >= 0) return { kind: "skip", reason: "matching question" };
  const tf = /^(T|TRUE|F|FALSE)\s*(#[\s\S]*)?$/i.exec(spec);
  if (tf) {
    const isTrue = tf[1]!.toUpperCase().startsWith("T");
    // {T#shown if wrong#shown if right}
    const feedback = splitUnescaped(tf[2] ?? "", (ch) => ch === "#")
      .slice(1)
      .map((p) => toText(unescapeGift(p.text)).trim());
    return explained(
      { type: "true_false", prompt: joined, answer: String(isTrue), statementIsTrue: isTrue },
      feedback[1] || feedback[0] || "",
    );
  }
  const parts = splitUnescaped(spec, (ch) => ch === "=" || ch === "~");
  if (parts[0]!.text.trim() !== "") {
    return {
      kind: "error",
      message: `unexpected text "${parts[0]!.text.trim().slice(0, 40)}" in the answer block; answers start with = or ~.`,
      offset: 0,
    };
  }
  const answers = parts.slice(1).map((p) => {
    const weighted = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(p.text);
    const textPart = weighted ? p.text.slice(weighted[0].length) : p.text;
    const feedbackAt = findUnescaped(textPart, "#");
    const value = toText(unescapeGift(feedbackAt >= 0 ? textPart.slice(0, feedbackAt) : textPart)).trim();
    const feedback = feedbackAt >= 0 ? toText(unescapeGift(textPart.slice(feedbackAt + 1))).trim() : "";
    const correct = p.sep === "=" || (weighted !== null && Number(weighted[1]) >= 100);
    return { value, correct, wrong: p.sep === "~", feedback };
  });
  const correct = answers.filter((a) => a.correct);
  if (answers.some((a) => a.wrong)) {
    if (correct.length !== 1)
      return {
        kind: "skip",
        reason: "multiple choice without exactly one correct answer (multiple-answer questions are not supported)",
      };
    return explained(
      {
        type: "multiple_choice",
        prompt: gapped ?? joined,
        answer: correct[0]!.value,
        choices: answers.map((a) => a.value),
      },
      correct[0]!.feedback,
    );
  }
  // Short answer: extra accepted answers after the first are dropped.
  const first = answers[0];
  const answer = first?.value ?? "";
  if (answers.length > 1) notes.push("other accepted answers dropped (Quarry keeps the first)");
  const feedback = first?.feedback ?? "";
  if (gapped) return explained({ type: "cloze", prompt: gapped, answer }, feedback);
  if (before.includes(BLANK)) return explained({ type: "cloze", prompt: before.trim(), answer }, feedback);
  return explained({ type: "flashcard", prompt: before.trim(), answer }, feedback);
}

/**
 * Moodle numerical answers: `3.14`, `3.14:0.01` (tolerance), `1..5` (range),
 * or several `=` answers (the first full-credit one is kept). They become
 * typed-answer (cloze) questions with the tolerance kept.
 */
function numerical(
  spec: string,
  prompt: string,
  toText: (s: string) => string,
  explained: (q: InterchangeQuestion, feedback: string) => Parsed,
): Parsed {
  const parts = splitUnescaped(spec, (ch) => ch === "=" || ch === "~");
  const options = (parts[0]!.text.trim() ? parts : parts.slice(1)).map((p) => {
    const weighted = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(p.text);
    const textPart = weighted ? p.text.slice(weighted[0].length) : p.text;
    const feedbackAt = findUnescaped(textPart, "#");
    return {
      value: (feedbackAt >= 0 ? textPart.slice(0, feedbackAt) : textPart).trim(),
      feedback: feedbackAt >= 0 ? toText(unescapeGift(textPart.slice(feedbackAt + 1))).trim() : "",
      full: !weighted || Number(weighted[1]) >= 100,
    };
  });
  const best = options.find((o) => o.full) ?? options[0];
  const value = best ? readNumber(unescapeGift(best.value)) : null;
  if (!best || !value) return { kind: "skip", reason: "numerical question without a number Quarry can read" };
  const q: InterchangeQuestion = { type: "cloze", prompt, answer: value.answer };
  if (value.tolerance > 0) q.tolerance = value.tolerance;
  const parsed = explained(q, best.feedback);
  if (parsed.kind === "question") parsed.notes.push("numerical question read as a typed answer");
  return parsed;
}

function readNumber(s: string): { answer: string; tolerance: number } | null {
  const num = (x: string) => (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(x.trim()) ? Number(x) : NaN);
  const range = /^(.+?)\.\.(.+)$/.exec(s);
  if (range) {
    const lo = num(range[1]!);
    const hi = num(range[2]!);
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return null;
    // toPrecision drops binary noise: 3.141..3.142 is 3.1415 ± 0.0005, not 3.1415000000000002.
    const tidy = (n: number) => Number(n.toPrecision(12));
    return { answer: String(tidy((lo + hi) / 2)), tolerance: tidy((hi - lo) / 2) };
  }
  const [a, tol] = s.split(":");
  const value = num(a ?? "");
  const tolerance = tol === undefined ? 0 : Math.abs(num(tol));
  if (!Number.isFinite(value) || !Number.isFinite(tolerance)) return null;
  return { answer: a!.trim(), tolerance };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
