import type { Annotated, Token } from "./annotate";
import { namedSubject, type SubjectFix } from "./anaphora";
import { isWordToken } from "./span";

/**
 * A subject that names only a kind of thing ("The document was signed …", "These agreements
 * constitute …", "The computer consisted of …"). Read alone, the item does not say which one.
 */
export type DefiniteSubject = {
  start: number;
  end: number;
  /** The head noun's lemma ("agreement"). */
  head: string;
  plural: boolean;
  demonstrative: boolean;
};

const DETERMINERS = new Set(["the", "this", "these", "those"]);
const DEMONSTRATIVES = new Set(["this", "these", "those"]);
const isVerb = (t: Token | undefined) => !!t && (t.pos === "VERB" || t.pos === "AUX");

/**
 * Shell nouns stand for a thing or an act named elsewhere ("the decision", "the move"): unresolved,
 * they leave the item without its subject. Other bare nouns ("The teams were …") still read.
 */
const SHELL_NOUNS = new Set([
  "decision",
  "move",
  "step",
  "measure",
  "plan",
  "proposal",
  "deal",
  "document",
  "agreement",
  "treaty",
  "accord",
  "pact",
  "figure",
  "change",
  "announcement",
  "report",
  "project",
  "program",
  "programme",
  "initiative",
  "policy",
  "law",
  "bill",
  "article",
  "event",
  "effort",
  "idea",
  "result",
  "finding",
]);

/** Names whose kind the shell noun covers: a document is an agreement, a treaty, an act … */
const COVERS: Record<string, RegExp> = {
  document: /^(?:agreement|treaty|act|accord|charter|convention|declaration|constitution|protocol|report|pact)$/,
  deal: /^(?:agreement|treaty|accord|pact)$/,
  accord: /^(?:agreement|treaty|pact)$/,
  pact: /^(?:agreement|treaty|accord)$/,
};

/** "The document was …", "These agreements constitute …": a determiner and a common noun before the verb. */
export function findDefiniteSubject(a: Annotated): DefiniteSubject | null {
  const toks = a.tokens;
  const det = toks[0];
  if (!det || !DETERMINERS.has(det.lower)) return null;
  const demonstrative = DEMONSTRATIVES.has(det.lower);
  let k = 1;
  // "The agreements", "These projects", "These two agreements": at most one modifier after a demonstrative.
  if (demonstrative && toks[2]?.pos === "NOUN" && /^(?:ADJ|NUM|NOUN)$/.test(toks[1]?.pos ?? "")) k = 2;
  const noun = toks[k];
  if (!noun || noun.pos !== "NOUN" || !/^\p{Ll}+$/u.test(noun.text)) return null;
  const next = toks[k + 1];
  if (!next || !(isVerb(next) || next.text === ",")) return null;
  // "This article, Article 231, later became …": an appositive names it already.
  if (next.text === ",") {
    for (let j = k + 2; j < toks.length && j < k + 8 && toks[j]!.text !== ","; j++)
      if (toks[j]!.pos === "PROPN" || toks[j]!.pos === "NUM") return null;
  }
  return {
    start: det.start,
    end: noun.end,
    head: lemma(noun),
    plural: noun.lemma !== noun.lower && /s$/.test(noun.lower),
    demonstrative,
  };
}

const lemma = (t: Token) => (t.lemma || t.lower).toLowerCase();

/** An unresolved subject of this kind costs the item its place below the default threshold. */
export function needsName(d: DefiniteSubject): boolean {
  return d.demonstrative || SHELL_NOUNS.has(d.head);
}

/**
 * What a definite subject most likely refers to, from the document's earlier sentences (most
 * recent first): a name with the same head ("the agreement" → the Okinawa Reversion Agreement), a
 * name the text classed as one ("ENIAC was the world's first … computer" → the computer), the
 * document's title, or a counted or definite phrase with the same noun ("four 20-year agreements
 * between JERA and U.S. companies" → the agreements).
 */
