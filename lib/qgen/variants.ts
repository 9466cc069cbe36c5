import type { Question } from "./bank";
import type { Fact } from "./facts";
import { isOrgHead, isPlaceHead } from "./lexicon";
import { containsWord } from "./quality";
import { MONTH_NAMES, parseNumeric, wordNumber } from "./values";

// Which variants a note gets beyond its cloze. A variant that would be weak is not made: the note keeps its
// cloze (and its other variants), so nothing a learner should know is lost, and a teacher reviews fewer items.

const NUMERIC = new Set<Fact["factType"]>(["year", "date", "money", "percent", "quantity"]);

/**
 * "more than _____ jobs", "over _____ children", "up to _____": a bound, not a value. Smaller choices are then
 * also true ("more than 8" when the text says more than 10), and a statement about it is guessed true unread.
 */
export function boundedFigure(fact: Fact): boolean {
  if (!NUMERIC.has(fact.factType) || fact.factType === "year" || fact.factType === "date") return false;
  const before = fact.sentence.text.slice(0, fact.span.start);
  return BOUND_BEFORE.test(before);
}
const BOUND_BEFORE =
  /\b(?:more than|over|at least|fewer than|less than|under|up to|upwards of|in excess of|above|below|nearly|almost|close to|some|about|approximately|roughly|around)\s+(?:a\s+)?$/i;
/** A bound that makes smaller (or larger) choices true as well: the approximations are kept for choices. */
const STRICT_BOUND =
  /\b(?:more than|over|at least|fewer than|less than|under|up to|upwards of|in excess of|above|below)\s+$/i;
export function strictBound(fact: Fact): boolean {
  return boundedFigure(fact) && STRICT_BOUND.test(fact.sentence.text.slice(0, fact.span.start));
}

/**
 * "ranked among the _____ warmest with June through December": the range in the sentence counts the answer.
 * A count of twelve or less that a month or weekday range, or the list after a colon, spells out is not asked.
 */
export function cuedCount(fact: Fact): boolean {
  if (fact.factType !== "quantity") return false;
  const p = parseNumeric(fact.span.text.trim());
  if (!p || p.number < 2 || p.number > 12 || p.decimals > 0) return false;
  const text = fact.sentence.text;
  const rest = text.slice(0, fact.span.start) + " _ " + text.slice(fact.span.end);
  const months = MONTH_NAMES.join("|");
  for (const m of rest.matchAll(new RegExp(`\\b(${months})\\s+(?:through|to|until|–|-)\\s+(${months})\\b`, "g"))) {
    const a = MONTH_NAMES.indexOf(m[1]!);
    const b = MONTH_NAMES.indexOf(m[2]!);
    if (((b - a + 12) % 12) + 1 === p.number) return true;
  }
  for (const m of rest.matchAll(
    new RegExp(`\\b(${DAYS.join("|")})\\s+(?:through|to|until|–|-)\\s+(${DAYS.join("|")})\\b`, "g"),
  )) {
    const a = DAYS.indexOf(m[1]!);
    const b = DAYS.indexOf(m[2]!);
    if (((b - a + 7) % 7) + 1 === p.number) return true;
  }
  // "_____ countries: Austria, Belgium and France": the list after the colon counts them.
  const after = text.slice(fact.span.end);
  const list = /^[^.:;]{0,40}:\s*([^.;]+)/.exec(after)?.[1];
  if (list) {
    const items = list.split(/,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/).filter((x) => x.trim());
    if (items.length === p.number) return true;
  }
  return false;
}
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * "its rock height, which is _____, but … its snow height 8848 m": another figure in the same unit bounds the
 * answer, so most choices are ruled out and a changed value may contradict the sentence.
 */
export function sameUnitFigure(fact: Fact): boolean {
  if (fact.factType !== "quantity" && fact.factType !== "money") return false;
  const p = parseNumeric(fact.span.text.trim());
  const unit = p?.suffix.trim().split(/\s+/)[0]?.toLowerCase().replace(/s$/, "");
  if (!p || p.word || !unit || !/^[\p{L}°%]/u.test(unit)) return false;
  const text = fact.sentence.text;
  const rest = text.slice(0, fact.span.start) + " _ " + text.slice(fact.span.end);
  for (const m of rest.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*([\p{L}°%][\p{L}]*)/gu))
    if (m[2]!.toLowerCase().replace(/s$/, "") === unit) return true;
  return false;
}

