import type { Annotated, Token } from "./annotate";
import * as lx from "./lexicon";
import { isCapitalised, makeSpan, type Span } from "./span";

const CONNECTORS = new Set(["of", "for", "and", "&", "de", "del", "von", "van", "upon", "on"]);
const JOINERS = new Set(["-", "–", "'", "’"]);
const VERB_CUES = new Set(["said", "says", "told", "argued", "wrote", "stated", "explained", "noted", "added"]);

const CALENDAR =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;

const HONORIFIC = /^(?:Sir|Dame|Lord|Lady)$/;
const EVENT_HEAD =
  /^(?:olympics|games|cup|championships?|expo|exposition|elections?|summit|conference|festival|tournament|census|fair|marathon|open)$/i;
const ROMAN = /^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$/;
// Names that take a number: "Article 231", "World War I", "Takahama Units 1 and 2".
const NUMBERED =
  /^(?:article|articles|section|chapter|amendment|clause|title|resolution|protocol|phase|stage|unit|units|reactor|reactors|block|apollo|route|highway|war|book|volume|part|schedule|annex|platform|terminal|gate|pier|runway)$/i;

function isNameToken(t: Token, index: number): boolean {
  if (!isCapitalised(t) || !/\p{L}/u.test(t.text) || CALENDAR.test(t.text)) return false;
  if (t.pos === "PRON" || t.pos === "DET" || t.pos === "ADP" || t.pos === "CCONJ" || t.pos === "AUX") return false;
  // A capital at the start of a sentence proves nothing unless it is a proper noun.
  return index > 0 || t.pos === "PROPN";
}

/** Capitalised runs ("Treaty of Mutual Cooperation and Security", "US-Japan"), classified where the evidence allows. */
export function nameSpans(a: Annotated): Span[] {
  const toks = a.tokens;
  const out: Span[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!isNameToken(toks[i]!, i)) {
      i++;
      continue;
    }
    let last = i;
    let hasOf = false;
    for (let j = i + 1; j < toks.length; j++) {
      const t = toks[j]!;
      const glued = t.start === toks[j - 1]!.end;
      if (isNameToken(t, j)) last = j;
      else if (
        JOINERS.has(t.text) &&
        glued &&
        toks[j + 1] &&
        isNameToken(toks[j + 1]!, j + 1) &&
        toks[j + 1]!.start === t.end
      )
        continue;
      else if (
        CONNECTORS.has(t.lower) &&
        toks[j + 1] &&
        isNameToken(toks[j + 1]!, j + 1) &&
        (t.lower !== "and" || hasOf)
      ) {
        hasOf ||= t.lower === "of" || t.lower === "for";
        continue;
      } else break;
    }
    last = numbered(toks, last);
    // "JERA Co., Inc.": the legal form after a comma belongs to the company's name.
    if (
      toks[last + 1]?.text === "," &&
      /^(?:Inc|Ltd|LLC|Corp|Co|plc|AG|GmbH|S\.A)\.?$/.test(toks[last + 2]?.text ?? "")
    )
      last += 2;
    // "the 1928 Summer Olympics": the year is part of the event's name.
    const from = /^\d{4}$/.test(toks[i - 1]?.text ?? "") && EVENT_HEAD.test(toks[last]!.text) ? i - 1 : i;
    const span = from < i ? makeSpan(a, from, last, "term", "name") : classify(a, i, last);
    // "St Mary's Hospital", "Japan's Prime Minister": a name that is only the
    // possessive start of a longer name is not asked about on its own.
    const next = toks[last + 1];
    const partOfLonger = next && /^['’]s$/.test(next.text) && toks[last + 2] && isCapitalised(toks[last + 2]!);
    if (span && !partOfLonger) out.push(withoutPossessive(withoutFullStop(span)));
    i = last + 1;
  }
  return out;
}

// Extends a name over its number: "Article III", "World War I", "Units 1 and 2".
function numbered(toks: Token[], last: number): number {
  const head = toks[last]!;
  const next = toks[last + 1];
  if (!next) return last;
  const isNumber = (t: Token | undefined) => !!t && (/^\d{1,4}[A-Za-z]?$/.test(t.text) || ROMAN.test(t.text));
  if (NUMBERED.test(head.text) && (isNumber(next) || (/^I\.?$/.test(next.text) && /^war$/i.test(head.text)))) {
    let end = last + 1;
    if (/^(?:and|&)$/.test(toks[end + 1]?.lower ?? "") && isNumber(toks[end + 2])) end += 2;
    return end;
  }
  if (ROMAN.test(next.text) && next.start === head.end + 1) return last + 1; // "Elizabeth II"
  return last;
}

