import type { Annotated } from "./annotate";
import { isUnit } from "./lexicon";
import { makeSpan, type Span } from "./span";

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const MONTH_RE = new RegExp(`\\b(?:${MONTHS})\\.?\\b`, "i");
const DATE_IN_TEXT = new RegExp(
  `\\b(?:(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2} (?:${MONTHS})\\.? \\d{4}|(?:${MONTHS}) \\d{4})\\b`,
  "gi",
);
const LEADING_MODIFIERS = new Set([
  "by",
  "in",
  "on",
  "since",
  "until",
  "till",
  "from",
  "during",
  "the",
  "about",
  "around",
  "nearly",
  "almost",
  "approximately",
  "roughly",
  "some",
  "over",
  "under",
  "early",
  "late",
  "mid",
  "of",
  "to",
]);
const RELATIVE_DATE = /^(?:today|tomorrow|yesterday|now|recently|this|last|next|that|these|those)\b/i;
const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several)/i;
const CURRENCY = /^[$€£¥₹]$/;
const SI_UNIT =
  /^(?:[kMGTmµnc]?(?:Hz|W|Wh|V|A|g|m|m2|m3|s|J|B|b|bps|L|l|t|Pa|N|K|°C|°F)|km\/h|mph|mm|cm|kg|mg|ha|ft|lb|oz)$/;