/**
 * "18,000 vacuum tubes, 7,200 crystal diodes, _____ relays, 70,000 resistors": one count in a list of counts
 * is a detail no teacher asks from memory, and its neighbours are the only lures.
 */
export function listedCount(fact: Fact): boolean {
  if (fact.factType !== "quantity") return false;
  const text = fact.sentence.text;
  const rest = text.slice(0, fact.span.start) + " _ " + text.slice(fact.span.end);
  const counts = [...rest.matchAll(/\b(\d{1,3}(?:,\d{3})*|\d+)(?:\.\d+)?\s+\p{Ll}/gu)].filter(
    (m) => !/^(?:1\d{3}|20\d{2})$/.test(m[1]!),
  ).length;
  return counts >= 3 && /,/.test(rest);
}

/**
 * "occupy Okinawa" beside the blank "Okinawa Prefecture": a name word of the answer (not a generic head such as
 * "Islands" or "University") that the prompt shows elsewhere gives it away.
 */
export function promptGivesAway(prompt: string, answer: string): boolean {
  const lower = prompt.toLowerCase();
  return nameWords(answer).some((w) => containsWord(lower, w));
}

function nameWords(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => /^\p{Lu}/u.test(w) && w.length >= 3 && !isOrgHead(w) && !isPlaceHead(w) && !STOP.has(w))
    .map((w) => w.toLowerCase());
}
const STOP = new Set(["The", "And", "For", "Of", "New", "North", "South", "East", "West", "United", "National"]);

/**
 * The document's own subject (a name its title carries, or the name it repeats most) is a poor blank: it is
 * guessed from the title or from the rest of the text, and with it blanked several things fit.
 */
export function namesSubject(answer: string, subject: DocumentSubject | undefined): boolean {
  if (!subject) return false;
  const a = answer.toLowerCase();
  // "The year _____ was the warmest" in a report headed by that year: its subject year.
  if (/^\d{4}$/.test(a.trim())) return subject.titleYears.has(a.trim());
  if (subject.names.some((n) => n === a || containsWord(a, n) || containsWord(n, a))) return true;
  return nameWords(answer).some((w) => subject.titleWords.has(w));
}

export type DocumentSubject = {
  /** Lower-cased words of the document's title and opening heading. */
  titleWords: Set<string>;
  /** Years the title names ("… 2023 warmest year on record"). */
  titleYears: Set<string>;
  /** Lower-cased names the document repeats most. */
  names: string[];
};

/** Title words and the most repeated name of a document, from its facts. */
export function documentSubject(titles: Array<string | undefined>, facts: Fact[]): DocumentSubject {
  const words = titles.filter((t): t is string => !!t).flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const titleWords = new Set(words.filter((w) => w.length >= 3 && !/^\d+$/.test(w)));
  const titleYears = new Set(words.filter((w) => /^(?:1\d{3}|20\d{2})$/.test(w)));
  const counts = new Map<string, Set<string>>();
  for (const f of facts) {
    if (NUMERIC.has(f.factType) || !/^\p{Lu}/u.test(f.span.text)) continue;
    const key = f.span.text.toLowerCase();
    const set = counts.get(key) ?? new Set<string>();
    set.add(f.sentence.hash);
    counts.set(key, set);
  }
  const top = Math.max(0, ...[...counts.values()].map((s) => s.size));
  // Named in at least four sentences and more than any other name.
  const names = top >= 4 ? [...counts].filter(([, s]) => s.size === top).map(([k]) => k) : [];
  return { titleWords, titleYears, names: names.length === 1 ? names : [] };
}

/**
 * A flashcard is recalled without choices, so it needs one answer a teacher would ask: a person, a date, a
 * figure, or a named thing; never a lower-case phrase ("the _____ was the culmination": the report, the
 * announcement), a single common-noun name after "the" ("the Secretariat"), a list detail, or the subject.
 */