function classify(a: Annotated, first: number, last: number): Span | null {
  const toks = a.tokens;
  // "United States President Richard Nixon", "JERA CEO Yukio Kani": the name follows the role.
  for (let k = last - 1; k > first; k--) {
    if (lx.isTitle(toks[k]!.text) && lx.isRoleNoun(toks[k]!.text) && isCapitalised(toks[k + 1]!)) {
      if (last - k >= 2 && !toks.slice(k + 1, last + 1).some((t) => CONNECTORS.has(t.lower)))
        return classify(a, k, last);
    }
  }
  // "Lucien Laurent of France": a person of a country.
  const of = toks.findIndex((t, k) => k > first && k < last && t.lower === "of");
  if (of > first + 1 && lx.isFirstName(toks[first]!.text) && !lx.isCommonWord(toks[first]!.text)) {
    const place = a.text.slice(toks[of + 1]!.start, toks[last]!.end);
    if (lx.isKnownPlace(place)) return makeSpan(a, first, of - 1, "person", "name");
  }
  // "Interior Doug Burgum": a known first name starts the person's name.
  if (last - first >= 2) {
    for (let k = first + 1; k < last; k++) {
      const w = toks[k]!.text;
      const before = toks.slice(first, k);
      if (
        lx.isFirstName(w) &&
        !lx.isCommonWord(w) &&
        !before.some((t) => CONNECTORS.has(t.lower)) &&
        !before.every((t) => lx.isTitle(t.text))
      )
        return makeSpan(a, k, last, "person", "name");
    }
  }
  const fullHead = toks[last]!.text;
  if (last > first && !lx.isTitle(toks[first]!.text)) {
    if (lx.isOrgHead(fullHead)) return makeSpan(a, first, last, "organization", "name");
    if (lx.isPlaceHead(fullHead)) return makeSpan(a, first, last, "place", "name");
  }
  // "Rackham Auditorium Francis": a place or body's name runs into the next sentence's subject.
  for (let k = first + 1; k === last - 1; k++)
    if (lx.isPlaceHead(toks[k]!.text) || lx.isOrgHead(toks[k]!.text)) return classify(a, first, k);
  // Strip leading titles: "Prime Minister Shigeru Ishiba" → "Shigeru Ishiba" (but "Sir George Everest" keeps "Sir").
  let f = first;
  while (f <= last && (lx.isTitle(toks[f]!.text) || lx.isDemonym(toks[f]!.text)) && !HONORIFIC.test(toks[f]!.text)) f++;
  const titled = toks.slice(first, f).some((t) => lx.isTitle(t.text));
  if (f > last || !isCapitalised(toks[f]!)) return null; // "Minister of Japan" is a role, not a name
  if (/^[A-Z]\.?$/.test(toks[last]!.text)) return null; // a broken initialism such as "Japan-U"
  const words = toks.slice(f, last + 1).filter((t) => /\p{L}/u.test(t.text));
  const head = words.at(-1)!.text;
  const text = a.text.slice(toks[f]!.start, toks[last]!.end);
  const span = (kind: Span["kind"]) => makeSpan(a, f, last, kind, "name");
  if (words.length === 1 && (lx.isDemonym(head) || /^[A-Z]\.?$/.test(head))) return null;
  if (lx.isRoleNoun(head) || lx.isTitle(head)) return null; // a role such as "Chief Cabinet Secretary"
  if (
    (words.length > 1 && lx.isOrgHead(head)) ||
    (words.length > 2 && lx.isOrgHead(words[0]!.text) && words[1]!.lower === "of")
  )
    return span("organization");
  if (lx.isKnownOrg(text)) return span("organization");
  if (words.length > 1 && lx.isPlaceHead(head)) return span("place");
  if (lx.isKnownPlace(text)) return span("place");
  if (/^[A-Z]{2,6}s?$/.test(text)) return lx.isCommonWord(text) ? null : span("name"); // "CMS", "NACA"
  const personLike = words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}'’.-]+$/u.test(w.text));
  // "Frank" is also an adjective: a known first name outweighs that.
  const properOnly = words.every((w) => !lx.isCommonWord(w.text));
  if (personLike && words.length > 1 && lx.isFirstName(words[0]!.text) && !lx.isCommonWord(words[0]!.text))
    return span("person");
  if (personLike && properOnly && (titled || (words.length > 1 && lx.isLastName(head)))) return span("person");
  if (personLike && words.length > 1 && personContext(a, f, last)) return span("person");
  return span("name");
}

// "X, professor at …", "X said", "X is a Japanese politician"
function personContext(a: Annotated, first: number, last: number): boolean {
  const toks = a.tokens;
  const next = toks[last + 1];
  if (!next) return false;
  if (VERB_CUES.has(next.lower)) return true;
  if (next.text === "," && toks[last + 2] && lx.isRoleNoun(toks[last + 2]!.text)) return true;
  if (next.lemma === "be" && first === 0) {
    for (let j = last + 2; j < Math.min(toks.length, last + 7); j++) if (lx.isRoleNoun(toks[j]!.text)) return true;
  }
  const prev = toks[first - 1];
  return !!prev && prev.text === "," && !!toks[first - 2] && lx.isRoleNoun(toks[first - 2]!.text);
}

// "Japan’s": the name is "Japan"; the possessive stays in the sentence.
function withoutPossessive(span: Span): Span {
  const m = /['’]s$/.exec(span.text);
  if (!m || span.text.length < 4) return span;
  return { ...span, end: span.end - 2, text: span.text.slice(0, -2) };
}

// "World War I." at the end of a sentence: the full stop is not part of the name.
function withoutFullStop(span: Span): Span {
  if (!/ I\.$/.test(span.text)) return span;
  return { ...span, end: span.end - 1, text: span.text.slice(0, -1) };
}
