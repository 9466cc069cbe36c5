import type { FactType } from "./bank";
import { fineKind, listedValues, overlapsPlace } from "./kinds";
import { isOrgHead, isPlaceHead } from "./lexicon";
import { containsWord } from "./quality";
import { fnv1a, seededRandom } from "./random";
import { formatKey, formatNumeric, MONTH_NAMES, parseNumeric, valueKey } from "./values";

type PoolEntry = {
  text: string;
  kind: string;
  key: string;
  lower: string;
  words: string[];
  head: string;
  multiword: boolean;
  year: number | null;
};
export type DistractorPool = Map<string, PoolEntry[]>;

function entry(factType: FactType, text: string): PoolEntry {
  const lower = text.trim().toLowerCase();
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const year = /\d{4}/.exec(text)?.[0];
  return {
    text,
    kind: fineKind(factType, text),
    key: valueKey(factType, text),
    lower,
    words,
    head: lower.split(/\s+/).at(-1)!,
    multiword: /\s/.test(lower),
    year: year ? Number(year) : null,
  };
}

/** Groups a scope's values (one document, or related documents) by type and unit style. */
export function buildPool(values: Array<{ factType: FactType; text: string }>): DistractorPool {
  const pool: DistractorPool = new Map();
  const seen = new Set<string>();
  for (const v of values) {
    const key = formatKey(v.factType, v.text);
    const e = entry(v.factType, v.text);
    const id = `${key}\u0000${e.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const list = pool.get(key) ?? [];
    list.push(e);
    pool.set(key, list);
  }
  return pool;
}

export type DistractorOptions = {
  seed: number;
  count?: number;
  /** The source sentence: a choice it names or rules out is no distractor. */
  sentence?: string;
  /** Where the answer sits in the sentence, so its other values can be compared. */
  spanStart?: number;
  /** Pools in order of preference: the same document, then related documents. */
  pools: DistractorPool[];
  /** A further test every distractor must pass (e.g. grammar around the blank). */
  accept?: (candidate: string) => boolean;
  /** Also try same-kind values a package lists, then perturbed numbers (default true). */
  fallbacks?: boolean;
};

/**
 * Up to `count` distractors of the same fine kind and format as the answer:
 * values from the answer's own document first, then from related documents
 * (each in a seeded order), then same-kind lists (countries, capitals), then
 * plausible perturbations of numbers and dates. None equals the answer or
 * another distractor once normalised, appears in the sentence, is ruled out
 * by it (a year on the wrong side of another year it names), or is also true
 * (a country's capital for the country).
 */
export function pickDistractors(factType: FactType, answer: string, opts: DistractorOptions): string[] {
  const { seed, count = 3, sentence = "", pools } = opts;
  const inSentence = sentence.toLowerCase();
  const a = entry(factType, answer);
  const kind = fineKind(factType, answer);
  const taken = new Set([a.key]);
  // Generic heads ("University", "Strait") may be shared; names may not.
  const answerWords = new Set(
    a.words.filter((w) => w.length > 2 && (factType === "person" || !(isOrgHead(w) || isPlaceHead(w)))),
  );
  const numeric = isNumeric(factType);
  const order = numeric ? orderConstraints(factType, answer, sentence, opts.spanStart ?? -1) : null;
  const out: string[] = [];
  const accept = (value: string, key: string, lower: string, words: string[]) => {
    if (out.length >= count || taken.has(key) || !lower) return;
    // "Thirteen teams" opened a sentence; here the blank is mid-sentence ("four groups").
    const candidate = numeric ? matchCase(value, answer) : value;
    // A choice already named elsewhere in the sentence is an obvious wrong answer.
    if (containsWord(inSentence, lower)) return;
    // "zero" among counts is another kind of answer.
    if (numeric && /^(?:zero|none|0)$/i.test(candidate)) return;
    // "Ishiba" is no distractor for "Shigeru Ishiba", nor "liquified natural gas" for "liquefied natural gas".
    if (!numeric && words.some((w) => answerWords.has(w))) return;
    // "America" beside "United States": two names of one country, both correct or both wrong.
    if (!numeric && (overlapsPlace(answer, candidate) || out.some((o) => overlapsPlace(o, candidate)))) return;
    // 13.9°C (an average) among 0.06°C and 0.15°C (rates): a figure of another order is another kind of value.
    if (factType === "quantity" && !sameOrder(answer, candidate, 4)) return;
    // "$338.1 billion" (a whole budget) among "$4.1 billion" (one line of it) is a figure of another order.
    if (factType === "money" && !sameOrder(answer, candidate, 8)) return;
    // "0.02 percent" among "5.2 percent" and "5.8 percent": a share of another order is no lure.
    if (factType === "percent" && !sameOrder(answer, candidate, 5)) return;
    // "8844.43 m" alone with decimals, or "1.004 percent" among "5.2 percent": the odd format gives the answer away.
    if (numeric && !sameFormat(factType, answer, candidate)) return;
    if (order && !order(candidate)) return;
    if (factType === "date" && !sameDateShape(answer, candidate, sentence)) return;
    if (opts.accept && !opts.accept(candidate)) return;
    taken.add(key);
    out.push(candidate);
  };
  // Same head word first ("Keio University" for "Waseda University"), then
  // values near in time, then a seeded order.
  const rank = (e: PoolEntry) =>
    (e.head === a.head && e.multiword ? 0 : 2) +
    (a.year !== null && e.year !== null && Math.abs(a.year - e.year) > 40 ? 1 : 0) +
    fnv1a(`${seed}|${answer}|${e.text}`) / 2 ** 32;
  // A bare surname gets bare surnames.
  const surnameOnly = factType === "person" && !a.multiword;
  const format = formatKey(factType, answer);
  for (const pool of pools) {
    const corpus = window(pool.get(format) ?? [], fnv1a(`${seed}|${answer}`))
      .filter((e) => e.kind === kind)
      .map((e) => ({ e, r: rank(e) }))
      .sort((x, y) => x.r - y.r);
    for (const { e } of corpus) {
      if (out.length >= count) break;
      if (!sameMeasure(factType, a, e)) continue;
      if (surnameOnly) {
        const last = e.text.trim().split(/\s+/).at(-1)!;
        accept(last, valueKey(factType, last), last.toLowerCase(), [last.toLowerCase()]);
      } else accept(e.text, e.key, e.lower, e.words);
    }
  }
  if (opts.fallbacks === false) return out;
  if (out.length < count) {
    // In the list's order: nearest (neighbours, same subregion) first.
    for (const v of listedValues(kind, answer)) {
      if (out.length >= count) break;
      const e = entry(factType, v);
      accept(v, e.key, e.lower, e.words);
    }
  }
  if (out.length < count && numeric) {
    const random = seededRandom(fnv1a(`${seed}|perturb|${answer}`));
    for (let tries = 0; out.length < count && tries < 40; tries++) {
      const p = perturb(factType, answer, random);
      if (p) accept(p, valueKey(factType, p), p.toLowerCase(), []);
    }
  }
  return out;
}

/**
 * "In _____, imports fell 15% compared with 2015": the answer comes after
 * 2015, so an earlier year is ruled out by the sentence. A candidate must
 * stand on the same side of every other year the sentence names.
 */
export function orderConstraints(
  factType: FactType,
  answer: string,
  sentence: string,
  spanStart: number,
): ((candidate: string) => boolean) | null {
  if (factType !== "year" && factType !== "date") return null;
  const year = (s: string) => {
    const m = /\b(1\d{3}|20\d{2})s?\b/.exec(s);
    return m ? Number(m[1]) : null;
  };
  const own = year(answer);
  if (own === null) return null;
  const others: number[] = [];
  for (const m of sentence.matchAll(/\b(1\d{3}|20\d{2})s?\b/g)) {
    if (spanStart >= 0 && m.index >= spanStart && m.index < spanStart + answer.length) continue;
    const y = Number(m[1]);
    if (y !== own) others.push(y);
  }
  // "the first year to set a record in the 21st century": a year of another century is ruled out.
  const century = /\b(\d{1,2})(?:st|nd|rd|th)[\s-]century\b/i.exec(sentence);
  const inCentury =
    century && Math.floor((own - 1) / 100) + 1 === Number(century[1])
      ? (y: number) => Math.floor((y - 1) / 100) + 1 === Number(century[1])
      : null;
  if (others.length === 0 && !inCentury) return null;
  return (candidate) => {
    const y = year(candidate);
    if (y === null) return true;
    return (!inCentury || inCentury(y)) && others.every((o) => Math.sign(y - o) === Math.sign(own - o));
  };
}

/** A document year more than this far from the answer belongs to another era of the text ("1856" beside "2005"). */
const YEAR_REACH = 30;
/** A measure drawn from the document must be this close to the answer to be a figure of the same thing. */
const MEASURE_REACH = 1.1;

/**
 * A figure the document gives for something else is no lure: Mauna Kea's 4,205 m offered as Everest's
 * height, 2005 for a naming of the colonial era. Document years stay within thirty years of the answer and
 * measures with a unit within a tenth of it; anything else falls back to same-format perturbations.
 */
function sameMeasure(factType: FactType, a: PoolEntry, e: PoolEntry): boolean {
  if (factType === "year" || factType === "date")
    return a.year === null || e.year === null || Math.abs(a.year - e.year) <= YEAR_REACH;
  if (factType !== "quantity" || !isMeasure(a.text)) return true;
  return sameOrder(a.text, e.text, MEASURE_REACH);
}

/** A quantity with a unit of measure ("8,848 m", "9.2 gigawatts"), not a bare count ("217"). */
function isMeasure(text: string): boolean {
  const p = parseNumeric(text.trim());
  return !!p && !p.word && /\p{L}|°|%/u.test(p.suffix) && !/^\s*(?:years?|months?|weeks?|days?)\b/i.test(p.suffix);
}

/**
 * "in the 1930 tournament … on _____" (18 July 1930): where the prompt names the answer's year elsewhere, a date
 * of another year is ruled out; a range ("13 to 30 May 1926") is no lure for a single day.
 */
function sameDateShape(answer: string, candidate: string, sentence: string): boolean {
  const range = /\d\s*(?:to|–|-|and)\s*\d/;
  if (range.test(candidate) !== range.test(answer)) return false;
  const year = /\b(1\d{3}|20\d{2})\b/.exec(answer)?.[1];
  if (!year) return true;
  const named = sentence.split(year).length - 1;
  return named < 2 || candidate.includes(year);
}

/** Same decimals, and digit grouping alike where it shows (four digits or more). */
function sameFormat(factType: FactType, answer: string, candidate: string): boolean {
  if (factType === "year" || factType === "date") return true;
  const a = parseNumeric(answer);
  const b = parseNumeric(candidate);
  if (!a || !b || a.word || b.word) return true;
  if (a.decimals !== b.decimals) return false;
  return a.number < 1000 || b.number < 1000 || a.grouped === b.grouped;
}

function sameOrder(answer: string, candidate: string, factor: number): boolean {
  const a = parseNumeric(answer)?.number;
  const b = parseNumeric(candidate)?.number;
  if (a === undefined || b === undefined || a <= 0 || b <= 0) return true;
  return Math.max(a, b) / Math.min(a, b) <= factor;
}

function matchCase(value: string, answer: string): string {
  if (!/^\p{L}/u.test(value) || !/^\p{L}/u.test(answer)) return value;
  const upper = /^\p{Lu}/u.test(answer);
  return (upper ? value[0]!.toUpperCase() : value[0]!.toLowerCase()) + value.slice(1);
}

function isNumeric(t: FactType): boolean {
  return t === "date" || t === "year" || t === "money" || t === "percent" || t === "quantity";
}

function perturb(factType: FactType, answer: string, random: () => number): string | null {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  if (factType === "year") {
    const m = /^(\d{4})(s?)$/.exec(answer.trim());
    if (!m) return null;
    const step = m[2] ? 10 * pick([1, 2, 3]) : pick([1, 2, 3, 4, 5, 6, 8, 10, 12, 15]);
    return `${Number(m[1]) + step * (random() < 0.5 ? -1 : 1)}${m[2]}`;
  }
  if (factType === "date") return perturbDate(answer, random);
  const p = parseNumeric(answer);
  // A range ("2014–2023") or a ratio ("1:1") does not perturb into anything sensible.
  if (!p || /\d/.test(p.prefix + p.suffix)) return null;
  // Not halves and doubles of the answer (34,173 beside 68,346 gives it away): nearby values,
  // rounded to the answer's own precision (1,800,000 gets 1,300,000, not 1,260,000).
  // A measure keeps close to the answer ("8,848 m" gets "9,733 m", not "14,157 m"): far values are absurd.
  const factor = isMeasure(answer) ? pick([0.8, 0.85, 0.9, 1.1, 1.15, 1.2]) : pick([0.6, 0.7, 0.8, 1.2, 1.3, 1.4, 1.6]);
  let n = p.number * factor;
  if (p.word || p.decimals === 0) {
    const zeros = p.word ? 0 : (/(0*)$/.exec(String(Math.round(p.number)))?.[1]?.length ?? 0);
    const unit = 10 ** Math.min(zeros, Math.max(0, String(Math.round(p.number)).length - 2));
    n = Math.round(n / unit) * unit;
  }
  if (factType === "percent" && n > 100 && p.number <= 100) n = Math.round(p.number / 2);
  if (n === p.number || n <= 0) n = p.number + pick([1, 2, 3]);
  if (n === 0) return null;
  if (p.word && n < 2 && p.number >= 2) return null; // keep the plural noun grammatical
  return formatNumeric(p, n) || null;
}

function perturbDate(answer: string, random: () => number): string | null {
  const month = MONTH_NAMES.findIndex(
    (m) => answer.includes(m) || answer.includes(m.slice(0, 3) + " ") || answer.includes(m.slice(0, 3) + "."),
  );
  const year = /\b(\d{4})\b/.exec(answer);
  const shiftYear = (s: string) =>
    year ? s.replace(year[1]!, String(Number(year[1]) + Math.ceil(random() * 4) * (random() < 0.5 ? -1 : 1))) : s;
  if (month >= 0) {
    const full = MONTH_NAMES[month]!;
    const name = answer.includes(full) ? full : full.slice(0, 3);
    const other = MONTH_NAMES[(month + 1 + Math.floor(random() * 11)) % 12]!;
    let replaced = answer.replace(name, name === full ? other : other.slice(0, 3));
    // Keep the day valid in every month.
    replaced = replaced.replace(/\b(29|30|31)\b(?=,? \d{4}|$)/, () => String(1 + Math.floor(random() * 28)));
    return random() < 0.5 ? replaced : shiftYear(replaced);
  }
  const numeric = /^(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})$/.exec(answer.trim());
  if (numeric) return shiftYear(answer);
  return null;
}

const WINDOW = 16;

// A large corpus has thousands of candidates; a seeded window of them keeps
// the cost per question constant while small pools are used whole.
function window(list: PoolEntry[], h: number): PoolEntry[] {
  if (list.length <= WINDOW) return list;
  const start = h % list.length;
  const out = list.slice(start, start + WINDOW);
  return out.length < WINDOW ? out.concat(list.slice(0, WINDOW - out.length)) : out;
}
