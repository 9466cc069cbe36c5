import type { FactType } from "./bank";
import type { Annotated, Token } from "./annotate";
import type { Span } from "./span";

// "by 2027" or "since 1990" do not answer "when?".
const TIME_PREPS = new Set(["in", "on", "during"]);
const MAX_QUESTION_WORDS = 25;

/**
 * Turns a sentence into a wh-question about the span where the grammar is
 * simple enough to do so reliably; null means "use a cloze front instead".
 * `referent` replaces a leading he/she (the person the text was talking about).
 */
export function whQuestion(a: Annotated, span: Span, factType: FactType, referent?: string): string | null {
  const q = build(a, span, factType, referent);
  if (!q) return null;
  const words = q.split(/\s+/).length;
  return words >= 4 && words <= MAX_QUESTION_WORDS ? q : null;
}

function build(a: Annotated, span: Span, factType: FactType, referent?: string): string | null {
  const toks = a.tokens;
  const acronym = /\(([A-Z][A-Za-z.]+)\)$/.exec(span.text);
  if (acronym) return `What does ${acronym[1]} stand for?`;
  const first = toks.findIndex((t) => t.start >= span.start);
  const last = findLast(toks, (t) => t.end <= span.end);
  if (first < 0 || last < first) return null;
  // Subject position: "Shigeru Ishiba is a Japanese politician …" → "Who is …?"
  if (first === 0 && toks[last + 1] && /^(VERB|AUX)$/.test(toks[last + 1]!.pos)) {
    const wh =
      factType === "person"
        ? "Who"
        : factType === "organization" || factType === "place" || factType === "term"
          ? "What"
          : null;
    return wh && `${wh} ${clause(a, last + 1, toks.length)}?`;
  }
  if ((factType !== "year" && factType !== "date") || !TIME_PREPS.has(toks[first - 1]?.lower ?? "")) return null;
  const prep = first - 1;
  // "Formed in 1951, the treaty has been …" → "When was the treaty formed?"
  if (prep === 1 && toks[0]!.pos === "VERB" && /(ed|en|n)$/.test(toks[0]!.lower)) {
    const s = subjectAfterComma(toks, last + 1);
    if (!s) return null;
    const subject = subjectText(a, s.from, s.to, referent);
    return subject && `When ${isPlural(toks[s.to - 1]!) ? "were" : "was"} ${subject} ${toks[0]!.lower}?`;
  }
  // "<subject> <aux> <verb> … in 2012" or "<subject> <past verb> … in 1987"
  const v = toks.findIndex((t) => t.pos === "VERB" || t.pos === "AUX");
  const simpleSubject = toks
    .slice(0, v)
    .every((t) => (t.pos !== "PUNCT" || /^[-–'’]$/.test(t.text)) && (t.pos !== "ADP" || t.lower === "of"));
  if (v <= 0 || !simpleSubject || v > prep) return null;
  const subject = subjectText(a, 0, v, referent);
  if (!subject) return null;
  const rest = clause(a, v + 1, prep);
  // A second verb means a second clause; the date may belong to either.
  if (
    toks.slice(v + 1, prep).some((t) => t.pos === "VERB" && toks[v]!.pos === "VERB") ||
    toks.slice(v + 2, prep).some((t) => t.pos === "VERB")
  )
    return null;
  const verb = toks[v]!;
  if (verb.pos === "AUX")
    return /^(was|were|is|are|has|had|have|will)$/.test(verb.lower) && rest
      ? `When ${verb.lower} ${subject} ${rest}?`
      : null;
  if (verb.lower === verb.lemma || !/ed$/.test(verb.lower)) return null; // only regular past tense, to stay grammatical
  return `When did ${subject} ${verb.lemma}${rest ? " " + rest : ""}?`;
}

function subjectText(a: Annotated, from: number, to: number, referent?: string): string | null {
  const toks = a.tokens;
  if (to - from === 1 && /^(he|she)$/i.test(toks[from]!.text)) return referent ?? null;
  if (!toks.slice(from, to).some((t) => t.pos === "NOUN" || t.pos === "PROPN")) return null;
  const text = a.text.slice(toks[from]!.start, toks[to - 1]!.end);
  return toks[from]!.pos === "PROPN" ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function subjectAfterComma(toks: Token[], from: number): { from: number; to: number } | null {
  for (let i = from; i < toks.length; i++) {
    if (toks[i]!.text !== ",") continue;
    let j = i + 1;
    while (j < toks.length && (!/^(VERB|AUX|PUNCT|ADP)$/.test(toks[j]!.pos) || /^[-–'’]$/.test(toks[j]!.text))) j++;
    if (j > i + 1 && j < toks.length && /^(VERB|AUX)$/.test(toks[j]!.pos)) return { from: i + 1, to: j };
  }
  return null;
}

// The words from `from` up to `to`, stopping at a comma, so a question asks one thing.
function clause(a: Annotated, from: number, to: number): string {
  const toks = a.tokens;
  let end = from;
  while (end < to && toks[end]!.text !== "," && toks[end]!.text !== ";" && !/^[.!?]$/.test(toks[end]!.text)) end++;
  if (end <= from) return "";
  return a.text.slice(toks[from]!.start, toks[end - 1]!.end);
}

function isPlural(t: Token): boolean {
  return t.pos === "NOUN" && t.lemma !== t.lower && /s$/.test(t.lower);
}

function findLast<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i]!)) return i;
  return -1;
}
