/**
 * The question generator only understands English, so text written mostly
 * in another script is refused up front rather than producing nonsense.
 */
export const MIN_LATIN_SHARE = 0.6;
const SAMPLE_CHARS = 200_000;

const SCRIPTS: readonly [string, RegExp][] = [
  ["Chinese/Japanese", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ["Korean", /\p{Script=Hangul}/gu],
  ["Cyrillic", /\p{Script=Cyrillic}/gu],
  ["Arabic", /\p{Script=Arabic}/gu],
  ["Hebrew", /\p{Script=Hebrew}/gu],
  ["Greek", /\p{Script=Greek}/gu],
  ["Devanagari", /\p{Script=Devanagari}/gu],
  ["Thai", /\p{Script=Thai}/gu],
];

export type ScriptCheck = { letters: number; latinShare: number; dominant: string | null };

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

export function checkScript(text: string): ScriptCheck {
  // A sample is plenty to judge the script and keeps large files cheap.
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = count(sample, /\p{L}/gu);
  const latin = count(sample, /\p{Script=Latin}/gu);
  let dominant: string | null = null;
  if (latin < letters) {
    let best = 0;
    for (const [name, re] of SCRIPTS) {
      const n = count(sample, re);
      if (n > best) [dominant, best] = [name, n];
    }
  }
  return { letters, latinShare: letters === 0 ? 1 : latin / letters, dominant };
}
/** Null when fine, else a user-facing reason. */
export function scriptProblem(text: string, minLatinShare = MIN_LATIN_SHARE): string | null {
  const { latinShare, dominant } = checkScript(text);
  if (latinShare >= minLatinShare) return null;
  const pct = Math.round(latinShare * 100);
  return `the text is mostly ${dominant ?? "non-Latin"} script (${pct}% Latin letters); questions can only be generated from English text`;
}