export function resolveDefinite(d: DefiniteSubject, earlier: Annotated[], title: string | undefined): string | null {
  const recent = [...earlier].reverse();
  // Own entries only: "the constructor" must not reach the object's prototype.
  const covers = Object.hasOwn(COVERS, d.head) ? COVERS[d.head] : undefined;
  const fits = (word: string, plural: boolean) =>
    plural === d.plural && (word === d.head || (covers?.test(word) ?? false));
  if (!d.plural) {
    for (const a of recent) {
      const named = namedSubject(a);
      if (named && /\p{Lu}/u.test(named.replace(/^The /, "")) && fits(headOfName(named), false)) return named;
      const classed = classifiedAs(a);
      if (classed && fits(classed.head, false)) return classed.name;
    }
  }
  if (title) {
    const words = title.replace(/[“”"]/g, "").trim().split(/\s+/);
    const last = words.at(-1)!.toLowerCase();
    const plural = /[^s]s$/.test(last);
    if (fits(plural ? last.slice(0, -1) : last, plural) && words.length >= 2)
      return /^the\s/i.test(title.trim()) ? title.trim() : `The ${title.trim()}`;
  }
  for (const a of recent.slice(0, 3)) {
    const np = introducedPhrase(a, d);
    if (np) return np;
  }
  return null;
}

// "The Treaty of Versailles" → "treaty"; "The Okinawa Reversion Agreement" → "agreement".
function headOfName(name: string): string {
  const words = name.split(/\s+(?:of|for|on)\s+/i)[0]!.split(/\s+/);
  return words
    .at(-1)!
    .toLowerCase()
    .replace(/[’']s$/, "");
}

// "ENIAC was the world's first operational … computer." → ENIAC, computer.
function classifiedAs(a: Annotated): { name: string; head: string } | null {
  const toks = a.tokens;
  const v = toks.findIndex((t) => isVerb(t));
  if (v <= 0 || !/^(?:is|was)$/.test(toks[v]!.lower)) return null;
  const name = namedSubject(a);
  // "The euro is the official currency of …": a one-word subject classed by the sentence names it too.
  if (!name || !(/\p{Lu}/u.test(name.replace(/^The /, "")) || /^The \p{Ll}+$/u.test(name))) return null;
  let head: Token | undefined;
  for (let i = v + 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.pos === "ADP" || isVerb(t) || /^[.;:()]$/.test(t.text) || t.lower === "that" || t.lower === "which") break;
    if (t.pos === "NOUN") head = t;
  }
  return head ? { name, head: lemma(head) } : null;
}

// "… signed two agreements …", "the first three projects under Japan’s $550 billion investment commitment".
function introducedPhrase(a: Annotated, d: DefiniteSubject): string | null {
  const toks = a.tokens;
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    if (t.pos !== "NOUN" || lemma(t) !== d.head || (t.lemma !== t.lower) !== d.plural) continue;
    let first = i;
    while (first > 0 && /^(?:ADJ|NUM|NOUN|DET)$/.test(toks[first - 1]!.pos) && toks[first - 1]!.lower !== "a") {
      first--;
      if (toks[first]!.pos === "DET") break;
    }
    // Hyphenated modifiers ("20-year") come in three tokens.
    while (
      first > 1 &&
      toks[first - 1]!.text === "-" &&
      toks[first - 2]!.start + toks[first - 2]!.text.length === toks[first - 1]!.start
    ) {
      first -= 2;
      while (first > 0 && /^(?:ADJ|NUM)$/.test(toks[first - 1]!.pos)) first--;
    }
    const lead = toks[first]!;
    // Only a counted or definite mention introduces the things: "two agreements", "the first three projects".
    const counted = lead.pos === "NUM" || lead.lower === "the" || toks.slice(first, i).some((x) => x.pos === "NUM");
    if (!counted || first === i) continue;
    let end = i;
    if (/^(?:of|under|between|for|from)$/.test(toks[i + 1]?.lower ?? "")) {
      let j = i + 2;
      let last = -1;
      while (j < toks.length && j - i <= 12) {
        const x = toks[j]!;
        if (isVerb(x) || /^(?:to|that|which|who|,|;|\.|\(|\))$/.test(x.lower)) break;
        if (x.pos === "NOUN" || x.pos === "PROPN") last = j;
        j++;
      }
      if (j - i <= 12 && last > i) end = last;
    }
    // "the agreements" again says no more than the subject itself.
    if (end === i && i - first === 1 && lead.pos === "DET") continue;
    let text = a.text.slice(lead.start, toks[end]!.end);
    text = text.replace(/^the\s+/i, "");
    if (!/^\p{Lu}/u.test(text) || toks[first]!.pos === "NUM") text = text.charAt(0).toLowerCase() + text.slice(1);
    if (toks.slice(first, end + 1).filter(isWordToken).length > 14) continue;
    return `The ${text}`;
  }
  return null;
}

/** The rewrite of a definite subject: "The document" → "The Okinawa Reversion Agreement". */
export function definiteFix(d: DefiniteSubject, referent: string): SubjectFix {
  return { start: d.start, end: d.end, text: referent };
}
