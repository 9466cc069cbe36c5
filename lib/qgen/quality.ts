import { isCommonWord } from "./lexicon";
import type { FactType } from "./bank";
import type { Annotated } from "./annotate";
import { findAnaphor } from "./anaphora";
import { countryOf, isDemonym } from "./kinds";
import { isWordToken, PRONOUNS, STOPWORDS, withoutAcronym, type Span } from "./span";
import { wordNumber } from "./values";

export const MAX_SENTENCE_WORDS = 90;
const MIN_SENTENCE_WORDS = 6;

export type SentenceProblem = "heading" | "fragment" | "too_long" | "reference" | "not_english";

/** Cheap checks on raw text, run before any NLP. */
export function quickSentenceProblem(text: string): SentenceProblem | null {
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters > 0 && latin / letters < 0.8) return "not_english";
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  if (words.length > MAX_SENTENCE_WORDS) return "too_long";
  if (words.length < MIN_SENTENCE_WORDS) return "fragment";
  if (/https?:\/\/|www\.|^\s*\[\d+\]/.test(text)) return "reference";
  if (/^\s*(#|[-*•]\s*$)/.test(text)) return "heading";
  if (/^\s*\p{Ll}/u.test(text)) return "fragment"; // the tail of a badly split sentence
  if (!/[.!?:;"”’)\]]\s*$/.test(text) && words.length < 15) return "heading";
  return null;
}

/** A sentence needs a verb to be a statement worth turning into a question. */
export function hasVerb(a: Annotated): boolean {
  return a.tokens.some((t) => t.pos === "VERB" || t.pos === "AUX");
}

const BASE: Record<FactType, number> = {
  date: 0.85,
  year: 0.85,
  money: 0.85,
  percent: 0.85,
  quantity: 0.75,
  person: 0.8,
  organization: 0.8,
  place: 0.75,
  term: 0.7,
};
const WORLD_WAR = /^(?:(?:the\s+)?(?:First|Second)\s+World\s+War|World\s+War\s+(?:I|II|One|Two|1|2)|WW(?:I|II|1|2))$/i;
const TIME_LEAD =
  /\b(?:during|after|before|since|until|following|throughout|(?:near|at|by|towards?) the (?:end|start|beginning|close|outbreak) of|in the (?:aftermath|wake|run-up) of)\s+(?:the\s+)?$/i;

/** Enough to take an unquoted, undefined lower-case phrase below the default threshold. */
const STOCK_PHRASE_COST = 0.2;
const ORIGIN_BONUS: Record<Span["origin"], number> = {
  entity: 0,
  name: 0,
  quote: 0.05,
  acronym: 0.1,
  defined: 0.05,
  chunk: -0.25,
};

/**
 * Score a fact span in its sentence, 0..1, or null when it makes a bad
 * question: the span is most of the sentence, appears twice (the prompt would
 * give it away), or too little context is left once it is blanked.
 */
export function scoreSpan(
  a: Annotated,
  span: Span,
  factType: FactType,
  answerFrequency: number,
  resolved = false,
  unnamed = false,
): number | null {
  const words = a.tokens.filter(isWordToken);
  // A bracket blanked with the answer does not count as answer words.
  const answerEnd = span.start + withoutAcronym(span.text).length;
  const inside = words.filter((t) => t.start >= span.start && t.end <= answerEnd);
  const outside = words.filter((t) => t.end <= span.start || t.start >= span.end);
  if (inside.length === 0 || inside.length / words.length > 0.5) return null;
  const context = outside.filter((t) => !STOPWORDS.has(t.lower) && t.pos !== "PRON");
  if (context.length < 3) return null;
  const answer = span.text.toLowerCase();
  const rest = (a.text.slice(0, span.start) + " " + a.text.slice(span.end)).toLowerCase();
  if (containsWord(rest, answer)) return null;

  if (NUMERIC.has(factType) && bracketGivesAway(a.text, span)) return null;
  // "1800 square feet (167 square meters)": the conversion in brackets is the same fact as the figure before it.
  if (factType === "quantity" && /\d[\d,.]*\s*(?:[°º]?\p{L}+\.?\s*){0,2}\(\s*$/u.test(a.text.slice(0, span.start)))
    return null;
  // "dozens of institutes": a vague amount is no figure to learn.
  if (
    factType === "quantity" &&
    /^(?:dozens|scores|hundreds|thousands|millions|several|many|numerous)$/i.test(span.text)
  )
    return null;
  // "210,0000": a figure the source mistyped is no answer to learn.
  if (NUMERIC.has(factType) && /\d,(?:\d{4,}|\d{1,2})(?!\d)/.test(span.text)) return null;
  if (rangeGivenByLength(span.text, rest) || lengthGivenByRange(span.text, rest)) return null;
  // "Thirteen teams (seven from …, four from … and two from …)": the parts add up to the answer.
  if (NUMERIC.has(factType) && partsAddUp(span.text, a.text.slice(span.end))) return null;
  // "estimates of 2008 GDP", "in 2013 dollars": a year that dates a measure is a detail, not the fact.
  if (
    factType === "year" &&
    /^\s(?:GDP|GNP|dollars?|prices|levels?|figures?|estimates?|data|terms)\b/.test(a.text.slice(span.end))
  )
    return null;
  // "above the long-term average", "several U.S. LNG producers": a term cut from the noun it modifies
  // leaves a stock phrase around the blank, and the head noun in the prompt narrows it to a guess.
  if (factType === "term" && modifiesNextNoun(a, span) && (/^\p{Ll}/u.test(span.text) || countryLed(span.text)))
    return null;
  // "the Mahalangur mountain range": the common part of a name, cut from the name before it.
  if (span.origin === "chunk" && cutFromName(a, span)) return null;
  // "referred to as the “1950 World Cup final”" beside "the 1930 FIFA World Cup final" and "the 1950 match":
  // every word of the answer is in the prompt already.
  if (!NUMERIC.has(factType) && wordsGivenAway(span.text, rest)) return null;
  // "Austria, _____, Cyprus, Finland, France, …": one item of a long list is guessed, not known.
  if (inLongList(a.text, span)) return null;
  // "one of the _____ at the end of World War I": a class the sentence picks one member of.
  if (span.origin === "chunk" && /\bone of (?:the|its|their|his|her)\s+$/i.test(a.text.slice(0, span.start)))
    return null;
  // "more than _____ times that rate (0.20°C …)" beside 0.06°C: the figures give the factor away.
  if (
    factType === "quantity" &&
    /^\s+times\b/.test(a.text.slice(span.end)) &&
    (rest.match(/\d[\d.,]*/g) ?? []).length >= 2
  )
    return null;
  // "the Uruguayan capital": a country's adjective before a common noun describes a place, it names none.
  if (factType === "term" && demonymLed(span.text)) return null;
  // "several", "many": a quantifier is no term to learn.
  if (/^(?:several|many|numerous|few|various|some|most|all|both|each|other|certain)$/i.test(span.text)) return null;
  // "(Japanese: …, Hepburn: …)": a label before a colon names a field, not a fact.
  if (!NUMERIC.has(factType) && /^\s*:/.test(a.text.slice(span.end))) return null;
  // "UK £284 billion": a country naming a currency.
  if (/^\s*[£$€¥]/.test(a.text.slice(span.end, span.end + 3)) && countryOf(span.text)) return null;
  // "(equivalent to US$1,022 billion at the exchange rates …)": a conversion of the figure before it.
  if (
    NUMERIC.has(factType) &&
    /\(\s*(?:equivalent to|equal to|or|i\.e\.,?|roughly|about|approximately)\s+$/i.test(a.text.slice(0, span.start))
  )
    return null;
  // "8848 m" with "8,848 m" later in the same passage: the figure, in any format, gives itself away.
  if (NUMERIC.has(factType) && figureRepeated(withoutAcronym(span.text), rest)) return null;
  // "U.S. dollar", "United States goalkeeper": a country used as a modifier tests nothing.
  if (
    (factType === "place" || countryOf(span.text)) &&
    /^\s\p{Ll}+\b/u.test(a.text.slice(span.end)) &&
    isAttributive(a, span)
  )
    return null;

  // "the European Union (_____)": an acronym in brackets after its full name is spelled out by it.
  if (
    /^\p{Lu}{2,6}$/u.test(span.text) &&
    new RegExp(`\\(\\s*$`).test(a.text.slice(0, span.start)) &&
    /^\s*\)/.test(a.text.slice(span.end))
  )
    return null;
  // "manpower demands of WWII", "the end of World War I": a world war is known to every student.
  if (WORLD_WAR.test(span.text)) return null;
  // "near the end of _____" (World War II), "during the Cold War": a war that only dates the sentence is known
  // to every student; the fact is what happened then.
  if (/\bWar\b/.test(span.text) && TIME_LEAD.test(a.text.slice(0, span.start))) return null;
  // "1 percent of 1987 _____, the nation's output of goods and services": a gloss after the blank defines it.
  // (An acronym or a common phrase: after a name, such a phrase describes the person or thing instead.)
  if (
    factType === "term" &&
    /^(?:\p{Lu}{2,6}|\p{Ll}.*)$/u.test(span.text) &&
    /^,\s+(?:the|a|an)\s[^,;()]*[.!]?$/.test(a.text.slice(span.end))
  )
    return null;

  const bracket = enclosingBracket(a.text, span);
  // "(Japanese: 沖縄返還協定, Hepburn: Okinawa henkan kyōtei)": a labelled gloss in another language is no fact.
  if (bracket !== null && /\p{L}:\s/u.test(bracket)) return null;

  let score = BASE[factType] + ORIGIN_BONUS[span.origin];
  // "the warm phase of ENSO (El Niño)", "China (Tibet Autonomous Region)": a name in brackets glosses the words
  // before it, which narrow it to a guess; the sentence is about something else.
  if (bracket !== null && !NUMERIC.has(factType)) score -= 0.3;
  // A figure in brackets after another restates or breaks it down: an aside to the sentence's point.
  if (inFigureBrackets(a.text, span)) score -= 0.15;
  // "the Rackham Auditorium", "CERN’s Main Auditorium": the room where something happened is an incidental detail.
  if (/\b(?:auditorium|hall|room|lobby|ballroom|theatre|theater|lecture hall)$/i.test(span.text)) score -= 0.35;
  // A phrase the text uses once is less likely to be the point of the passage.
  if (span.origin === "chunk" && span.repeated) score += 0.1;
  // "tariff-rate quotas", "stored-program computer": a hyphenated compound is a coined term.
  else if (span.origin === "chunk" && coinedTerm(span.text)) score += 0.1;
  // "bilateral trade", "military presence", "floor space": a lower-case phrase the text neither quotes nor
  // defines is a stock phrase more often than a key term, and several words fit its blank.
  // A coined compound ("tariff-rate quotas", "cross-border", "nontariff barriers") is the exception.
  // "ENSO episodes" is as stock as "cold phase episodes": a chunk whose head is a common noun counts the same.
  if (
    /^(?:chunk|name|entity)$/.test(span.origin) &&
    factType === "term" &&
    (/^\p{Ll}/u.test(span.text) || (span.origin === "chunk" && /\s\p{Ll}+$/u.test(span.text)))
  )
    score -= coinedTerm(span.text) || span.recurs ? 0.1 : STOCK_PHRASE_COST;
  // “keeping to the "spirit" of the ceiling”: one common word in quotation marks is a scare quote, not a term.
  if (span.origin === "quote" && /^\p{Ll}+$/u.test(span.text) && isCommonWord(span.text)) score -= 0.4;
  // A lone unexplained name ("Lhotse", "CMS"): worth asking, but after named people and numbers.
  if (span.origin === "name" && factType === "term" && !/\s/.test(span.text)) score -= 0.1;
  // A subject that points back ("It was…", "His party…", "This agreement…") leaves the item
  // without its subject: below the default threshold unless the prompt names what it refers to.
  const anaphor = findAnaphor(a);
  if (anaphor && resolved) score -= 0.05;
  else if (unnamed) score -= 0.5;
  else if (anaphor?.phrase) score -= 0.25;
  else if (anaphor) score -= 0.5;
  else if (PRONOUNS.has(words[0]?.lower ?? "")) score -= 0.15;
  if (words.length > 40) score -= 0.1;
  if (words.length < 9) score -= 0.05;
  if (inside.length / words.length > 0.3) score -= 0.1;
  // "the two countries": a small count of a generic noun is rarely worth asking.
  if (factType === "quantity") {
    // "one of the most important provisions" picks one out; it counts nothing.
    if (/^one$/i.test(span.text) && /^\s+of\b/i.test(a.text.slice(span.end))) return null;
    const determined = /^(the|these|those|both|all)$/.test(words[words.indexOf(inside[0]!) - 1]?.lower ?? "");
    // "The two sides have stated …": a small count of things already named is no fact.
    if (/^(one|two|a|an)$/i.test(span.text) && determined) return null;
    if (/^(one|two|a|an)\b/i.test(span.text)) score -= 0.4;
    // "the three scientists" points back at people already named.
    else if (determined) score -= 0.3;
    // "the stage one agreement": a number between two common nouns labels a thing, it counts nothing.
    const at = a.tokens.indexOf(inside[0]!);
    const prev = a.tokens[at - 1];
    const after = a.tokens[at + 1];
    if (
      inside.length === 1 &&
      prev?.pos === "NOUN" &&
      after?.pos === "NOUN" &&
      /^\p{Ll}/u.test(prev.text) &&
      /^(?:one|two|three|four|five|six|seven|eight|nine|ten)$/i.test(span.text)
    )
      return null;
    // A bare number that counts nothing ("the 4004") is rarely a fact worth testing.
    const next = words[words.indexOf(inside.at(-1)!) + 1];
    if (!/\p{L}/u.test(span.text) && !(next && (next.pos === "NOUN" || next.pos === "ADJ"))) score -= 0.2;
  }
  // An answer found all over the corpus (the topic itself) is a giveaway.
  if (answerFrequency > 0.1) score -= 0.5;
  return Math.max(0, Math.min(1, Math.round(score * 1000) / 1000));
}

/**
 * "tariff-rate quotas", "double-blind method", "nontariff barriers": a hyphenated compound or a classifying prefix
 * coins a term; "decade-old", "year-long" and "mid-ocean" only describe.
 */
function coinedTerm(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/);
  // "purchasing power parity": a gerund before two nouns names a method or a measure.
  if (words.length >= 3 && /^\p{L}{3,}ing$/u.test(words[0]!)) return true;
  if (
    words.some(
      (w) =>
        /^(?:non|post|anti)(?!-)\p{L}{4,}$/u.test(w) &&
        !/^(?:post(?:al|er|ure|pone)|nonsense|nonetheless|antique)/.test(w),
    )
  )
    return true;
  return words.some(
    (w) =>
      /^\p{L}+-\p{L}+/u.test(w) &&
      !/^(?:mid|self|well|so|much|long|short|high|low|large|small|ever|all|once|one|two|three|four|five|six|ten|year|decade|century|day|week|month)-/.test(
        w,
      ) &&
      !/-(?:old|long|year|day|week|month|based|led|like|wide|related|style|sized?|term)$/.test(w),
  );
}

const NUMERIC = new Set<FactType>(["date", "year", "money", "percent", "quantity"]);

function figureRepeated(answer: string, rest: string): boolean {
  const figure = /\d[\d,]*(?:\.\d+)?/.exec(answer)?.[0]?.replace(/,/g, "");
  if (!figure || figure.length < 3 || /^(?:1\d|20)\d{2}$/.test(figure)) return false;
  for (const m of rest.matchAll(/\d[\d,]*(?:\.\d+)?/g)) if (m[0].replace(/,/g, "") === figure) return true;
  return false;
}

// "U.S. LNG", "U.S.-Japan": a country before a common noun or acronym, or two countries joined.
function countryLed(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length === 2 && countryOf(words[0]!)) return true;
  const joined = text.split(/[-–]/);
  return joined.length === 2 && joined.every((w) => !!countryOf(w));
}

/**
 * Every content word of a multi-word answer appears in the rest of the sentence, a year or number
 * aside ("The _____ was the inaugural FIFA World Cup" for "1930 FIFA World Cup").
 */
function wordsGivenAway(answer: string, rest: string): boolean {
  const words = answer
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
  return words.length >= 2 && words.every((w) => containsWord(rest, w));
}

/** The span is one item of a comma-separated list of five or more names ("Austria, _____, Cyprus, …"). */
function inLongList(text: string, span: Span): boolean {
  if (!/^\p{Lu}/u.test(span.text) || !text.includes(",")) return false;
  const parts: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (const m of text.matchAll(/,/g)) {
    parts.push({ start: from, end: m.index });
    from = m.index + 1;
  }
  parts.push({ start: from, end: text.length });
  const at = parts.findIndex((p) => p.start <= span.start && span.end <= p.end);
  if (at < 0) return false;
  const item = (k: number) =>
    /^\s*(?:(?:and|or)\s+)?(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}\s*[.;:]?\s*$/u.test(
      text.slice(parts[k]!.start, parts[k]!.end),
    );
  if (!item(at)) return false;
  let n = 1;
  for (let k = at - 1; k >= 0 && item(k); k--) n++;
  for (let k = at + 1; k < parts.length && item(k); k++) n++;
  return n >= 5;
}

function demonymLed(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length === 2 && isDemonym(words[0]!) && /^\p{Ll}+$/u.test(words[1]!);
}

function modifiesNextNoun(a: Annotated, span: Span): boolean {
  const next = a.tokens.find((t) => t.start >= span.end);
  return (
    !!next && next.start === span.end + 1 && (next.pos === "NOUN" || next.pos === "ADJ") && /^\p{Ll}+$/u.test(next.text)
  );
}

/** A count followed by a bracket whose figures add up to it ("Thirteen teams (seven …, four … and two …)"). */
function partsAddUp(answer: string, after: string): boolean {
  const total = numberOf(answer.trim());
  const bracket = /^[^()]{0,30}\(([^()]*)\)/.exec(after);
  if (total === null || !bracket) return false;
  const parts = [...bracket[1]!.matchAll(/\b(\d[\d,]*|[a-z]+)\b/gi)]
    .map((m) => numberOf(m[1]!))
    .filter((n): n is number => n !== null);
  return parts.length >= 2 && parts.reduce((x, y) => x + y, 0) === total;
}

function numberOf(word: string): number | null {
  if (/^\d[\d,]*$/.test(word)) return Number(word.replace(/,/g, ""));
  const n = wordNumber(word);
  return n >= 0 ? n : null;
}

function cutFromName(a: Annotated, span: Span): boolean {
  const at = a.tokens.findIndex((t) => t.start >= span.start);
  const prev = a.tokens[at - 1];
  return at > 1 && !!prev && prev.end === span.start - 1 && prev.pos === "PROPN" && /^\p{Lu}\p{Ll}+$/u.test(prev.text);
}

/** "lasted _____ from 2005 to 2010": the two ends give the length away. */
function lengthGivenByRange(answer: string, rest: string): boolean {
  const m = /^(\d{1,3}|[a-z]+)[\s-]years?$/i.exec(answer.trim());
  if (!m) return false;
  const length = /^\d+$/.test(m[1]!) ? Number(m[1]) : wordNumber(m[1]!);
  const range = /\b(?:from\s+|between\s+)?(1\d{3}|20\d{2})\s*(?:to|until|and|–|-)\s*(1\d{3}|20\d{2})\b/.exec(rest);
  return !!range && Number(range[2]) - Number(range[1]) === length;
}

function isAttributive(a: Annotated, span: Span): boolean {
  const next = a.tokens.find((t) => t.start >= span.end);
  return !!next && next.pos === "NOUN" && next.start === span.end + 1;
}

/**
 * "lasted 5 years from _____" with "2005 to 2010": the length and one end, stated around the blank
 * (the start year often in the sentence before), give the other end away.
 */
function rangeGivenByLength(answer: string, rest: string): boolean {
  const m = /^(\d{4})\s*(?:to|–|-)\s*(\d{4})$/.exec(answer.trim());
  if (!m) return false;
  const length = Number(m[2]) - Number(m[1]);
  for (const d of rest.matchAll(/\b(\d{1,2}|[a-z]+)[\s-]years?\b/gi)) {
    const n = /^\d+$/.test(d[1]!) ? Number(d[1]) : wordNumber(d[1]!);
    if (n === length) return true;
  }
  return false;
}

/**
 * A figure inside brackets beside another figure is one half of a pair ("(0.20°C / _____)", "(then
 * $31.4 billion or _____)"): the other half gives it away. A bracket right after a figure is blanked
 * with it instead (`withConversion`).
 */
export function bracketGivesAway(text: string, span: Span): boolean {
  const open = text.lastIndexOf("(", span.start);
  if (open < 0 || text.lastIndexOf(")", span.start - 1) > open) return false;
  const close = text.indexOf(")", span.end);
  if (close < 0) return false;
  const inside = text.slice(open + 1, span.start) + " " + text.slice(span.end, close);
  // "8,848 metres (29,029 ft)": a bare conversion of the figure before it.
  const bare = !/\p{L}{3,}/u.test(inside) && AFTER_FIGURE.test(text.slice(0, open).trimEnd());
  return /\d/.test(inside) || bare;
}

// Right after a figure and its unit: "8,848 metres (", "$14.4 billion (".
const AFTER_FIGURE = /[\d%]\s*(?:[°º]?\p{L}+\.?\s*)?$/u;

/** The span sits in brackets that follow another figure: a restatement or breakdown of it. */
/** The text of the brackets the span sits in, or null when it is not in brackets. */
function enclosingBracket(text: string, span: Span): string | null {
  const open = text.lastIndexOf("(", span.start);
  if (open < 0 || text.lastIndexOf(")", span.start - 1) > open) return null;
  const close = text.indexOf(")", span.end);
  return close < 0 ? null : text.slice(open + 1, close);
}

function inFigureBrackets(text: string, span: Span): boolean {
  const open = text.lastIndexOf("(", span.start);
  if (open < 0 || text.lastIndexOf(")", span.start - 1) > open || text.indexOf(")", span.end) < 0) return false;
  return AFTER_FIGURE.test(text.slice(0, open).trimEnd());
}

export function containsWord(haystack: string, needle: string): boolean {
  if (!needle) return false;
  let from = 0;
  for (;;) {
    const i = haystack.indexOf(needle, from);
    if (i < 0) return false;
    const before = haystack[i - 1];
    const after = haystack[i + needle.length];
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) return true;
    from = i + 1;
  }
}
