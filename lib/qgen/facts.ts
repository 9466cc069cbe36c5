import type { FactType } from "./bank";
import type { Annotated } from "./annotate";
import type { SubjectFix } from "./anaphora";
import type { DocumentTopic } from "./context";
import { nameSpans } from "./spans-names";
import { numericSpans } from "./spans-numeric";
import { countryOf } from "./kinds";
import { isDemonym, tagsOf } from "./lexicon";
import { chunkSpans, GENERIC_ADJECTIVES, isKeyTermChunk, termSpans } from "./spans-terms";
import { withoutAcronym, type Span } from "./span";
import { valueKey } from "./values";

export type SentenceInfo = {
  documentId: string;
  text: string;
  /** Offsets of the sentence in its document. */
  start: number;
  end: number;
  hash: string;
  annotated: Annotated;
  /** A near-identical sentence came earlier: it yields no questions of its own. */
  nearDuplicate: boolean;
  spans: Span[];
  /** The person a leading he/she most likely refers to. */
  referent?: string;
  /** Names what the sentence's pronoun subject refers to, in every prompt made from it. */
  fix?: SubjectFix;
  /** The document's statements in order (shared by its sentences), and this sentence's place among them. */
  docSentences: Annotated[];
  docIndex: number;
  /** The document's heading, when it opens with one: what "these agreements" may refer to. */
  title?: string;
  /** The subject names only a kind of thing ("The decision …") and nothing earlier says which. */
  unnamed?: boolean;
  /** Definite phrases elsewhere in the sentence named from the document ("the tournament" → its Cup). */
  names?: SubjectFix[];
  /** A definite phrase that points back ("the event") and that nothing in the document names. */
  vague?: boolean;
  /** The document's label (`context.ts`), shared by its sentences. */
  topic?: DocumentTopic | null;
  /** The label that leads every prompt of a sentence that cannot be placed alone ("1930 FIFA World Cup: "). */
  lead?: string;
};

export type Fact = {
  factType: FactType;
  span: Span;
  sentence: SentenceInfo;
  valueKey: string;
  score: number;
};

// Higher wins when spans overlap: exact entities beat looser guesses.
const PRIORITY: Record<Span["kind"], number> = {
  money: 6,
  percent: 6,
  date: 6,
  year: 5,
  person: 4,
  organization: 4,
  place: 4,
  term: 3,
  name: 3,
  quantity: 2,
};
const ORIGIN_RANK: Record<Span["origin"], number> = {
  entity: 0,
  name: 0,
  acronym: 0.5,
  quote: 0.4,
  defined: 0.2,
  chunk: -2,
};

/** All fact spans of a sentence, overlaps resolved. */
export function candidateSpans(a: Annotated): Span[] {
  const names = nameSpans(a);
  // A number inside a name belongs to it: "Article 231", "the 1928 Summer Olympics".
  const numbers = numericSpans(a).filter(
    (n) => !names.some((m) => m.start <= n.start && n.end <= m.end && m.end - m.start > n.end - n.start),
  );
  const all = [...numbers, ...names, ...termSpans(a), ...chunkSpans(a)];
  all.sort(
    (x, y) =>
      PRIORITY[y.kind] + ORIGIN_RANK[y.origin] - (PRIORITY[x.kind] + ORIGIN_RANK[x.origin]) ||
      y.end - y.start - (x.end - x.start) ||
      x.start - y.start,
  );
  const kept: Span[] = [];
  for (const s of all) {
    if (kept.some((k) => s.start < k.end && k.start < s.end)) continue;
    kept.push(s);
  }
  const withAcronyms = kept.map((s) => withConversion(a, withAcronym(a, withHyphenTail(a, s))));
  // The bracketed acronym now belongs to its expansion, not to a span of its own.
  return withAcronyms
    .filter(
      (s, i) =>
        !withAcronyms.some(
          (o, j) =>
            j !== i &&
            o.start <= s.start &&
            s.end <= o.end &&
            o.end - o.start > s.end - s.start &&
            // A figure inside another's bracket is still a fact of its own (asked with the bracket shown).
            !(s.kind !== "name" && s.kind !== "term" && s.start >= o.start + withoutAcronym(o.text).length),
        ),
    )
    .sort((x, y) => x.start - y.start);
}

// "Liberal Democratic Party (LDP)": the bracketed acronym would give the
// answer away, so it becomes part of the answer.
// "Spanish-speaking sides", "Soviet-era": a name glued to a hyphenated word is a compound, asked whole.
function withHyphenTail(a: Annotated, s: Span): Span {
  if (!/^\p{Lu}/u.test(s.text) || /\d/.test(s.text)) return s;
  const m = /^-\p{Ll}{3,}\b(?!-)/u.exec(a.text.slice(s.end));
  // "Frankfurt-based", "Japan-led": the name itself is the fact, the suffix only ties it to the noun.
  if (!m || /^-(?:based|born|owned|led|made|backed|funded|run|style|era|bound|headquartered)$/.test(m[0])) return s;
  const end = s.end + m[0].length;
  return { ...s, kind: "term", end, text: a.text.slice(s.start, end) };
}

