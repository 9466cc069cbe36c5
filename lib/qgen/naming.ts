import type { Annotated, Token } from "./annotate";
import type { SubjectFix } from "./anaphora";

/**
 * A definite phrase anywhere in a sentence that names only a kind of thing ("attend the event", "entered the
 * tournament", "involved in the field trial", "said the Prime Minister"). Read alone, the item does not say which
 * one; the document does. These are named from the document where it can be done safely.
 */
export type BareDefinite = { start: number; end: number; head: string; words: string[] };

/** Names of one family stand for each other: "the treaty" is the document's agreement, "the tournament" its Cup. */
const FAMILIES: RegExp[] = [
  /^(?:agreement|treaty|accord|pact|convention|charter|protocol|deal)$/,
  /^(?:tournament|competition|championship|championships|cup|games|olympics|contest)$/,
  /^(?:mountain|peak|summit)$/,
  /^(?:conference|summit|meeting|congress)$/,
  /^(?:act|law|bill|statute)$/,
];

/** Nouns that point back at something named elsewhere; left unnamed, the item loses its subject. */
export const ANAPHORIC_HEADS =
  /^(?:agreement|treaty|accord|pact|convention|deal|tournament|competition|championship|trial|study|experiment|event|ceremony|meeting|conference|summit|mountain|peak|mission|project|programme|program|plan|proposal|initiative|report|announcement|decision|law|bill|act|document|article|figure)$/;

/** A title that stands for a person named earlier: "the Prime Minister" → "Prime Minister Sanae Takaichi". */
const TITLES =
  /^(?:Prime Minister|President|Vice President|Secretary|Secretary-General|Director-General|Director General|Chancellor|Governor|Premier|Chief Executive|Chairman|Chairwoman|Chair|Minister|Ambassador|Mayor|King|Queen|Emperor|Pope)$/;

const isNoun = (t: Token | undefined) => !!t && t.pos === "NOUN" && /^\p{Ll}[\p{Ll}-]*$/u.test(t.text);

