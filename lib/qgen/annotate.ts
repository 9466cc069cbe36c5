import { getNlp } from "../text/nlp";

export type Token = {
  text: string;
  /** Character offsets within the sentence. */
  start: number;
  end: number;
  pos: string;
  lemma: string;
  lower: string;
};

export type WinkEntity = { type: string; first: number; last: number };

export type Annotated = { text: string; tokens: Token[]; entities: WinkEntity[] };

/** One wink-nlp pass over a sentence: tokens with offsets, POS, lemmas and entities. */
export function annotate(text: string): Annotated {
  const nlp = getNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  // The lemma helper's typing differs from the other token helpers.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    const value = values[i]!;
    out.push({
      text: value,
      start: at,
      end: at + value.length,
      pos: pos[i]!,
      lemma: lemmas[i]!.toLowerCase(),
      lower: value.toLowerCase(),
    });
    at += value.length;
  }
  const entities: WinkEntity[] = [];
  const types = doc.entities().out(its.type) as string[];
  const spans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  for (let i = 0; i < types.length; i++) {
    const span = spans[i];
    if (span) entities.push({ type: types[i]!, first: span[0], last: span[1] });
  }
  return joinSplitWords({ text, tokens: out, entities });
}

const LETTER = /\p{L}/u;
const NON_ASCII_LETTER = /[^\x00-\x7f]/;

/**
 * wink-nlp cuts words at letters outside ASCII ("Satō" → "Sat" + "ō"). A
 * span ending on such a cut would blank half a name, so glued pieces that
 * are both letters, one of them non-ASCII, become one token again (with the
 * first piece's tag, and entities re-indexed).
 */
export function joinSplitWords(a: Annotated): Annotated {
  const toks = a.tokens;
  const glued = (i: number) =>
    i > 0 &&
    toks[i]!.start === toks[i - 1]!.end &&
    LETTER.test(toks[i]!.text) &&
    LETTER.test(toks[i - 1]!.text.at(-1)!) &&
    (NON_ASCII_LETTER.test(toks[i]!.text[0]!) || NON_ASCII_LETTER.test(toks[i - 1]!.text.at(-1)!));
  if (!toks.some((_, i) => glued(i))) return a;
  const out: Token[] = [];
  const newIndex: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (glued(i)) {
      const prev = out.at(-1)!;
      const text = a.text.slice(prev.start, t.end);
      const pos = prev.pos === "PROPN" || t.pos === "PROPN" ? "PROPN" : prev.pos;
      out[out.length - 1] = { ...prev, text, end: t.end, pos, lower: text.toLowerCase(), lemma: text.toLowerCase() };
    } else out.push({ ...t });
    newIndex.push(out.length - 1);
  }
  const entities = a.entities.map((e) => ({ ...e, first: newIndex[e.first]!, last: newIndex[e.last]! }));
  return { text: a.text, tokens: out, entities };
}