function withAcronym(a: Annotated, s: Span): Span {
  if (s.kind !== "term" && s.kind !== "organization" && s.kind !== "place" && s.kind !== "name") return s;
  const m = /^ ?\(([A-Z](?:\.?[A-Za-z]){1,6}\.?)\)/.exec(a.text.slice(s.end));
  if (!m || m[1]![0]!.toLowerCase() !== s.text[0]!.toLowerCase()) return s;
  const end = s.end + m[0].length;
  return { ...s, end, text: a.text.slice(s.start, end) };
}

// "7,855 m (25,771 ft)": the conversion in brackets would give the answer away.
// A bracket right after a figure that restates it, converts it or adds it up gives the answer away
// ("$14.4 billion ($7.2 billion each of imports and exports)", "two years (2021 and 2022)"):
// the blank covers it too.
const SAME_KIND_IN_BRACKETS: Partial<Record<Span["kind"], RegExp>> = {
  money: /[$€£¥]\s?\d|\d\s*(?:billion|million|trillion|bn)\b|\b(?:dollars?|euros?|yen|pounds?|marks?)\b/i,
  percent: /\d\s*(?:%|per ?cent)/i,
  quantity: /\d/,
  year: /\b(?:1\d|20)\d{2}\b/,
};

function withConversion(a: Annotated, s: Span): Span {
  const restated = SAME_KIND_IN_BRACKETS[s.kind];
  if (!restated) return s;
  const m = /^ ?\(([^()]{1,160})\)/.exec(a.text.slice(s.end));
  if (!m || !restated.test(m[1]!)) return s;
  const end = s.end + m[0].length;
  return { ...s, end, text: a.text.slice(s.start, end) };
}

const GEO_NAME = /\b(?:Mount|Mt\.|Lake|Cape|Loch|Glacier|Volcano)\s+(\p{Lu}\p{Ll}+)\b(?!\s+\p{Lu})/gu;

/**
 * Corpus-wide naming: a bare "Ishiba" is a person once "Shigeru Ishiba" is;
 * an unexplained multi-word name is kept as a term; other single words go.
 * Noun-phrase chunks survive only when the corpus repeats them.
 */
export function resolveSpans(sentences: SentenceInfo[]): Map<string, string> {
  const people = new Map<string, string>(); // any part of a name → the full name
  const chunkCount = new Map<string, number>();
  for (const s of sentences) {
    for (const span of s.spans) {
      if (span.kind === "person") {
        const words = span.text.split(/\s+/);
        for (const w of [span.text, words.at(-1)!]) if (!people.has(w) || words.length > 1) people.set(w, span.text);
      }
      if (span.origin === "chunk") {
        const k = chunkKey(s, span);
        chunkCount.set(k, (chunkCount.get(k) ?? 0) + 1);
      }
    }
  }
  // "Mount Everest", "Lake Victoria": the bare name is the place, even where a person shares it.
  const places = new Set<string>();
  for (const s of sentences)
    for (const m of s.text.matchAll(GEO_NAME)) {
      places.add(m[1]!);
      if (people.get(m[1]!) !== m[1]) people.delete(m[1]!);
    }
  for (const s of sentences) {
    s.spans = s.spans.flatMap((span): Span[] => {
      if ((span.kind === "name" || span.kind === "person") && places.has(span.text))
        return [{ ...span, kind: "place" }];
      if (span.kind === "name") {
        const thing = namedThing(s, span);
        // "the Higgs boson": a person's name before a noun names a thing after them.
        if (people.has(span.text)) return thing ? [thing] : [{ ...span, kind: "person" }];
        // "Earth's highest mountain": a name everyone knows tests nothing the text taught.
        if (COMMON_KNOWLEDGE.test(span.text)) return [];
        if (thing) return [thing];
        // An unexplained name stays a term: a coarser type beats a wrong one.
        if (/\s/.test(span.text) || span.text.length >= 3) return [{ ...span, kind: "term" }];
        return [];
      }
      if (span.origin === "chunk") {
        const repeated = (chunkCount.get(chunkKey(s, span)) ?? 0) >= 2;
        if (namesPeople(s.annotated, span) || VAGUE_HEADS.test(span.text.split(/\s+/).at(-1)!)) return [];
        if (repeated) {
          // "historic trade deal" or "global temperatures" twice is still a common phrase.
          const trimmed = trimVagueModifiers(s.annotated, span);
          const generic = GENERIC_ADJECTIVES.has(span.text.split(/\s+/)[0]!.toLowerCase());
          const recurs = (chunkCount.get(chunkKey(s, span)) ?? 0) >= 3;
          return trimmed === span && !generic ? [{ ...span, repeated, recurs }] : [];
        }
        // "an important deepwater crude oil export facility": the term is what follows the praise.
        const trimmed = trimVagueModifiers(s.annotated, span);
        return trimmed && isKeyTermChunk(s.annotated, trimmed, tagsOf) ? [{ ...trimmed, repeated }] : [];
      }
      return [span];
    });
  }
  return people;
}

