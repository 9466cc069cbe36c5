import type { Annotated, Token } from "./annotate";
import { makeSpan, STOPWORDS, type Span } from "./span";

const OPEN_QUOTES = new Set(["“", '"', "‘", "«"]);
const CLOSE_QUOTES = new Set(["”", '"', "’", "»"]);
const DEFINERS = new Set(["called", "termed", "named", "dubbed"]);

/** Key terms: quoted phrases, acronym expansions, defined and definitional phrases. */
export function termSpans(a: Annotated): Span[] {
  return [...quoted(a), ...acronymExpansions(a), ...defined(a)];
}

// “extended deterrence”: short quoted phrases are terms; long quotes are speech.
function quoted(a: Annotated): Span[] {
  const toks = a.tokens;
  const out: Span[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!OPEN_QUOTES.has(toks[i]!.text)) continue;
    let j = i + 1;
    while (j < toks.length && j - i <= 6 && !CLOSE_QUOTES.has(toks[j]!.text)) j++;
    if (j >= toks.length || !CLOSE_QUOTES.has(toks[j]!.text) || j - i < 2 || j - i > 6) continue;
    let last = j - 1;
    while (last > i && /^[.,;:!?]$/.test(toks[last]!.text)) last--;
    const inner = toks.slice(i + 1, last + 1);
    if (inner.some((t) => t.pos === "PRON" || t.pos === "AUX") || !inner.some((t) => /\p{L}{3}/u.test(t.text)))
      continue;
    out.push(makeSpan(a, i + 1, last, "term", "quote"));
    i = j;
  }
  return out;
}

// "liquefied natural gas (LNG)": the words before the brackets whose initials spell it.
function acronymExpansions(a: Annotated): Span[] {
  const toks = a.tokens;
  const out: Span[] = [];
  for (let i = 1; i + 2 < toks.length; i++) {
    const acr = toks[i + 1]!.text;
    if (toks[i]!.text !== "(" || toks[i + 2]!.text !== ")" || !/^[A-Z](?:\.?[A-Za-z]){1,6}\.?$/.test(acr)) continue;
    const letters = acr.replace(/\./g, "").replace(/s$/, "").toLowerCase();
    const first = expansionStart(toks, i - 1, letters);
    if (first !== null) out.push(makeSpan(a, first, i - 1, "term", "acronym"));
  }
  return out;
}

function expansionStart(toks: Token[], last: number, letters: string): number | null {
  let k = letters.length - 1;
  for (let j = last; j >= 0 && last - j < letters.length + 3; j--) {
    const w = toks[j]!;
    if (!/\p{L}/u.test(w.text)) return null;
    if (STOPWORDS.has(w.lower) && j !== last) continue;
    // Hyphenated parts ("US-Japan") each contribute an initial.
    const initials = w.lower
      .split(/[-–]/)
      .map((p) => p[0] ?? "")
      .join("");
    const want = letters.slice(Math.max(0, k - initials.length + 1), k + 1);
    if (initials === want) k -= initials.length;
    else if (w.lower[0] === letters[k]) k--;
    else return null;
    if (k < 0) return j;
  }
  return null;
}

// "a process called photosynthesis", "Photosynthesis is the process by which …"
function defined(a: Annotated): Span[] {
  const toks = a.tokens;
  const out: Span[] = [];
  for (let i = 0; i + 1 < toks.length; i++) {
    // "known as", "known collectively as the Eurozone": an adverb and an article may come between.
    const adverb = toks[i + 1]?.pos === "ADV" && toks[i + 2]?.lower === "as" ? 1 : 0;
    const known = toks[i]!.lower === "known" && toks[i + 1 + adverb]?.lower === "as";
    if (!DEFINERS.has(toks[i]!.lower) && !known) continue;
    let from = known ? i + 2 + adverb : i + 1;
    if (known && toks[from]?.lower === "the" && toks[from + 1]?.pos === "PROPN") from++;
    let to = from;
    while (to < toks.length && to - from < 4 && /^(NOUN|PROPN|ADJ)$/.test(toks[to]!.pos)) to++;
    if (to > from && toks[to - 1]!.pos !== "ADJ") out.push(makeSpan(a, from, to - 1, "term", "defined"));
  }
  // Definitional subject: "<Noun phrase> is/are a|an|the …" at the start of the sentence.
  let s = toks[0]?.pos === "DET" ? 1 : 0;
  const from = s;
  while (s < toks.length && s - from < 4 && /^(NOUN|PROPN|ADJ)$/.test(toks[s]!.pos)) s++;
  const verb = toks[s];
  const det = toks[s + 1];
  if (
    s > from &&
    toks[s - 1]!.pos !== "ADJ" &&
    verb &&
    /^(is|are)$/.test(verb.lower) &&
    det &&
    /^(a|an|the)$/.test(det.lower)
  )
    out.push(makeSpan(a, from, s - 1, "term", "defined"));
  return out;
}

