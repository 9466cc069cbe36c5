import type { Annotated, Token } from "./annotate";
import * as lx from "./lexicon";
import { isCapitalised, makeSpan, type Span } from "./span";

const CONNECTORS = new Set(["of", "for", "and", "&", "de", "del", "von", "van", "upon", "on"]);
const JOINERS = new Set(["-", "–", "'", "’"]);
const VERB_CUES = new Set(["said", "says", "told", "argued", "wrote", "stated", "explained", "noted", "added"]);

const CALENDAR =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;

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
    const span = classify(a, i, last);
    // "St Mary's Hospital", "Japan's Prime Minister": a name that is only the
    // possessive start of a longer name is not asked about on its own.
    const next = toks[last + 1];
    const partOfLonger = next && /^['’]s$/.test(next.text) && toks[last + 2] && isCapitalised(toks[last + 2]!);
    if (span && !partOfLonger) out.push(span);
    i = last + 1;
  }
  return out;
}

function classify(a: Annotated, first: number, last: number): Span | null {
  const toks = a.tokens;
  const fullHead = toks[last]!.text;
  if (last > first && !lx.isTitle(toks[first]!.text)) {
    if (lx.isOrgHead(fullHead)) return makeSpan(a, first, last, "organization", "name");
    if (lx.isPlaceHead(fullHead)) return makeSpan(a, first, last, "place", "name");
  }
  // Strip leading titles: "Prime Minister Shigeru Ishiba" → "Shigeru Ishiba".
  let f = first;
  while (f <= last && (lx.isTitle(toks[f]!.text) || lx.isDemonym(toks[f]!.text))) f++;
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
  if (/^[A-Z]{2,6}s?$/.test(text)) return null; // bare acronyms are handled with their expansions
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