/** Dates, years, money, percentages and quantities, from wink-nlp's entity recogniser. */
export function numericSpans(a: Annotated): Span[] {
  const out: Span[] = [];
  const toks = a.tokens;
  for (const e of a.entities) {
    let first = e.first;
    let last = e.last;
    while (first < last && LEADING_MODIFIERS.has(toks[first]!.lower)) first++;
    while (last > first && toks[last]!.pos === "PUNCT") last--;
    if (toks[first - 1]?.text === "[" || toks[last + 1]?.text === "]") continue; // footnote marks
    const span = makeSpan(a, first, last, "quantity", "entity");
    switch (e.type) {
      case "DATE": {
        if (RELATIVE_DATE.test(span.text) || /https?:|\//.test(span.text)) break;
        if (/^\d{4}s?$/.test(span.text) || /^(?:the )?\d{4}s$/.test(span.text)) out.push({ ...span, kind: "year" });
        else if (
          /\d/.test(span.text) &&
          (MONTH_RE.test(span.text) || /^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/.test(span.text))
        )
          out.push({ ...span, kind: "date" });
        break;
      }
      case "DURATION": {
        // "from September 2020 to October 2021" holds two dates worth asking about.
        let found = false;
        for (const m of span.text.matchAll(DATE_IN_TEXT)) {
          const start = span.start + m.index;
          out.push({ kind: "date", start, end: start + m[0].length, text: m[0], origin: "entity" });
          found = true;
        }
        if (!found && (/\d/.test(span.text) || NUMBER_WORD.test(span.text))) out.push(span);
        break;
      }
      case "MONEY":
        out.push({ ...span, kind: "money" });
        break;
      case "PERCENT":
        out.push({ ...span, kind: "percent" });
        break;
      case "CARDINAL": {
        // A clock time ("9.00 a.m.") is rarely the fact a text is about.
        if (/^(?:a\.?m\.?|p\.?m\.?|o'clock|GMT|UTC|CET)$/i.test(toks[last + 1]?.text ?? "")) break;
        if (CURRENCY.test(toks[first - 1]?.text ?? "")) {
          out.push({ ...makeSpan(a, first - 1, last, "money", "entity") });
          break;
        }
        // "132 billion Marks": a number before a currency name is money.
        if (CURRENCY_WORD.test(toks[last + 1]?.text ?? "")) {
          out.push(makeSpan(a, first, last + 1, "money", "entity"));
          break;
        }
        const unitEnd = unitAfter(a, last);
        if (unitEnd !== null) {
          // A measure keeps its unit ("5 kg", "1800 square feet", "1.18°C").
          const measure = makeSpan(a, first, unitEnd, "quantity", "entity");
          // "8,848 m." at the end of a sentence: the full stop is not part of the answer.
          const trimmed = /\.$/.test(measure.text) && !/\.$/.test(a.tokens[unitEnd]!.text.slice(0, -1)) ? 1 : 0;
          out.push(trimmed ? { ...measure, end: measure.end - 1, text: measure.text.slice(0, -1) } : measure);
        } else if (/^(?:1[0-9]|20)\d{2}$/.test(span.text) && !countedNoun(a, last)) {
          out.push({ ...span, kind: "year" }); // "in 1850", "The year 2023"
        } else if (countedNoun(a, last) || (/\d/.test(span.text) && !/^\d{1,2}$/.test(span.text))) {
          // A count asks for the number alone: "_____ children", "nine major articles".
          out.push(span);
        }
        break;
      }
    }
  }
  return [...out, ...patternSpans(a)].map((s) => asYear(a, s));
}

// A bare number in the calendar range that counts nothing ("since 1961", "by 2030") is a year,
// never a quantity: scaled copies of it (2451, 4903) make absurd choices.
function asYear(a: Annotated, span: Span): Span {
  if (span.kind !== "quantity" || !/^(?:1[0-9]|20)\d{2}$/.test(span.text)) return span;
  const next = a.tokens.find((t) => t.start >= span.end && /[\p{L}\p{N}]/u.test(t.text));
  const between = next ? a.text.slice(span.end, next.start) : "";
  if (next && /^\s*$/.test(between) && (next.pos === "NOUN" || next.pos === "PROPN")) return span;
  return { ...span, kind: "year" };
}

const CURRENCY_WORD =
  /^(?:dollars?|euros?|yen|yuan|renminbi|marks?|francs?|rupees?|roubles?|rubles?|pesos?|won|lira|kronor|krona|kroner|dinars?|shillings?)$/i;
const UNIT_WORD =
  /^(?:(?:kilo|mega|giga)?(?:tons?|tonnes?|grams?|met(?:er|re)s?)|feet|foot|kilomet(?:er|re)s?|miles?|inches|yards?|acres?|hectares?|pounds|lit(?:er|re)s?|gallons?|barrels?|(?:kilo|mega|giga|tera)?watts?|(?:kilo|mega|giga|tera)watt-hours|volts?|degrees?|knots|calories)$/i;
const UNIT_TAIL = /^(?:°|º)[CF]?$/;

// Where the unit after a number ends, or null when the next word is not a unit.
function unitAfter(a: Annotated, last: number): number | null {
  const toks = a.tokens;
  let j = last + 1;
  // "1.18°C" is tokenised as "1.18", "°", "C".
  if (toks[j] && UNIT_TAIL.test(toks[j]!.text) && toks[j]!.start === toks[last]!.end) {
    if (toks[j + 1] && /^[CF]$/.test(toks[j + 1]!.text) && toks[j + 1]!.start === toks[j]!.end) return j + 1;
    return j;
  }
  if (toks[j] && /^(?:square|cubic)$/i.test(toks[j]!.text)) j++;
  const t = toks[j];
  const unit = t?.text.replace(/\.$/, "") ?? "";
  if (!t || !/\p{L}/u.test(unit) || !(isUnit(unit) || SI_UNIT.test(unit) || UNIT_WORD.test(unit))) return null;
  // "5.5 million tons per year"
  if (toks[j + 1]?.lower === "per" && toks[j + 2] && /^(?:NOUN|PROPN)$/.test(toks[j + 2]!.pos)) return j + 2;
  return j;
}

// The number counts something: a noun follows, maybe after adjectives ("nine major articles").
function countedNoun(a: Annotated, last: number): boolean {
  const toks = a.tokens;
  for (let j = last + 1; j < Math.min(toks.length, last + 6); j++) {
    const t = toks[j]!;
    if (t.pos === "NOUN" && /^\p{Ll}/u.test(t.text)) return true;
    if (t.pos === "ADJ" && /est$/.test(t.lower)) return true; // "the seven warmest"
    if (t.lower === "of" && j === last + 1) return true; // "twelve of the member states"
    // "four 20-year agreements": a hyphenated measure between the number and its noun.
    if (t.pos === "NUM" && toks[j + 1]?.text === "-" && toks[j + 1]!.start === t.end) {
      j += 2;
      continue;
    }
    if (t.pos !== "ADJ" && t.pos !== "DET") return false;
  }
  return false;
}

const MONTHS_RE = `(?:${MONTHS})\\.?`;
// Each pattern with a cheap test that must pass first: most sentences hold none of these figures.
const PATTERNS: Array<[RegExp, Span["kind"], RegExp]> = [
  // "$20–30 billion"
  [
    /[$€£¥]\d[\d.,]*\s?[–-]\s?\d[\d.,]*(?:\s(?:million|billion|trillion))?(?![\p{L}\p{N}])/giu,
    "money",
    /[$€£¥]\d[\d.,]*\s?[–-]/,
  ],
  // "13 to 30 July 1930", "July 13–30, 1930"
  [new RegExp(`\\b\\d{1,2}\\s?(?:to|–|-)\\s?\\d{1,2} ${MONTHS_RE} \\d{4}\\b`, "gi"), "date", /\d\s?(?:to|–|-)\s?\d/],
  [new RegExp(`\\b${MONTHS_RE} \\d{1,2}\\s?(?:–|-|to)\\s?\\d{1,2},? \\d{4}\\b`, "gi"), "date", /\d\s?(?:to|–|-)\s?\d/],
  // "20-year", "a 174-year record", "12th-warmest"
  [
    /(?<![\p{L}\p{N}.,])\d+(?:\.\d+)?-(?:year|month|week|day|hour|minute|mile|kilometre|kilometer|metre|meter|foot|inch|acre|ton|tonne|seat|member|point|page|storey|story)(?![\p{L}\p{N}-])/giu,
    "quantity",
    /\d-\p{L}/u,
  ],
  [/(?<![\p{L}\p{N}])\d+(?:st|nd|rd|th)-\p{Ll}+est(?![\p{L}\p{N}-])/gu, "quantity", /\d(?:st|nd|rd|th)-/],
  // "a year-long trial"
  [/(?<![\p{L}\p{N}-])(?:year|month|week|day|decade|century|hour)-long(?![\p{L}\p{N}-])/giu, "quantity", /-long/i],
  // "at a ratio of 1:1"; "defeated Argentina 4–2"
  [/(?<=\bratio of )\d+(?:\.\d+)?:\d+(?:\.\d+)?\b/giu, "quantity", /ratio of \d/i],
  [
    /(?<=\b(?:defeated|beat|beating|won|lost|drew|defeating)\s(?:\p{Lu}[\p{L}.]*\s){1,3})\d{1,2}[–-]\d{1,2}\b/gu,
    "quantity",
    /\d[–-]\d/,
  ],
  // An age that opens a sentence: "By thirteen, she was …", "At 18, he …"
  [
    /(?<=^(?:By|At|Aged?)\s)(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?=,)/gu,
    "quantity",
    /^(?:By|At|Aged?)\s/,
  ],
];

// Figures the entity recogniser splits apart.
function patternSpans(a: Annotated): Span[] {
  const out: Span[] = [];
  for (const [re, kind, guard] of PATTERNS) {
    if (!guard.test(a.text)) continue;
    for (const m of a.text.matchAll(re))
      out.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0], origin: "entity" });
  }
  return out;
}
