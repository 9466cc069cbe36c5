import { getNlp } from "../text/nlp";
import { ENDS_WITH_UNIT, STARTS_SENTENCE } from "../text/sentences";
import { joinSplitWords, type Annotated, type Token, type WinkEntity } from "./annotate";

export type AnnotatedSentence = {
  /** Offsets in the document: text === doc.slice(start, end). */
  start: number;
  end: number;
  text: string;
  annotated: Annotated;
};

const LINE = /[^\r\n]+/g;

/**
 * The sentences of a document with their tokens, from a single wink-nlp pass
 * per line. Boundaries follow lib/text/sentences.ts (line breaks end a
 * sentence; a split "U.S." is rejoined) — tests check the two agree — but
 * reading each line once, rather than once to split and again to tag, halves
 * the cost of the most expensive step.
 */
export function readDocument(text: string): AnnotatedSentence[] {
  const nlp = getNlp();
  const its = nlp.its;
  const out: AnnotatedSentence[] = [];
  for (const line of text.matchAll(LINE)) {
    if (line[0].trim() === "") continue;
    const doc = nlp.readDoc(line[0]);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
    const starts: number[] = [];
    let at = 0;
    for (let i = 0; i < values.length; i++) {
      at += spaces[i]!.length;
      starts.push(at);
      at += values[i]!.length;
    }
    const entityTypes = doc.entities().out(its.type) as string[];
    const entitySpans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
    const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
    const endOf = (i: number) => starts[i]! + values[i]!.length;
    const merged = mergeBrokenInitialisms(line[0], starts, endOf, spans);
    for (const [first, last] of splitAfterUnits(line[0], starts, endOf, merged)) {
      const s = starts[first]!;
      const e = endOf(last);
      const sentenceText = line[0].slice(s, e);
      if (sentenceText.trim() === "") continue;
      const own: Token[] = [];
      for (let i = first; i <= last; i++) {
        const v = values[i]!;
        const start = starts[i]! - s;
        own.push({
          text: v,
          start,
          end: start + v.length,
          pos: pos[i] ?? "X",
          lemma: (lemmas[i] ?? v).toLowerCase(),
          lower: v.toLowerCase(),
        });
      }
      const entities: WinkEntity[] = [];
      entityTypes.forEach((type, k) => {
        const [a, b] = entitySpans[k]!;
        if (a >= first && b <= last) entities.push({ type, first: a - first, last: b - first });
      });
      out.push({
        start: line.index + s,
        end: line.index + e,
        text: sentenceText,
        annotated: joinSplitWords({ text: sentenceText, tokens: own, entities }),
      });
    }
  }
  return out;
}

// As in lib/text/sentences.ts: wink splits "Japan-U.S. relationship" after
// "U."; rejoin when a piece ends in a lone capital and period and the next
// starts with one.
function mergeBrokenInitialisms(
  line: string,
  starts: number[],
  endOf: (i: number) => number,
  spans: Array<[number, number]>,
): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    const prev = merged.at(-1);
    if (
      prev &&
      /(?:^|[^A-Za-z])[A-Z]\.$/.test(line.slice(starts[prev[0]]!, endOf(prev[1]))) &&
      /^[A-Z]\.(?:[A-Z]\.)*(?:\s|$|[,;:])/.test(line.slice(starts[a]!, endOf(b)))
    ) {
      prev[1] = b;
    } else {
      merged.push([a, b]);
    }
  }
  return merged;
}

// As in lib/text/sentences.ts: "8848 m. In 2010 …" is two sentences, which wink reads as one.
function splitAfterUnits(
  line: string,
  starts: number[],
  endOf: (i: number) => number,
  spans: Array<[number, number]>,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    let from = a;
    for (let i = a; i < b; i++)
      if (
        line.charCodeAt(endOf(i) - 1) === 46 && // "."
        ENDS_WITH_UNIT.test(line.slice(Math.max(starts[from]!, endOf(i) - 8), endOf(i))) &&
        STARTS_SENTENCE.test(line.slice(starts[i + 1]!, starts[i + 1]! + 1))
      ) {
        out.push([from, i]);
        from = i + 1;
      }
    out.push([from, b]);
  }
  return out;
}