/** "the tournament", "the field trial", "the graduate math program": a determiner, classifying nouns, a head. */
export function findBareDefinites(a: Annotated): BareDefinite[] {
  const toks = a.tokens;
  const out: BareDefinite[] = [];
  for (let i = 0; i < toks.length - 1; i++) {
    if (toks[i]!.lower !== "the") continue;
    let j = i + 1;
    // Up to two classifying nouns before the head; an adjective ("the first", "the largest") describes it
    // well enough on its own, and a name or a number ("the 1930 tournament") names it already.
    while (j < i + 3 && isNoun(toks[j]) && isNoun(toks[j + 1])) j++;
    const head = toks[j];
    if (!isNoun(head) || head!.lemma !== head!.lower) continue;
    const next = toks[j + 1];
    // The phrase ends here: no "of …", no possessive, no restrictive clause that says which one.
    if (
      next &&
      (/^(?:’s|'s|that|which|who|whose|where|to|than|as)$/i.test(next.text) ||
        (next.pos === "ADP" && !/^(?:after|before|during|since|until|despite|through|into|by)$/i.test(next.text)) ||
        next.pos === "PROPN" ||
        next.text === "(")
    )
      continue;
    // "the 1930 FIFA World Cup tournament" never gets here; "this article, Article 231" has an appositive.
    if (next?.text === "," && toks[j + 2]?.pos === "PROPN") continue;
    out.push({
      start: toks[i]!.start,
      end: head!.end,
      head: head!.lower,
      words: toks.slice(i + 1, j + 1).map((t) => t.lower),
    });
  }
  return out;
}

const isNamedKind = (word: string) =>
  /^(?:college|university|school|company|river|lake|island|bank|party|war|team|stadium)$/.test(word);
const familyOf = (word: string) => FAMILIES.filter((f) => f.test(word));
const fitsHead = (head: string, nameHead: string) => head === nameHead || familyOf(head).some((f) => f.test(nameHead));

/**
 * What a bare definite stands for: the document's heading when it names a thing of that kind, else the most
 * recent earlier name of that kind ("the treaty" → "the Treaty of Versailles", "the mountain" → "Mount Everest"),
 * else the most recent earlier mention of the same phrase with what it was of ("a year-long field trial of the Salk
 * vaccine" → "the field trial of the Salk vaccine"). Null where the document does not say.
 */
export function resolveBareDefinite(
  d: BareDefinite,
  sentence: Annotated,
  earlier: Annotated[],
  title: string | undefined,
): string | null {
  // Only kinds of things that point back or get proper names: "the ceiling" is no name of a headline's, and
  // "the user" or "the code" in a manual is read as it stands (which also keeps the pass cheap).
  const family = familyOf(d.head).length > 0;
  if (!ANAPHORIC_HEADS.test(d.head) && !family && !isNamedKind(d.head)) return null;
  if (d.words.length === 1 || family) {
    const fromTitle = title
      ? namesIn(title.replace(/[“”"]/g, "")).find((n) => fitsHead(d.head, nameHead(n)))
      : undefined;
    if (fromTitle && fromTitle.split(/\s+/).length >= 2) return withThe(fromTitle);
    const fitting = (names: string[]) =>
      names.filter((n) => fitsHead(d.head, nameHead(n)) && n.split(/\s+/).length >= 2).at(-1);
    const here = fitting(namesIn(sentence.text.slice(0, d.start)));
    if (here) return withThe(here);
    for (let k = earlier.length - 1; k >= 0; k--) {
      const found = fitting(cachedNames(earlier[k]!));
      if (found) return withThe(found);
    }
  }
  const phrase = d.words.join(" ");
  for (const a of [...earlier].reverse()) {
    const of = postmodified(a, d.words);
    if (of) return `the ${phrase} ${of}`;
  }
  return null;
}

/** "said the Prime Minister in a post": the person an earlier sentence gave that title. */
export function findBareTitles(a: Annotated, earlier: Annotated[]): SubjectFix[] {
  const out: SubjectFix[] = [];
  const re = /\bthe ((?:\p{Lu}[\p{L}-]*)(?: \p{Lu}[\p{L}-]*)?)(?=\s+\p{Ll}|[,.;:!?”"’)]|$)/gu;
  for (const m of a.text.matchAll(re)) {
    const title = m[1]!;
    if (!TITLES.test(title)) continue;
    const holder = new RegExp(
      `\\b${title.replace(/\./g, "\\.")} ((?:\\p{Lu}[\\p{L}.’'-]*)(?: \\p{Lu}[\\p{L}.’'-]*){1,2})`,
      "u",
    );
    for (const e of [...earlier].reverse()) {
      const h = holder.exec(e.text);
      if (h && !TITLES.test(h[1]!)) {
        out.push({ start: m.index, end: m.index + m[0].length, text: `${title} ${h[1]}` });
        break;
      }
    }
  }
  return out;
}

// An earlier sentence is searched once for every definite after it.
const namesCache = new WeakMap<Annotated, string[]>();
function cachedNames(a: Annotated): string[] {
  let names = namesCache.get(a);
  if (!names) namesCache.set(a, (names = namesIn(a.text)));
  return names;
}

// Capitalised names of two or more words, or one word after Mount/Lake: "Treaty of Versailles", "Mount Everest".
function namesIn(text: string): string[] {
  const re =
    /(?:\b\d{4}\s+)?\b\p{Lu}[\p{L}’'.-]*(?:\s+(?:of|of the|for|on)\s+\p{Lu}[\p{L}’'.-]*|\s+\p{Lu}[\p{L}’'.-]*|\s+[IVX]+\b)*/gu;
  return [...text.matchAll(re)]
    .map((m) =>
      m[0]
        .replace(/[’']s$/, "")
        .replace(/^The\s+/, "")
        .trim(),
    )
    .filter((n) => /\s/.test(n));
}

// "Treaty of Versailles" → "treaty"; "Okinawa Reversion Agreement" → "agreement"; "Mount Everest" → "mountain".
function nameHead(name: string): string {
  if (/^(?:Mount|Mt\.)\s/.test(name)) return "mountain";
  const words = name.split(/\s+(?:of|for|on)\s+/i)[0]!.split(/\s+/);
  return words.at(-1)!.toLowerCase();
}

const withThe = (name: string) => (/^(?:the|Mount|Mt\.|Lake)\s/i.test(name) ? name : `the ${name}`);

// "a year-long field trial of the Salk vaccine" → "of the Salk vaccine": what an earlier mention was of.
function postmodified(a: Annotated, words: string[]): string | null {
  const toks = a.tokens;
  for (let i = toks.length - 1; i >= words.length - 1; i--) {
    if (!words.every((w, k) => toks[i - words.length + 1 + k]!.lower === w)) continue;
    const prep = toks[i + 1];
    let from = i + 1;
    if (prep?.lower === "to" && toks[i + 2]?.pos === "VERB") from = i + 1;
    else if (prep?.lower !== "of" && prep?.lower !== "for") continue;
    let end = -1;
    for (let j = from + 1; j < toks.length && j <= from + 7; j++) {
      const t = toks[j]!;
      if (
        /^[,.;:()“”"]$/.test(t.text) ||
        (j > from + 1 && (t.pos === "VERB" || t.pos === "AUX")) ||
        /^(?:that|which|who)$/.test(t.lower)
      )
        break;
      if (t.pos === "NOUN" || t.pos === "PROPN") end = j;
    }
    if (end < 0 || !toks.slice(from, end + 1).some((t) => t.pos === "PROPN")) continue;
    return a.text.slice(toks[from]!.start, toks[end]!.end);
  }
  return null;
}

/**
 * "When did Katherine graduate …": a first name alone takes the full name the document gave that person earlier
 * ("Katherine Johnson"), where exactly one earlier full name starts with it and the word is not part of a longer name
 * here.
 */
export function findFirstNames(a: Annotated, earlier: Annotated[]): SubjectFix[] {
  const out: SubjectFix[] = [];
  const toks = a.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.pos !== "PROPN" || !/^\p{Lu}\p{Ll}{2,}$/u.test(t.text)) continue;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    // Part of a longer name ("Katherine Johnson", "Mount Everest", "Queen Katherine"), or a possessive's owner.
    if (prev && /^\p{Lu}/u.test(prev.text) && i - 1 > 0) continue;
    if (prev && TITLES.test(prev.text)) continue;
    // "the University of Michigan": a word after "of" ends an institution's or a place's name.
    if (prev?.lower === "of") continue;
    if (next && /^\p{Lu}/u.test(next.text)) continue;
    const full = new Set<string>();
    const re = new RegExp(`\\b${t.text}((?: \\p{Lu}\\.)? \\p{Lu}\\p{Ll}[\\p{L}’'-]*)(?![\\p{L}’'-])(?! \\p{Lu})`, "gu");
    for (const e of earlier) for (const m of e.text.matchAll(re)) full.add(`${t.text}${m[1]!.replace(/[’']s$/, "")}`);
    if (full.size !== 1) continue;
    const name = [...full][0]!;
    // The full name must name a person: never a place or a thing ("Everest Base", "Salk Vaccine").
    if (
      /\b(?:Vaccine|University|College|School|Company|Corporation|River|Lake|Mount|Base|Cup|Treaty|Agreement|Act|Centre|Center|Airport|Station|Street|Road|Park|Hall|Museum|Bank|Party|Prize|Award|Institute)\b/.test(
        name,
      )
    )
      continue;
    // Used as a person's name: before a verb, a possessive or a comma.
    if (!next || !(next.pos === "VERB" || next.pos === "AUX" || /^(?:’s|'s|,|and)$/.test(next.text))) continue;
    out.push({ start: t.start, end: t.end, text: name });
  }
  return out;
}

/**
 * "the budget" → "the budget for fiscal 1987": where nothing names a bare definite, an earlier mention of its head
 * dated by a year ("national budget for fiscal 1987", "the census of 1921") says which one; the date carries over.
 */
export function datedMention(d: BareDefinite, earlier: Annotated[]): string | null {
  const head = d.head.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(
    `\\b${head}\\s+((?:for|of|in)\\s+(?:the\\s+)?(?:(?:fiscal|calendar|financial|school|academic)\\s+(?:year\\s+)?)?(?:1[5-9]\\d\\d|20\\d\\d)(?:[-–/]\\d{2,4})?)\\b`,
    "i",
  );
  for (let k = earlier.length - 1; k >= 0; k--) {
    const m = re.exec(earlier[k]!.text);
    if (m) return `the ${d.words.join(" ")} ${m[1]}`;
  }
  return null;
}
