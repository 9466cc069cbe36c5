import { annotate, type Annotated } from "./annotate";
import type { SubjectFix } from "./anaphora";
import { findBareDefinites } from "./naming";

/**
 * A prompt read alone must say what it is about. Where naming from the document cannot fix a sentence ("All matches
 * were played …", "The overall budget is …", "The July value …"), its prompts are led by a short label for the
 * document, taken from the document itself: its opening heading as a topic, and the year its heading, date stamp or
 * its own text fixes ("Global Temperatures (2023): The July value …"). The label lives in the prompt text, so every
 * surface and every export shows it.
 */
export type DocumentTopic = {
  /** "1930 FIFA World Cup", "“Japan Drops Its Symbolic Ceiling On Defense Spending” (1986)". */
  label: string;
  /** Whether the label dates the document (its heading or the "(year)" after it names one). */
  dated: boolean;
  /** From the document's own heading, so every prompt may carry it; a topic read from the lead sentence is a guess
   * that a text about several things would get wrong, so only prompts that cannot be placed alone take it. */
  heading: boolean;
};

const YEAR = /\b(1[5-9]\d\d|20\d\d)\b/g;
const MONTH = "January|February|March|April|June|July|August|September|October|November|December";
const MAX_LABEL_WORDS = 10;

/**
 * The document's label: its opening heading made a topic (a trailing "Introduction", "Biography" … left out; a
 * headline that is a clause quoted), and a year where the heading, a date stamp or the text's dominant year gives
 * one. Null without a heading that names a topic (a bare date line such as "On this day …" names none).
 */
