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
  /^(?:[kMGTmµnc]?(?:Hz|W|Wh|V|A|g|m|m2|m3|s|J|B|b|bps|L|l|t|Pa|N|K|°C|°F)|km\/h|mph|mm|cm|kg|mg|ha|ft|in|lb|oz)$/;

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
        if (CURRENCY.test(toks[first - 1]?.text ?? "")) {
          out.push({ ...makeSpan(a, first - 1, last, "money", "entity") });
          break;
        }
        // A count or measure: the number plus its unit ("5 kg", "300 species").
        const next = toks[last + 1];
        if (next && (isUnit(next.text) || SI_UNIT.test(next.text) || next.pos === "NOUN") && /\p{L}/u.test(next.text)) {
          out.push(makeSpan(a, first, last + 1, "quantity", "entity"));
        } else if (/\d/.test(span.text) && !/^\d{1,2}$/.test(span.text)) {
          out.push(span);
        }
        break;
      }
    }
  }
  return out;
}
