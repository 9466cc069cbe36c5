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
  return { text, tokens: out, entities };
}