export function documentTopic(
  title: string | undefined,
  docText: string,
  sentences: readonly string[],
  leadSubject?: string | null,
): DocumentTopic | null {
  const fromTitle = title ? topicOf(title, docText, sentences) : null;
  if (fromTitle || !leadSubject) return fromTitle;
  // Without a heading that names a topic (none, or a date line), the lead sentence's named subject is the topic
  // where the text keeps coming back to it ("Mount Everest is Earth's highest mountain." in a text about Everest).
  const key = leadSubject
    .replace(/^The\s+/, "")
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .at(-1);
  const share = key
    ? sentences.filter((t) => new RegExp(`\\b${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(t)).length /
      sentences.length
    : 0;
  if (!key || share < 0.3 || sentences.length < 5) return null;
  const bare = leadSubject.replace(/^The\s+/, "");
  const topic = topicOf(bare.charAt(0).toUpperCase() + bare.slice(1), docText, sentences);
  return topic && { ...topic, heading: false };
}

function topicOf(title: string, docText: string, sentences: readonly string[]): DocumentTopic | null {
  let topic = title
    .replace(/\s*[:–—-]\s*(?:an?\s+)?(?:introduction|overview|summary|background|profile|timeline)\s*$/i, "")
    .replace(/\s+(?:Biography|Overview|Profile|Timeline|Introduction)$/, "")
    .replace(/[.:;,]+$/, "")
    .trim();
  // "Poliomyelitis and the Salk Vaccine: Introduction" → the part before a subtitle.
  if (topic.includes(":")) topic = topic.split(":")[0]!.trim();
  // A date line ("On this day January 1, 2002", "Monday, 3 May") is no topic, and its date is an event's, not the text's.
  const undated = topic
    .replace(YEAR, "")
    .replace(new RegExp(`\\b(?:${MONTH}|May|on|this|day|today|the|\\d{1,2}(?:st|nd|rd|th)?|\\w+day)\\b`, "gi"), "")
    .replace(/[\s,.]+/g, "");
  if (undated.length < 3) return null;
  const words = topic.split(/\s+/).length;
  if (words > MAX_LABEL_WORDS || words < 1) return null;
  if (topic.includes("?")) return null;
  // "Japan Drops Its Symbolic Ceiling …" is a headline, not a name: quoted, it reads as the source's title.
  const clause = annotate(topic).tokens.some((t) => t.pos === "VERB" || t.pos === "AUX" || t.pos === "PRON");
  const quoted = /^[“"].*[”"]$/.test(topic) || !clause ? topic : `“${topic.replace(/[“”"]/g, "")}”`;
  const titleYears = [...topic.matchAll(YEAR)].map((m) => m[1]!);
  if (titleYears.length > 0) return { label: quoted, dated: true, heading: true };
  const year = stampYear(docText) ?? dominantYear(sentences);
  return year
    ? { label: `${quoted} (${year})`, dated: true, heading: true }
    : { label: quoted, dated: false, heading: true };
}

// "Posted: December 31, 1986", "Date: June 11, 2025", "Published 3 May 2019": a stamp near the top of the text.
function stampYear(docText: string): string | null {
  const head = docText.slice(0, 1500).split("\n").slice(0, 12);
  for (const line of head) {
    const m = /^\s*(?:Posted|Published|Updated|Last updated|Date|Dated|Issued)\b(?:\s+on)?\s*:?\s*(.{0,40})$/i.exec(
      line,
    );
    const years = m ? [...m[1]!.matchAll(YEAR)] : [];
    if (years.length === 1) return years[0]![1]!;
  }
  return null;
}

// The year most of the text is about: in at least three sentences and in twice as many as any other year.
function dominantYear(sentences: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const s of sentences)
    for (const y of new Set([...s.matchAll(YEAR)].map((m) => m[1]!))) counts.set(y, (counts.get(y) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 3 || (second && first[1] < 2 * second[1])) return null;
  return first[0];
}

/** Why a sentence cannot be placed when read alone, or null where it can. */
export type Unplaced = "place" | "time";

// Words whose "the" points at one thing everyone shares: "the world", "the end", "the public".
const SHARED_HEADS =
  /^(?:world|time|times|end|beginning|start|past|future|present|public|sun|moon|earth|sky|air|sea|way|fact|case|rest|majority|minority|same|top|bottom|middle|number|first|last|other|others|latter|former|following|history|media|press|people|morning|evening|night|day|weekend|rate|level|amount|total|average|basis|idea|need|use|help|power|form|kind|part|point|side|result|results|name|names|course|field|floor|process|problem|question|answer|truth|reason|ability|chance|opportunity|age|years|period|area|region|interest|value|data)$/;

const PLURAL_DEFINITE =
  /\b[Tt]he ((?:(?!(?:of|in|for|and|or|to|this|these|that)\b)\p{Ll}[\p{Ll}-]* ){0,2}(?!(?:this|thus|was|has|is|does|his|its|various|previous|us)\b)\p{Ll}[\p{Ll}-]*[^s\W]s)\b(?=\s*(?:[,.;:]|$|\s(?!of\b|in\b|for\b|from\b|at\b|on\b|to\b|with\b|that\b|which\b|who\b|whose\b|where\b|known\b|called\b|named\b)\p{Ll}))/gu;
const QUANTIFIED =
  /^(?:All|Each|Every|Both|Most|Many|Several|Some|Only a handful of|A handful of|Only a few|Few)\s+(?:\p{Lu}[\p{L}-]+\s+)?\p{Ll}[\p{Ll}-]*s\b(?!\s+of\b)/u;
const TAKING_PART =
  /\b(?:participate|participated|participating|compete|competed|competing|take part|took part|taking part|qualify|qualified)\b(?=\s*(?:[,.;]|$|\b(?:because|due|after|before|but|and|although|while|despite)\b))/;
const SUPERLATIVE =
  /\bthe (?:\p{Ll}+est|most \p{Ll}+) (?:[\p{Ll}-]+ ){0,3}[\p{Ll}-]+ (?:in history|ever|of all time|to date|in the world)\b/u;
const CALENDAR = new RegExp(
  `^(?:${MONTH}|May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|\\p{Lu}\\p{Ll}+day)\\.?$`,
  "u",
);
const BARE_MONTH = new RegExp(`\\b(?:${MONTH})\\b(?!\\s*\\d)`);
const RELATIVE_TIME =
  /\b(?:this|last|next|the current|the coming|the previous)\s+(?:fiscal\s+|calendar\s+|academic\s+)?(?:year|month|week|season|quarter|spring|summer|autumn|fall|winter)\b|\b(?:yesterday|tomorrow)\b/i;

/**
 * "place" where the sentence leans on something it does not name: a definite phrase nothing in the document named
 * ("the budget", "the states"), a quantified plural with no owner ("All matches were played …"), taking part with no
 * object ("chose to participate"), a superlative with no name ("the largest vaccine field trial in history"), or no
 * name at all; "time" where it floats in time ("The July value", "this fiscal year") and gives no year.
 * `named` are the ranges already named by other rules.
 */
export function unplaced(a: Annotated, named: readonly SubjectFix[]): Unplaced | null {
  const why = unplacedWhy(a, named);
  if (why && process.env.QGEN_DEBUG) console.error("UNPLACED", why[1], "|", a.text.slice(0, 90));
  return why?.[0] ?? null;
}

function unplacedWhy(a: Annotated, named: readonly SubjectFix[]): [Unplaced, string] | null {
  const text = a.text;
  const free = (start: number, end: number) => !named.some((n) => n.end > n.start && start < n.end && end > n.start);
  const hasYear = /\b(1[5-9]\d\d|20\d\d)s?\b/.test(text);
  if (!hasYear && (BARE_MONTH.test(text) || RELATIVE_TIME.test(text))) return ["time", "time"];
  // "the year 2023", "the top 10": a number after the phrase names it.
  const numbered = (end: number) => /^\s*\(?\d/.test(text.slice(end));
  for (const d of findBareDefinites(a))
    if (free(d.start, d.end) && !SHARED_HEADS.test(d.head) && !numbered(d.end) && text[d.end] !== "-")
      return ["place", d.words.join(" ")];
  for (const m of text.matchAll(PLURAL_DEFINITE)) {
    const head = m[1]!.split(" ").at(-1)!;
    if (free(m.index, m.index + m[0].length) && !SHARED_HEADS.test(head) && !numbered(m.index + m[0].length))
      return ["place", m[0]];
  }
  if (QUANTIFIED.test(text)) return ["place", "quantified"];
  if (TAKING_PART.test(text)) return ["place", "taking part"];
  const sup = SUPERLATIVE.exec(text);
  if (sup && free(sup.index, sup.index + sup[0].length)) return ["place", sup[0]];
  // No name past the first word: nothing in the sentence says what it is about. A date says when, not what.
  const named_ =
    (a.tokens[0]?.pos === "PROPN" && !CALENDAR.test(a.tokens[0].text)) ||
    a.tokens.slice(1).some((t) => /^\p{Lu}/u.test(t.text) && t.text !== "I" && !CALENDAR.test(t.text));
  if (!named_) return ["place", "no name"];
  return null;
}

/**
 * The lead a sentence's prompts take: the document's label, where the sentence cannot be placed alone and the label
 * places it (a dated label for a sentence that floats in time). A label already in the sentence adds nothing.
 */
export function leadFor(
  a: Annotated,
  named: readonly SubjectFix[],
  topic: DocumentTopic | null | undefined,
): string | undefined {
  if (!topic) return undefined;
  const why = unplaced(a, named);
  if (!why || (why === "time" && !topic.dated)) return undefined;
  return `${topic.label}: `;
}

/** A prompt with its lead, unless the lead names the answer (then the prompt goes without it). */
export function withLead(prompt: string, answer: string, lead: string | undefined): string {
  if (!lead) return prompt;
  // A prompt that names the topic already ("… to conclude the Treaty of Versailles") needs no label.
  const core = lead
    .replace(/:\s*$/, "")
    .replace(/[“”"]/g, "")
    .replace(/\s*\(\d{4}\)$/, "")
    .replace(/^\d{4}\s+|\s+\d{4}$/g, "");
  const plain = (t: string) => t.replace(/[“”"‘’']/g, "").toLowerCase();
  if (plain(prompt).includes(plain(core))) return prompt;
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const leadWords = new Set(words(lead));
  const answerWords = words(answer);
  // "1930 FIFA World Cup: … in _____" (1930): a label that holds the answer, or any of its words, gives it away.
  if (answerWords.some((w) => leadWords.has(w) && (w.length > 3 || /\d/.test(w)))) return prompt;
  return lead + prompt;
}

/** True where a prompt begins with a lead made by `leadFor`: a label without a colon of its own, then ": ". */
export function stripLead(prompt: string, sentence: string): string {
  const at = prompt.indexOf(": ");
  if (at > 0 && at <= 140 && !prompt.slice(0, at).includes(":") && !sentence.startsWith(prompt.slice(0, at + 1)))
    return prompt.slice(at + 2);
  return prompt;
}

// "… declared: “Now we have it!”. The results were …": a quotation that ends one sentence the reader ran into the next.
const QUOTE_BOUNDARY = /(?<=[.!?][”"]\.?|[!?])\s+(?=[“"]?\p{Lu})/gu;

/**
 * A statement to judge true or false is one sentence: where the source runs two together at the end of a quotation,
 * the statement keeps the one that holds the fact (`spanStart` in `source`). Null where there is nothing to cut.
 */
export function oneStatement(statement: string, source: string, spanStart: number): string | null {
  const cuts = (t: string) => [...t.matchAll(QUOTE_BOUNDARY)].map((m) => [m.index, m.index + m[0].length] as const);
  const inSource = cuts(source);
  if (inSource.length === 0) return null;
  const inStatement = cuts(statement);
  if (inStatement.length !== inSource.length) return null;
  const k = inSource.filter(([, end]) => end <= spanStart).length;
  const from = k === 0 ? 0 : inStatement[k - 1]![1];
  const to = k === inStatement.length ? statement.length : inStatement[k]![0];
  const part = statement.slice(from, to).trim();
  return part.split(/\s+/).length >= 6 ? part : null;
}

/** The sentences a source runs together at the end of a quotation (what a true statement may be). */
export function statementsOf(source: string): string[] {
  return source
    .split(QUOTE_BOUNDARY)
    .map((s) => s.trim())
    .filter(Boolean);
}
