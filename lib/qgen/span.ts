import type { FactType } from "./bank";
import type { Annotated, Token } from "./annotate";

/** "name" marks a capitalised run not yet classified (resolved corpus-wide). */
export type SpanKind = FactType | "name";

export type Span = {
  kind: SpanKind;
  /** Character offsets within the sentence. */
  start: number;
  end: number;
  text: string;
  /** How the span was found; drives its base score. */
  origin: "entity" | "name" | "quote" | "acronym" | "defined" | "chunk";
  /** A noun-phrase chunk or single name that the corpus mentions more than once. */
  repeated?: boolean;
  /** A phrase the document uses in three or more sentences: one of its key terms. */
  recurs?: boolean;
};

export function makeSpan(a: Annotated, first: number, last: number, kind: SpanKind, origin: Span["origin"]): Span {
  const start = a.tokens[first]!.start;
  const end = a.tokens[last]!.end;
  return { kind, start, end, text: a.text.slice(start, end), origin };
}

export const STOPWORDS = new Set(
  (
    "a an the and or but of to in on at by for with from as into onto over under about after before " +
    "since until during than that this these those it its he she they them his her their we our us you " +
    "your i my me is are was were be been being has have had do does did will would can could should may " +
    "might must not no so such also which who whom whose what when where while there here then just only " +
    "very more most some any all both each other another one"
  ).split(" "),
);

export const PRONOUNS = new Set("he she it they this these those his her its their him them we i you that".split(" "));

export function isWordToken(t: Token): boolean {
  return /[\p{L}\p{N}]/u.test(t.text);
}

export function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

// "gross national product (GNP)", "7,855 m (25,771 ft)": the blank covers the
// bracketed acronym or conversion too (it would give the answer away), but the
// answer is the expansion or the measure alone.
const BRACKETED_TAIL = /\s*\((?:[A-Z][A-Za-z.]+|[^()]*\d[^()]*)\)$/;
export const withoutAcronym = (text: string): string => text.replace(BRACKETED_TAIL, "");
