import type { FactType } from "./bank";
import { normalizeForMatch } from "../text/normalize";
import { isPlaceHead } from "./lexicon";

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const SMALL_NUMBERS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];
const SCALES = "hundred|thousand|million|billion|trillion";

/** The value of a number written as a word ("five" → 5), or -1. */
export const wordNumber = (word: string): number => SMALL_NUMBERS.indexOf(word.toLowerCase());

/** A parsed numeric value: the number, and the text around it to keep the format. */
export type NumericParts = {
  prefix: string;
  number: number;
  decimals: number;
  grouped: boolean;
  suffix: string;
  word: boolean;
  /** The number word as written ("Thirteen"), to keep its case. */
  wordText?: string;
};

export function parseNumeric(text: string): NumericParts | null {
  const m = /^(.*?)(\d[\d,]*(?:\.\d+)?)(.*)$/s.exec(text);
  if (m) {
    const digits = m[2]!;
    const decimals = digits.includes(".") ? digits.split(".")[1]!.length : 0;
    return {
      prefix: m[1]!,
      number: Number(digits.replace(/,/g, "")),
      decimals,
      grouped: digits.includes(","),
      suffix: m[3]!,
      word: false,
    };
  }
  const w = /^(.*?)\b([a-z]+)\b(.*)$/is.exec(text);
  const idx = w ? SMALL_NUMBERS.indexOf(w[2]!.toLowerCase()) : -1;
  if (!w || idx < 0) return null;
  return { prefix: w[1]!, number: idx, decimals: 0, grouped: false, suffix: w[3]!, word: true, wordText: w[2]! };
}

export function formatNumeric(p: NumericParts, n: number): string {
  if (p.word && Number.isInteger(n) && n >= 0 && n < SMALL_NUMBERS.length) {
    const w = SMALL_NUMBERS[n]!;
    const capital = /^\p{Lu}/u.test(p.wordText ?? "");
    return p.prefix + (capital ? w[0]!.toUpperCase() + w.slice(1) : w) + p.suffix;
  }
  // "nine" gets word numbers only; digits among words read as a different kind of answer.
  if (p.word) return "";
  const body = groupDigits(
    n.toFixed(p.decimals),
    p.grouped || (n >= 1000 && !/^\d{4}(?:\.\d+)?$/.test(String(p.number))),
  );
  return p.prefix + body + p.suffix;
}

// As toLocaleString("en-US") would write it, at a fraction of the cost.
function groupDigits(fixed: string, grouping: boolean): string {
  if (!grouping) return fixed;
  const [int, frac] = fixed.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Two values in the same unit style can stand in for each other as choices. */
export function formatKey(factType: FactType, text: string): string {
  const t = text.trim();
  switch (factType) {
    case "year":
      return /s$/.test(t) ? "decade" : "year";
    case "date":
      if (/^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/.test(t)) return "date:numeric";
      if (/^\p{L}+\.? \d{1,2},? \d{4}$/u.test(t)) return "date:mdy";
      if (/^\d{1,2} \p{L}+\.? \d{4}$/u.test(t)) return "date:dmy";
      if (/^\p{L}+ \d{4}$/u.test(t)) return "date:my";
      return "date:other";
    case "money":
    case "percent":
    case "quantity": {
      const p = parseNumeric(t);
      if (!p) return `${factType}:other`;
      const scale = new RegExp(`\\b(${SCALES})\\b`, "i").exec(p.suffix)?.[1]?.toLowerCase() ?? "";
      const unit = p.suffix
        .replace(new RegExp(`\\b(${SCALES})\\b`, "gi"), "")
        .trim()
        .toLowerCase()
        .replace(/s$/, "");
      return `${factType}:${p.prefix.trim().toLowerCase()}|${scale}|${unit}|${p.word ? "w" : "d"}`;
    }
    case "term":
    case "organization":
    case "place":
      if (/\([A-Z][A-Za-z.]+\)$/.test(t)) return `${factType}:acronym`;
      if (factType === "term") return /^\p{Lu}/u.test(t) ? "term:proper" : "term:common";
      // Named features ("Taiwan Strait") and plain names ("Tokyo") read differently in a sentence.
      if (factType === "place") return isPlaceHead(t.split(/\s+/).at(-1)!) ? "place:feature" : "place:name";
      return factType;
    default:
      return factType;
  }
}

/** Comparable form of a value: numbers compare by amount, text by normalised words. */
export function valueKey(factType: FactType, text: string): string {
  const norm = normalizeForMatch(text).replace(/[.,;:!?]+$/, "");
  if (factType === "money" || factType === "percent" || factType === "quantity") {
    const p = parseNumeric(text);
    if (p)
      return `${p.number}|${normalizeForMatch(p.suffix)
        .replace(/percent/, "%")
        .replace(/s$/, "")}`;
  }
  return norm.replace(/^the /, "");
}