export function flashcardWorthy(fact: Fact, answer: string, prompt: string, subject?: DocumentSubject): boolean {
  const { factType } = fact;
  if (!variantWorthy(fact) || strictBound(fact) || listedCount(fact) || cuedCount(fact)) return false;
  if (!NUMERIC.has(factType) && factType !== "person") {
    if (!/^\p{Lu}/u.test(answer)) return false;
    // "_____ political groups", "the _____ has sole authority": one word (a capitalised common noun or an
    // acronym) fits beside several others.
    if (factType === "term" && !/\s/.test(answer.trim())) return false;
    const before = fact.sentence.text.slice(0, fact.span.start);
    if (/\bthe\s+$/i.test(before) && !/\s/.test(answer.trim())) return false;
  }
  // "a _____ field trial" (year-long): a quantity with no figure in it is a modifier, not a fact to recall.
  if (factType === "quantity" && !/\d/.test(answer) && wordNumber(answer.trim().split(/[\s-]/)[0]!) < 0) return false;
  // A bare word number is guessed from a handful ("_____ teams"): only a figure the text makes specific.
  if (factType === "quantity" && wordNumber(answer.trim()) >= 0 && wordNumber(answer.trim()) <= 3) return false;
  if ((factType === "year" || !NUMERIC.has(factType)) && namesSubject(answer, subject)) return false;
  if (listedName(fact) || cutName(fact)) return false;
  return !promptGivesAway(prompt, answer);
}

/**
 * Notes that scored low carry a penalty for a vague or unnamed reference ("to attend the event", "this fiscal
 * year"): the cloze keeps the fact, but a choice, a card or a statement built on it is not clear enough.
 */
const VARIANT_MIN_SCORE = 0.5;
export function variantWorthy(fact: Fact): boolean {
  return fact.score >= VARIANT_MIN_SCORE;
}

/** "Austria, Belgium, Cyprus, _____, France …": one name of a list of four or more is a list detail. */
export function listedName(fact: Fact): boolean {
  if (NUMERIC.has(fact.factType)) return false;
  const text = fact.sentence.text;
  const around = text.slice(0, fact.span.start) + "_" + text.slice(fact.span.end);
  const list = /(?:(?:the\s+)?[\p{Lu}_][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)*,\s+){3,}(?:and\s+)?/u.exec(around);
  return !!list && list[0].includes("_");
}

/** "this _____ Initiative": the blank is the front of a longer name, so the card asks half a name. */
export function cutName(fact: Fact): boolean {
  if (fact.factType !== "term" && fact.factType !== "organization") return false;
  return /^\s+\p{Lu}\p{Ll}+/u.test(fact.sentence.text.slice(fact.span.end));
}

/** One flashcard per sentence: the best-scored one, so a sentence is not recalled four times over. */
export function oneFlashcardPerSentence(made: Question[]): Question[] {
  const cards = made.filter((q) => q.type === "flashcard");
  if (cards.length <= 1) return made;
  const best = cards.reduce((a, b) => (b.score > a.score ? b : a));
  return made.filter((q) => q.type !== "flashcard" || q === best);
}

/**
 * "The euro is the official currency of fifteen member states": a present-tense count of members, countries or
 * staff without a date is true only as of a moment the sentence does not give, so it is not offered to be judged.
 */
export function undatedCount(text: string): boolean {
  if (/\b(?:1\d{3}|20\d{2})\b/.test(text)) return false;
  return UNDATED_COUNT.test(text);
}
const COUNT_WORD =
  "(?:\\d[\\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";
const UNDATED_COUNT = new RegExp(
  `\\b(?:is|are|has|have|uses?|includes?|comprises?)\\b[^.;]*?\\b${COUNT_WORD}\\s+(?:[\\p{L}-]+\\s+){0,2}(?:members?|states|countries|nations|employees|staff|users|residents|inhabitants|teams)\\b`,
  "iu",
);

/** "The states … are: Austria, Belgium, Cyprus, …": a bare list of names (after a colon, or of six or more) states no fact to judge. */
export function listStatement(text: string): boolean {
  const name = "(?:the\\s+)?[\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*)*";
  return new RegExp(`:\\s*(?:${name},\\s+){2,}`, "u").test(text) || new RegExp(`(?:${name},\\s+){5,}`, "u").test(text);
}
