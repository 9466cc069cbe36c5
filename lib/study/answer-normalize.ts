import { foldNumbers } from "./number-words";

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

// Currency words and symbols, folded to one code that follows the amount.
const CURRENCIES: Record<string, string> = {
  $: "usd",
  usd: "usd",
  dollar: "usd",
  dollars: "usd",
  "€": "eur",
  eur: "eur",
  euro: "eur",
  euros: "eur",
  "£": "gbp",
  gbp: "gbp",
  pound: "gbp",
  pounds: "gbp",
};
// Own keys only, so words like "constructor" never hit Object.prototype.
const currencyOf = (t: string | undefined): string | undefined =>
  t !== undefined && Object.hasOwn(CURRENCIES, t) ? CURRENCIES[t] : undefined;
const PREFIX_CURRENCIES = new Set(["$", "usd", "€", "eur", "£", "gbp"]);
const ARTICLES = new Set(["the", "a", "an"]);
const NUMERAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;

/** Lowercases, folds quotes and dashes, and splits into word, numeral and symbol tokens. */
export function tokenize(text: string): string[] {
  const cleaned = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032'`]/g, "")
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
    .replace(/\bus\s?\$/g, " usd ")
    .replace(/([$€£%])/g, " $1 ")
    .replace(/(\d)\.(?=\d)/g, "$1\u0000")
    .replace(/[^\p{L}\p{N}$€£%\u0000]+/gu, " ")
    .replace(/\u0000/g, ".");
  return cleaned
    .split(" ")
    .filter((t) => t.length > 0)
    .map((t) => t.replace(/^(\d+)(st|nd|rd|th)$/, "$1"));
}

function foldPercent(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === "per" && tokens[i + 1] === "cent") {
      out.push("percent");
      i++;
    } else if (t === "%" || t === "pct") out.push("percent");
    else if (t !== undefined) out.push(t);
  }
  return out;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const isDay = (t: string | undefined): t is string => !!t && INTEGER.test(t) && +t >= 1 && +t <= 31;
const isYear = (t: string | undefined): t is string => !!t && /^\d{4}$/.test(t);
const monthOf = (t: string | undefined): number | undefined => (t && Object.hasOwn(MONTHS, t) ? MONTHS[t] : undefined);

/** "feb 7 2025", "7 february 2025" and "2025 02 07" all become "2025-02-07"; "feb 2025" → "2025-02". */
function foldDates(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    const ma = monthOf(a);
    const mb = monthOf(b);
    if (ma && isDay(b) && isYear(c)) {
      out.push(`${c}-${pad(ma)}-${pad(+b)}`);
      i += 3;
    } else if (mb && isDay(a) && isYear(c)) {
      out.push(`${c}-${pad(mb)}-${pad(+a)}`);
      i += 3;
    } else if (isYear(a) && b && c && /^\d{1,2}$/.test(b) && +b >= 1 && +b <= 12 && isDay(c)) {
      out.push(`${a}-${pad(+b)}-${pad(+c)}`);
      i += 3;
    } else if (ma && isYear(b)) {
      out.push(`${b}-${pad(ma)}`);
      i += 2;
    } else if (ma && isDay(b)) {
      out.push(`${pad(ma)}-${pad(+b)}`);
      i += 2;
    } else if (mb && isDay(a)) {
      out.push(`${pad(mb)}-${pad(+a)}`);
      i += 2;
    } else {
      if (a !== undefined) out.push(a);
      i += 1;
    }
  }
  return out;
}

/** "$ 5", "usd 5", "5 dollars", "5 usd" → "5 usd" (likewise euros and pounds). */
function foldCurrency(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    const next = tokens[i + 1];
    const code = currencyOf(t);
    if (code && PREFIX_CURRENCIES.has(t) && next && NUMERAL.test(next)) {
      out.push(next, code);
      i++;
      // "$5 dollars" should not double up.
      if (currencyOf(tokens[i + 1]) === code) i++;
    } else if (code && out.length > 0 && NUMERAL.test(out[out.length - 1] ?? "")) {
      out.push(code);
    } else out.push(t);
  }
  return out;
}

/** The comparable form of an answer: canonical tokens with a leading article dropped. */
export function normalizeAnswer(text: string): string[] {
  const tokens = foldCurrency(foldDates(foldNumbers(foldPercent(tokenize(text)))));
  if (tokens.length > 1 && ARTICLES.has(tokens[0] ?? "")) tokens.shift();
  return tokens;
}
