const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

type Kind = "unit" | "teen" | "tens" | "digit" | "hundred" | "scale";

const ONE = { kind: "unit", value: 1 } as const;
const DIGITS = /^\d+(\.\d+)?$/;

function classify(token: string): { kind: Kind; value: number } | null {
  if (DIGITS.test(token)) return { kind: "digit", value: Number(token) };
  if (Object.hasOwn(UNITS, token)) return { kind: "unit", value: UNITS[token] ?? 0 };
  if (Object.hasOwn(TEENS, token)) return { kind: "teen", value: TEENS[token] ?? 0 };
  if (Object.hasOwn(TENS, token)) return { kind: "tens", value: TENS[token] ?? 0 };
  if (token === "hundred") return { kind: "hundred", value: 100 };
  if (Object.hasOwn(SCALES, token)) return { kind: "scale", value: SCALES[token] ?? 1 };
  return null;
}

// Which word may follow which inside one number; anything else starts a new number,
// so "1951 1952" or "one two" stay two numbers.
const FOLLOWS: Record<Kind, readonly Kind[]> = {
  unit: ["hundred", "scale"],
  teen: ["hundred", "scale"],
  tens: ["unit", "hundred", "scale"],
  digit: ["hundred", "scale"],
  hundred: ["unit", "teen", "tens", "digit", "scale"],
  scale: ["unit", "teen", "tens", "digit", "hundred"],
};

export function formatNumber(value: number): string {
  // Round away float noise from e.g. 2.3 × 1e12 while keeping real decimals.
  return String(Number(value.toFixed(6)));
}

/**
 * Collapses runs of number words and digits into one canonical numeral token:
 * ["one", "trillion"] → ["1000000000000"], ["twenty", "one"] → ["21"].
 * A lone scale word without a number ("thousands") is left alone.
 */
export function foldNumbers(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let total = 0;
  let current = 0;
  let last = null as Kind | null;
  const flush = (): void => {
    if (last !== null) out.push(formatNumber(total + current));
    total = 0;
    current = 0;
    last = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    // "a hundred", "a million": the article stands for one.
    const nextKind = classify(tokens[i + 1] ?? "")?.kind;
    const c =
      token === "a" && last === null && (nextKind === "hundred" || nextKind === "scale") ? ONE : classify(token);
    if (c && last === null && (c.kind === "hundred" || c.kind === "scale")) {
      out.push(token);
      continue;
    }
    // "one hundred and five": "and" joins only when a number word continues.
    if (token === "and" && last === "hundred") {
      if (nextKind === "unit" || nextKind === "teen" || nextKind === "tens") continue;
    }
    if (!c) {
      flush();
      out.push(token);
      continue;
    }
    if (last !== null && !FOLLOWS[last].includes(c.kind)) flush();
    if (c.kind === "hundred") current = (current || 1) * 100;
    else if (c.kind === "scale") {
      total += (current || 1) * c.value;
      current = 0;
    } else current += c.value;
    last = c.kind;
  }
  flush();
  return out;
}
