import type { ItemSentence } from "wink-nlp";
import { getNlp } from "./nlp";
import { normalizeForMatch, sha256Hex } from "./normalize";

export type Sentence = {
  /** Position of the sentence in the document, from 0. */
  index: number;
  /** Position of the paragraph (a run of text between line breaks), from 0. */
  paragraph: number;
  /** Character offsets into the document text: text === doc.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** sha256 of the normalised text; equal hashes mean the same words. */
  hash: string;
  /** Index of the first earlier sentence with the same hash, or null. */
  repeatOf: number | null;
};

const PARAGRAPH = /[^\r\n]+/g;

/**
 * Split a document into sentences with exact character offsets.
 * Line breaks always end a sentence (headings, list items); inside a line,
 * wink-nlp finds the boundaries. With `limit`, stops once more than `limit`
 * sentences are found (the caller refuses such a document without reading it all).
 */
export function splitSentences(text: string, limit = Infinity): Sentence[] {
  const nlp = getNlp();
  const its = nlp.its;
  const out: Sentence[] = [];
  const firstByHash = new Map<string, number>();
  let paragraph = 0;

  for (const line of text.matchAll(PARAGRAPH)) {
    if (out.length > limit) break;
    const lineStart = line.index;
    if (line[0].trim() === "") continue;
    const doc = nlp.readDoc(line[0]);
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const values = doc.tokens().out(its.value) as string[];
    // Token start offsets: wink keeps each token's preceding whitespace, so
    // the running sum reproduces the original positions exactly.
    const tokenStart: number[] = [];
    const tokenEnd: number[] = [];
    let pos = 0;
    for (let i = 0; i < values.length; i++) {
      pos += spaces[i]!.length;
      tokenStart.push(pos);
      pos += values[i]!.length;
      tokenEnd.push(pos);
    }
    const spans: Array<[number, number]> = [];
    doc.sentences().each((s: ItemSentence) => {
      const [a, b] = s.out(its.span) as unknown as [number, number];
      spans.push([tokenStart[a]!, tokenEnd[b]!]);
    });
    for (const [s, e] of splitAfterUnits(line[0], mergeBrokenInitialisms(line[0], spans))) {
      const start = lineStart + s;
      const end = lineStart + e;
      const sentenceText = text.slice(start, end);
      if (sentenceText.trim() === "") continue;
      const hash = sha256Hex(normalizeForMatch(sentenceText));
      const first = firstByHash.get(hash);
      if (first === undefined) firstByHash.set(hash, out.length);
      out.push({
        index: out.length,
        paragraph,
        start,
        end,
        text: sentenceText,
        hash,
        repeatOf: first ?? null,
      });
    }
    paragraph++;
  }
  return out;
}

// wink splits "Japan-U.S. relationship" after "U."; rejoin when a piece ends
// in a lone capital and period and the next starts with one.
function mergeBrokenInitialisms(line: string, spans: Array<[number, number]>) {
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const prev = merged.at(-1);
    if (
      prev &&
      /(?:^|[^A-Za-z])[A-Z]\.$/.test(line.slice(prev[0], prev[1])) &&
      /^[A-Z]\.(?:[A-Z]\.)*(?:\s|$|[,;:])/.test(line.slice(span[0], span[1]))
    ) {
      prev[1] = span[1];
    } else {
      merged.push([span[0], span[1]]);
    }
  }
  return merged;
}

// wink reads a metre sign before a period as an abbreviation ("8848 m. In 2010 …")
// and runs two sentences together; a number, a unit and a period before a capital
// end a sentence (a.m./p.m. have their own periods and are left alone).
const UNIT_END = /(?<=\d\s?(?:m|km|cm|mm|ft|mi|kg|lb)\.)\s+(?=[A-Z"“‘(])/g;
/** Text that ends with a number, a unit and its period ("8848 m."): a sentence end before a capital. */
export const ENDS_WITH_UNIT = /\d\s?(?:m|km|cm|mm|ft|mi|kg|lb)\.$/;
/** What may start the sentence after such an end. */
export const STARTS_SENTENCE = /^[A-Z"“‘(]/;

function splitAfterUnits(line: string, spans: Array<[number, number]>) {
  const out: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    let from = start;
    for (const m of line.slice(start, end).matchAll(UNIT_END)) {
      const at = start + m.index;
      out.push([from, at]);
      from = at + m[0].length;
    }
    out.push([from, end]);
  }
  return out;
}