/**
 * "the Higgs boson", "the War Guilt clause", "IBM punch cards": a name before one or two common nouns
 * names a thing, unless the nouns are a stock phrase ("World Cup history").
 */
function namedThing(s: SentenceInfo, span: Span): Span | null {
  const toks = s.annotated.tokens;
  const at = toks.findIndex((t) => t.start >= span.end);
  const next = toks[at];
  if (
    !next ||
    isDemonym(span.text.split(/\s+/).at(-1)!) ||
    countryOf(span.text) ||
    countryOf(span.text.split(/\s+/)[0]!) ||
    next.start !== span.end + 1 ||
    next.pos !== "NOUN" ||
    !/^\p{Ll}+$/u.test(next.text) ||
    STOCK_NOUNS.has(next.lower)
  )
    return null;
  let last = next;
  const second = toks[at + 1];
  if (second && second.pos === "NOUN" && second.start === next.end + 1 && /^\p{Ll}+$/u.test(second.text)) {
    if (toks[at + 2]?.pos === "NOUN" || STOCK_NOUNS.has(second.lower)) return null;
    last = second;
  }
  return { ...span, kind: "term", end: last.end, text: s.annotated.text.slice(span.start, last.end) };
}

// "fiscal year", "temperature value", "weather patterns": a head this general makes a stock phrase.
const VAGUE_HEADS =
  /^(?:years?|months?|days?|weeks?|times?|values?|levels?|amounts?|numbers?|patterns?|temperatures?|favourites?|favorites?|moments?|parts?|sides?|ways?|things?|aspects?|areas?|details?|results?|names?|negotiations|commitments|producers|efforts|role|interest)$/;

const COMMON_KNOWLEDGE = /^(?:Earth|World|Sun|Moon|Internet|Web|God|Heaven|Mankind)$/;
const STOCK_NOUNS = new Set([
  "analysis",
  "administration",
  "history",
  "industry",
  "economy",
  "production",
  "market",
  "markets",
  "government",
  "officials",
  "people",
  "era",
  "period",
  "time",
  "times",
  "year",
  "years",
  "day",
  "days",
  "record",
  "records",
  "fans",
  "team",
  "teams",
  "side",
  "sides",
  "companies",
  "jobs",
  "sector",
  "leaders",
]);
// Who someone is, not what the text teaches: "math professor", "elementary school children".
const PEOPLE_HEADS =
  /^(?:children|child|people|persons?|students?|men|women|workers|individuals|residents|citizens|members|officials|staff|personnel|audience|crowd|reporters|experts|scientists)$/;

function namesPeople(a: SentenceInfo["annotated"], span: Span): boolean {
  const last = a.tokens.filter((t) => t.start >= span.start && t.end <= span.end).at(-1);
  if (!last) return false;
  return PEOPLE_HEADS.test(last.lower) || tagsOf(last.lower).includes("Actor");
}

// Words of praise or weight before a noun: "historic trade deal", "landmark agreement", "massive project".
const PRAISE = new Set([
  "historic",
  "landmark",
  "massive",
  "huge",
  "major",
  "significant",
  "important",
  "key",
  "notable",
  "remarkable",
  "symbolic",
  "unprecedented",
  "critically",
  "ambitious",
  "strong",
  "longtime",
]);

function trimVagueModifiers(a: SentenceInfo["annotated"], span: Span): Span | null {
  const toks = a.tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  let i = 0;
  const vague = (k: number) =>
    toks[k]!.pos === "ADJ" &&
    toks[k + 1]?.text !== "-" && // "double-blind" is one word
    (PRAISE.has(toks[k]!.lower) ||
      tagsOf(toks[k]!.lower).some((t) => t === "Adjective" || t === "Comparable" || t === "Superlative"));
  while (i < toks.length - 2 && vague(i)) i++;
  if (i === 0) return span;
  const start = toks[i]!.start;
  return { ...span, start, text: a.text.slice(start, span.end) };
}

function chunkKey(s: SentenceInfo, span: Span): string {
  return s.annotated.tokens
    .filter((t) => t.start >= span.start && t.end <= span.end)
    .map((t) => t.lemma)
    .join(" ");
}

export function toFact(sentence: SentenceInfo, span: Span, score: number): Fact {
  const factType = span.kind === "name" ? "term" : span.kind;
  return { factType, span, sentence, valueKey: valueKey(factType, withoutAcronym(span.text)), score };
}
