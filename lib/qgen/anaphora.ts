import type { Annotated } from "./annotate";
import { isWordToken } from "./span";

/** A back-pointing subject word of a sentence and, when it can be resolved, what it stands for. */
export type Anaphor = {
  /** Character offsets of the pronoun or demonstrative phrase in the sentence. */
  start: number;
  end: number;
  kind: "person" | "thing" | "other";
  possessive: boolean;
  /** A demonstrative with its noun ("these projects"): it names the kind of thing, if not which one. */
  phrase: boolean;
};

/** A rewrite of the sentence's anaphor, applied to every prompt made from it. */
export type SubjectFix = {
  start: number;
  end: number;
  text: string;
  /** The previous sentence, put before the prompt because nothing shorter names the subject. */
  context?: boolean;
};

const PERSONAL = new Set(["he", "she", "his", "her"]);
const THING = new Set(["it", "its"]);
const OTHER = new Set(["they", "their", "this", "these", "those", "such"]);
const DEMONSTRATIVE = new Set(["this", "these", "those", "such"]);

const isVerb = (pos: string) => pos === "VERB" || pos === "AUX";

/**
 * The sentence's subject (the words before its first verb, at the start or
 * right after an opening clause) when it is a pronoun, a possessive or a
 * demonstrative phrase ("It was…", "His party…", "This agreement…").
 */
export function findAnaphor(a: Annotated): Anaphor | null {
  const toks = a.tokens;
  // "Hence it is …", "Thus they …": a linking adverb before the subject.
  const starts = [toks[0]?.pos === "ADV" && toks[1]?.text !== "," ? 1 : 0];
  const comma = toks.findIndex((t) => t.text === ",");
  if (comma > 0 && comma < 25) starts.push(comma + 1);
  for (const from of starts) {
    const v = toks.findIndex((t, i) => i >= from && isVerb(t.pos));
    if (v < 0) continue;
    const subject = toks.slice(from, v).filter(isWordToken);
    if (subject.length === 0 || subject.length > 4) continue;
    const first = subject[0]!;
    const w = first.lower;
    if (!PERSONAL.has(w) && !THING.has(w) && !OTHER.has(w)) continue;
    // A bare "this"/"that" is too often a clause, not a subject; "This agreement" is a phrase.
    if (DEMONSTRATIVE.has(w) && subject.length < 2 && first.pos !== "PRON") continue;
    // Quoted speech ("“This is what…”") points at the speaker's situation, not at the text.
    if (/[“"]\s*$/.test(a.text.slice(0, first.start))) continue;
    const kind = PERSONAL.has(w) ? "person" : THING.has(w) ? "thing" : "other";
    const possessive = w === "his" || w === "its" || (w === "her" && subject.length > 1);
    const phrase = DEMONSTRATIVE.has(w) && subject.length >= 2;
    return { start: first.start, end: first.end, kind, possessive, phrase };
  }
  return null;
}

/**
 * The subject of a sentence as a self-contained phrase, when it is a short
 * name or a definite phrase led by a name ("The Treaty of Versailles",
 * "ENIAC"): what a following "it" most likely refers to.
 */
export function namedSubject(a: Annotated): string | null {
  const toks = a.tokens;
  let v = toks.findIndex((t) => isVerb(t.pos));
  // "The defense budget, which fell short…, still had…": the subject ends before its relative clause.
  const comma = toks.findIndex((t) => t.text === ",");
  if (comma > 0 && comma < v && /^(?:which|who|whose)$/i.test(toks[comma + 1]?.text ?? "")) v = comma;
  if (v <= 0) return null;
  // A bracketed aside ("The Treaty of Versailles (French: …)") is left out of the referent.
  const subject: typeof toks = [];
  let depth = 0;
  for (const t of toks.slice(0, v)) {
    if (t.text === "(") depth++;
    else if (t.text === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) subject.push(t);
  }
  // "The Treaty of Versailles" keeps its "of"; a clause or a pronoun does not make a clean subject.
  if (depth > 0 || subject.some((t) => /^[,;:“"]$/.test(t.text) || t.pos === "PRON" || t.pos === "SCONJ")) return null;
  const words = subject.filter(isWordToken);
  if (words.length === 0 || words.length > 6) return null;
  const definite = words[0]!.lower === "the" && words.length >= 2;
  if (!definite && words[0]!.pos !== "PROPN") return null;
  // A plural subject is not an "it".
  const last = words.at(-1)!;
  if (last.pos === "NOUN" && /[^s]s$/.test(last.lower)) return null;
  return subject
    .map((t, k) => (k === 0 ? "" : a.text.slice(subject[k - 1]!.end, t.start).replace(/\s+/g, " ") || "") + t.text)
    .join("")
    .replace(/\s+([.,])/g, "$1");
}

/** The rewrite that makes a sentence self-contained, given what its anaphor refers to. */
export function subjectFix(a: Annotated, anaphor: Anaphor, referent: string): SubjectFix {
  const atStart = anaphor.start === a.tokens[0]?.start;
  let text = referent;
  if (!atStart) text = text.replace(/^The\b/, "the");
  if (anaphor.possessive) text += "’s";
  return { start: anaphor.start, end: anaphor.end, text };
}

/** Applies a value edit and the subject fixes together; a fix that overlaps the edit is left out. */
export function withFix(
  text: string,
  start: number,
  end: number,
  value: string,
  fix: SubjectFix | readonly SubjectFix[] | undefined,
  replace: (text: string, start: number, end: number, value: string) => string = plainReplace,
): string {
  const fixes = (Array.isArray(fix) ? fix : fix ? [fix] : []) as SubjectFix[];
  const kept = fixes.filter((f) => !(f.start < end && f.end > start));
  // Edit from the end of the text backwards so the earlier offsets stay valid.
  const after = kept.filter((f) => f.start >= end).sort((x, y) => y.start - x.start);
  const before = kept.filter((f) => f.start < end).sort((x, y) => y.start - x.start);
  let out = text;
  for (const f of after) out = plainReplace(out, f.start, f.end, f.text);
  out = replace(out, start, end, value);
  for (const f of before) out = plainReplace(out, f.start, f.end, f.text);
  return out;
}

const plainReplace = (text: string, start: number, end: number, value: string) =>
  text.slice(0, start) + value + text.slice(end);