/** Compound noun phrases ("security paradigm", "tariff-rate quotas"); see `isKeyTermChunk`. */
export function chunkSpans(a: Annotated): Span[] {
  const toks = a.tokens;
  const out: Span[] = [];
  // "purchasing power parity": a gerund before two nouns names a thing as an adjective would.
  const gerund = (k: number) =>
    toks[k]!.pos === "VERB" &&
    /^\p{Ll}+ing$/u.test(toks[k]!.text) &&
    toks[k + 1]?.pos === "NOUN" &&
    toks[k + 2]?.pos === "NOUN";
  const isWord = (k: number) => /^(NOUN|ADJ)$/.test(toks[k]!.pos) || hyphenated(toks, k) || gerund(k);
  let i = 0;
  while (i < toks.length) {
    // A phrase glued to a number by a hyphen ("20-year agreements") is part of a measure.
    if (
      !isWord(i) ||
      STOPWORDS.has(toks[i]!.lower) ||
      (toks[i - 1]?.text === "-" && toks[i - 1]!.end === toks[i]!.start)
    ) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < toks.length && j - i < 5 && (isWord(j + 1) || joinsHyphen(toks, j + 1))) j++;
    let last = j;
    while (last > i && toks[last]!.pos !== "NOUN") last--;
    if (
      last > i &&
      toks[last]!.pos === "NOUN" &&
      toks.slice(i, last + 1).every((t) => /^(?:\p{Ll}[\p{Ll}-]+|-)$/u.test(t.text))
    )
      out.push(makeSpan(a, i, last, "term", "chunk"));
    i = j + 1;
  }
  return out;
}

// "-" glued between two words: "tariff-rate", "double-blind".
function joinsHyphen(toks: Token[], k: number): boolean {
  const t = toks[k]!;
  const prev = toks[k - 1];
  const next = toks[k + 1];
  return (
    t.text === "-" &&
    !!prev &&
    !!next &&
    prev.end === t.start &&
    next.start === t.end &&
    /^\p{L}+$/u.test(prev.text) &&
    /^\p{L}+$/u.test(next.text)
  );
}

function hyphenated(toks: Token[], k: number): boolean {
  return toks[k - 1]?.text === "-" && joinsHyphen(toks, k - 1) && /^\p{L}+$/u.test(toks[k]!.text);
}

// Modifiers that describe rather than name: "significant role", "many people".
const VAGUE_TAGS = new Set([
  "Adjective",
  "Comparable",
  "Superlative",
  "Comparative",
  "Determiner",
  "Ordinal",
  "Cardinal",
  "TextValue",
  "Value",
  "Possessive",
  "Pronoun",
  "Adverb",
]);

/**
 * A noun phrase seen once is a key term only when it names a thing rather
 * than describing one: every modifier is a noun or a classifying adjective
 * ("monetary policy", "punch cards", "stored-program computer"), not a
 * descriptive one ("notable moments", "excited audience").
 */
export function isKeyTermChunk(a: Annotated, span: Span, vagueTags: (word: string) => string[]): boolean {
  const words = a.tokens.filter((t) => t.start >= span.start && t.end <= span.end && t.text !== "-");
  if (words.length < 2) return false;
  const modifiers = words.slice(0, -1);
  // "statistical exercise", "cabinet session", "strategic location": a head this general makes the
  // whole phrase a stock description, whatever its modifiers.
  if (VAGUE_HEADS.has(words.at(-1)!.lower)) return false;
  if (a.text.slice(span.start, span.end).includes("-")) return true;
  if (words.length > 3) return false; // a long description, not a name for a thing
  return modifiers.every((t) => {
    if (STOPWORDS.has(t.lower) || t.lower.length <= 2 || GENERIC_NOUNS.has(t.lower) || GENERIC_ADJECTIVES.has(t.lower))
      return false;
    const tags = vagueTags(t.lower);
    if (tags.some((tag) => VAGUE_TAGS.has(tag))) return false;
    // An adjective the lexicon does not know names a class ("monetary", "nuclear") only by its ending;
    // "thunderous" or "comprehensive" describe.
    return t.pos !== "ADJ" || CLASSIFYING_ENDING.test(t.lower) || CLASSIFYING_PREFIX.test(t.lower);
  });
}

/**
 * Adjectives with a classifying ending that still describe rather than name: "international border",
 * "physical coins", "global temperatures" are phrases, not terms to learn.
 */
export const GENERIC_ADJECTIVES = new Set([
  "international",
  "national",
  "global",
  "general",
  "local",
  "physical",
  "digital",
  "total",
  "final",
  "original",
  "official",
  "special",
  "actual",
  "additional",
  "annual",
  "central",
  "regional",
  "personal",
  "formal",
  "normal",
  "usual",
  "potential",
  "critical",
  "crucial",
  "essential",
  "initial",
  "similar",
  "particular",
  "popular",
  "regular",
  "major",
  "primary",
  "necessary",
  "ordinary",
  "various",
  "previous",
  "current",
  "recent",
  "further",
]);

const CLASSIFYING_ENDING = /(?:al|ic|ary|ar|ine|ean|ian|ist)$/;
// "postwar", "nontariff", "intercontinental": a prefix that sorts things into a class.
const CLASSIFYING_PREFIX = /^(?:post|non|anti|inter|intra|trans|multi|counter)\p{Ll}{3,}$/u;
// Nouns that make a phrase vague rather than technical: "time economists", "number lines".
const GENERIC_NOUNS = new Set([
  "time",
  "way",
  "thing",
  "lot",
  "kind",
  "sort",
  "part",
  "number",
  "end",
  "case",
  "fact",
  "today",
]);

// Heads that describe a setting, a role or a manner rather than name a thing.
const VAGUE_HEADS = new Set([
  "name",
  "location",
  "position",
  "session",
  "meeting",
  "exercise",
  "affair",
  "matter",
  "issue",
  "aspect",
  "factor",
  "feature",
  "role",
  "level",
  "area",
  "side",
  "manner",
  "approach",
  "situation",
  "context",
  "purpose",
  "period",
  "setting",
  "moment",
  "occasion",
  "degree",
  "extent",
  "basis",
  "average",
  "step",
  "domain",
  "record",
]);
