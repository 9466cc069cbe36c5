import type { Question } from "./bank";
import { withoutAcronym } from "./span";
import { withFix } from "./anaphora";
import { orderConstraints, pickDistractors, type DistractorPool } from "./distractors";
import type { Fact } from "./facts";
import { capitalOf, countriesIn, fineKind, listedValues, sameSubregion } from "./kinds";
import { containsWord } from "./quality";
import { isTitle, tagsOf } from "./lexicon";
import { fnv1a, seededRandom, shuffle, stableId } from "./random";
import { parseNumeric } from "./values";
import { tidyPrompt } from "./tidy";
import { whQuestion } from "./wh-question";
import {
  boundedFigure,
  cutName,
  cuedCount,
  flashcardWorthy,
  listedCount,
  listedName,
  listStatement,
  namesSubject,
  promptGivesAway,
  sameUnitFigure,
  strictBound,
  undatedCount,
  variantWorthy,
  type DocumentSubject,
} from "./variants";

export const BLANK = "_____";

const THE_COUNTRY =
  /^(?:United|Republic|Democratic|Czech|Dominican|Central African|Netherlands|Philippines|Bahamas|Gambia|Maldives|Marshall|Solomon|Comoros|Seychelles|Vatican|U\.?S\.?|U\.?K\.?)\b/;

export { withoutAcronym } from "./span";

// Kinds whose values can be swapped for a false statement without touching the rest of the sentence.
const SWAPPABLE = new Set(["person", "country", "city", "year", "date", "money", "percent", "quantity"]);

/**
 * One note (a fact: its sentence and answer span) and its variants: a cloze
 * and a flashcard always; a multiple choice only when three good distractors exist; a true/false when
 * a clearly false swap exists or the sentence's one true statement is free.
 */
export function buildQuestions(
  fact: Fact,
  pools: DistractorPool[],
  seed: number,
  trueStatementTaken = false,
  subject?: DocumentSubject,
): Question[] {
  const { sentence, span, factType, score } = fact;
  const text = sentence.text;
  const answer = withoutAcronym(span.text);
  // Each question gets its own source object, so callers may edit one safely.
  const source = () => ({ documentId: sentence.documentId, sentence: text, start: sentence.start, end: sentence.end });
  // Ids come from content only, so unchanged sentences keep their ids when a document is edited.
  const noteId = stableId(sentence.hash, String(span.start), span.text);
  // The sentence shown before the prompt must not hold the answer.
  if (sentence.fix?.context && containsWord(sentence.fix.text.toLowerCase(), answer.toLowerCase())) return [];
  // "It was signed on …" reads "The Treaty of Versailles was signed on …" where the referent is clear,
  // unless the referent holds the answer itself.
  const fix =
    sentence.fix && !containsWord(sentence.fix.text.toLowerCase(), answer.toLowerCase()) ? sentence.fix : undefined;
  // "entered the tournament" reads "entered the 1930 FIFA World Cup": named from the document, unless the name
  // holds the answer or the phrase is part of it.
  const names = (sentence.names ?? []).filter(
    (n) =>
      !containsWord(n.text.toLowerCase(), answer.toLowerCase()) &&
      !(n.start < span.end && n.end > span.start) &&
      !(fix && n.start < fix.end && n.end > fix.start),
  );
  const fixes = fix ? [fix, ...names] : names;
  // "Date of Birth: … Hometown: … Hired by NACA: June 1953 …": a fact box is a list of labels, not a statement;
  // a blank in it reads as a form to fill in, so it gives no questions (its prose neighbours still do).
  if (isFactBox(text)) return [];
  const cloze = tidyPrompt(withFix(text, span.start, span.end, BLANK, fixes));
  // "the _____" takes "the United States", not "the Jordan".
  const takesThe = /\bthe\s$/i.test(text.slice(0, span.start)) && fineKind(factType, span.text) === "country";
  const distractors = pickDistractors(factType, answer, {
    seed,
    // A choice the prompt itself names (in the sentence shown before it, or the subject's name) is no choice.
    sentence: fixes.length > 0 ? `${text} ${fixes.map((f) => f.text).join(" ")}` : text,
    spanStart: span.start,
    pools,
    accept: takesThe ? (d) => THE_COUNTRY.test(d) : undefined,
  }).map(withoutAcronym);
  // Keys are written in a fixed order to keep the exported JSON easy to read and diff.
  const out: Question[] = [
    { id: `${noteId}-c`, noteId, type: "cloze", prompt: cloze, answer, factType, source: source(), score },
  ];

  // Named terms only compete with their own kind: "Keio University" with "Waseda University".
  const kind = fineKind(factType, span.text);
  const sameHead = kind.startsWith("term:") && kind !== "term:acronym";
  const head = (v: string) => v.trim().split(/\s+/).at(-1)!.toLowerCase();
  if (
    distractors.length === 3 &&
    (!sameHead || distractors.every((d) => head(d) === head(answer))) &&
    !figuresConstrain(fact) &&
    !timeConstrains(fact) &&
    // "have _____ mass" (zero): counts offered against "none" are of another kind.
    !/^(?:zero|none|no|0)$/i.test(answer) &&
    !(kind === "country" && regionRulesOut(text, answer, distractors)) &&
    !(kind === "city" && citiesRuledOut(text, distractors)) &&
    // "_____, DC": a qualifier after the blank leaves one city or place standing.
    !(factType === "place" && /^,\s*\p{Lu}[\p{L}.]*(?:[,.;]|\s+and\b)/u.test(text.slice(span.end))) &&
    mcWorthy(fact, answer, cloze, subject)
  ) {
    const id = `${noteId}-m`;
    const choices = shuffle([answer, ...distractors], seededRandom(fnv1a(`${seed}|${id}`)));
    out.push({
      id,
      noteId,
      type: "multiple_choice",
      prompt: cloze,
      answer,
      choices,
      factType,
      source: source(),
      score,
    });
  }

  // A real question where the grammar allows; otherwise the cloze, recalled and self-graded.
  const wh =
    names.length === 0 && (fix?.text.startsWith(sentence.referent ?? "\0") || !fix)
      ? whQuestion(sentence.annotated, span, factType, sentence.referent)
      : null;
  const flashScore = wh ? Math.min(1, Math.round((score + 0.05) * 1000) / 1000) : score;
  if (flashcardWorthy(fact, answer, wh ? tidyPrompt(wh) : cloze, subject))
    out.push({
      id: `${noteId}-f`,
      noteId,
      type: "flashcard",
      prompt: wh ? tidyPrompt(wh) : cloze,
      answer,
      factType,
      source: source(),
      score: flashScore,
    });

  const id = `${noteId}-t`;
  // A false statement tests more than a copy of the text: where a clean swap exists, a true one is
  // made only one time in four (sentences without a swap give the true ones).
  const wantTrue = (fnv1a(`${seed}|${id}`) & 3) === 0;
  // "more than 10 individuals", "close to 500 million": a bound is guessed true unread, and a smaller false
  // value is still true; such a figure gives no statement at all.
  // A count the sentence spells out ("June through December") is contradicted by it once changed.
  // One count in a list of counts is a detail; an undated count of members is true only at some moment.
  if (!variantWorthy(fact) || boundedFigure(fact) || cuedCount(fact) || listedCount(fact) || undatedCount(text))
    return out;
  const can = !timeConstrains(fact) && !sameUnitFigure(fact) && swappable(fact);
  const options = can === "gendered" ? distractors.filter((d) => sameGender(answer, d)) : distractors;
  const swap = can ? falseValue(fact, answer, options, pools, seed) : undefined;
  // A sentence gives one true statement however many facts it holds.
  if (!swap && trueStatementTaken) return out;
  const statementIsTrue = (wantTrue && !trueStatementTaken) || !swap;
  // A true statement is its source sentence word for word; one whose subject needed naming is not offered.
  if (statementIsTrue && fixes.length > 0) return out;
  if (statementIsTrue && listStatement(text)) return out;
  out.push({
    id,
    noteId,
    type: "true_false",
    prompt: tidyPrompt(statementIsTrue ? text : withFix(text, span.start, span.end, swap!, fixes, swapInto)),
    answer: statementIsTrue ? "true" : "false",
    statementIsTrue,
    factType,
    source: source(),
    score,
  });
  return out;
}

/**
 * Multiple choice needs choices the sentence does not settle: not a bound ("more than _____", where smaller
 * choices are true too), not a figure another one in its unit bounds ("rock height _____ … snow height 8848 m"),
 * not one count of a list of counts, and not a blank the prompt or the document's subject gives away.
 */
function mcWorthy(fact: Fact, answer: string, prompt: string, subject?: DocumentSubject): boolean {
  if (!variantWorthy(fact) || strictBound(fact) || sameUnitFigure(fact) || listedCount(fact) || cuedCount(fact))
    return false;
  if (fact.factType === "year") return !namesSubject(answer, subject);
  if (NUMERIC_KINDS.has(fact.factType)) return true;
  return !namesSubject(answer, subject) && !promptGivesAway(prompt, answer) && !listedName(fact) && !cutName(fact);
}

/**
 * A year or date the sentence places against the present ("the year _____, … is now the 12th-warmest",
 * "at the time"), against another year by a comparison ("had surpassed _____": every earlier year fits)
 * or by a stated interval ("exactly five years after the assassination"): the choices are ruled out or
 * all fit, and a changed value contradicts its own sentence.
 */
function timeConstrains(fact: Fact): boolean {
  if (fact.factType !== "year" && fact.factType !== "date") return false;
  const text = fact.sentence.text;
  const rest = text.slice(0, fact.span.start) + " _ " + text.slice(fact.span.end);
  if (/\b(?:now|today|currently|at the time|still)\b/i.test(rest)) return true;
  if (
    /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|a hundred)\s+(?:full\s+)?(?:years?|months?|weeks?|days?|decades?|centuries)\s+(?:after|before|later|earlier|since|prior)\b/i.test(
      rest,
    )
  )
    return true;
  return (
    /\b(?:1\d{3}|20\d{2})\b/.test(rest) &&
    /\b(?:surpass(?:ed|es)?|exceed(?:ed|s)?|overt(?:ook|akes?)|outstrip(?:ped|s)?|beat|replac(?:ed|es)|succeed(?:ed|s))\b/i.test(
      rest,
    )
  );
}

const REGION_WORDS =
  /\b(?:South American|North American|Central American|Latin American|European|African|Asian|Caribbean|Middle Eastern|Scandinavian|Nordic|Balkan)\b/;

/** "between two South American nations, … between _____ and Uruguay": a country of another region is ruled out. */
function regionRulesOut(text: string, answer: string, distractors: string[]): boolean {
  return REGION_WORDS.test(text) && !distractors.every((d) => sameSubregion(answer, d));
}

/**
 * "signed in Washington, DC, and _____ … on behalf of Japanese Prime Minister …": a city in a country
 * the sentence does not name is ruled out by it.
 */
function citiesRuledOut(text: string, distractors: string[]): boolean {
  const named = countriesIn(text);
  if (named.size === 0) return false;
  return distractors.some((d) => {
    const c = capitalOf(d);
    return !!c && !named.has(c);
  });
}

/** Three or more labelled fields ("Born: … Hometown: … Retired: …") and no closing stop: a fact box. */
function isFactBox(text: string): boolean {
  return text.includes(":") && !/[.!?]["”’)]?\s*$/.test(text) && [...text.matchAll(/:\s/g)].length >= 3;
}

/** A group of countries named in a sentence ("the Allied Powers", "the Axis", "member states", "the bloc"). */
const COALITION =
  /\b(?:Powers|Allies|Alliance|Entente|Axis|Coalition|Union|League|Pact|bloc|member (?:states|countries|nations))\b/;

const NUMERIC_KINDS = new Set(["year", "date", "money", "percent", "quantity"]);

/**
 * A figure whose sentence restates or relates its figures elsewhere ("more than three times that rate
 * (0.20°C / 0.36°F)", "(equivalent to US$1,022 billion …)", "the last decade (2014–2023)") rules
 * some choices out and hints at the answer: no multiple choice. A bracket blanked with the answer
 * itself does not count.
 */
function figuresConstrain(fact: Fact): boolean {
  if (!NUMERIC_KINDS.has(fact.factType)) return false;
  const text = fact.sentence.text;
  const rest = text.slice(0, fact.span.start) + " " + text.slice(fact.span.end);
  if (hasCrossCheck(rest) || /\((?:[^()]*\d[^()]*)\)\s*$/.test(text.slice(0, fact.span.start))) return true;
  // The answer sits in brackets that gloss the words before them.
  return /\(\s*$/.test(text.slice(0, fact.span.start)) || /(?:times|twice|half|thrice|decade)/i.test(rest);
}

/** Figures restated in brackets, or paired with a slash or a "/" conversion, within one sentence. */
export function hasCrossCheck(text: string): boolean {
  return /\([^()]*\d[^()]*\)/.test(text) || /\d\s*\S{0,4}\s*\/\s*[-−]?\d/.test(text) || /°[CF].*°[CF]/.test(text);
}

// Where a swapped value would leave the rest of the sentence contradicting it, or give itself away.
function swappable(fact: Fact): boolean | "gendered" {
  const { sentence, span, factType } = fact;
  if (span.origin === "chunk" || !SWAPPABLE.has(fineKind(factType, span.text))) return false;
  const toks = sentence.annotated.tokens;
  const after = sentence.text.slice(span.end);
  const before = sentence.text.slice(0, span.start);
  // "7,855 m (25,771 ft)": the conversion beside it would give the change away.
  if (/^\s*\(\s*[\d.,]+/.test(after) || /\(\s*$/.test(before)) return false;
  // A figure the sentence cross-checks elsewhere ("0.20°C / 0.36°F", "$21.6 billion ($7.2 billion each …)",
  // a bracket that adds up or converts): a changed value would contradict its own sentence.
  if (NUMERIC_KINDS.has(factType) && hasCrossCheck(sentence.text)) return false;
  if (factType === "person") {
    const next = toks.find((t) => t.start >= span.end);
    const prev = toks.filter((t) => t.end <= span.start).at(-1);
    // "the Higgs boson" names a thing; "President Trump" a role the swap would contradict.
    if (next && next.pos === "NOUN" && /^\p{Ll}/u.test(next.text)) return false;
    if (prev && /^\p{Lu}/u.test(prev.text) && (isTitle(prev.text) || prev.pos === "PROPN")) return false;
    // "Yukio Kani, global CEO and chairman of JERA": another person contradicts the role beside the name.
    if (
      /^,\s+(?:the\s+|a\s+|an\s+)?\p{Ll}/u.test(after) ||
      /\b(?:CEO|chairman|president|director|minister|secretary)\s+$/i.test(before)
    )
      return false;
  }
  // "America is no longer begging for foreign energy – we’re producing it": in a speaker's own words another
  // country contradicts the speaker, so the change gives itself away.
  if (
    (factType === "place" || factType === "person") &&
    /\b(?:[Ww]e|[Ww]e’re|[Ww]e're|[Oo]ur|us|[Mm]y)\b|\bI\s+\p{Ll}/u.test(sentence.text)
  )
    return false;
  // "the U.S." → "the Mexico"; "Washington, DC" → "Basseterre, DC".
  const kind = fineKind(factType, span.text);
  if ((kind === "country" || kind === "city") && (/\bthe\s$/i.test(before) || /^,\s*\p{Lu}/u.test(after))) return false;
  // "the war between _____ and the Allied Powers": another country may belong to the group the sentence names,
  // so the swap need not be false.
  if (kind === "country" && COALITION.test(sentence.text)) return false;
  // "the Uruguayan capital, _____": another city contradicts the country the sentence names.
  if (kind === "city") {
    const country = capitalOf(span.text);
    if (country && countriesIn(sentence.text).has(country)) return false;
  }
  // "UK £284 billion": a country naming a currency or an amount is not a place to swap.
  if (/^\s*[£$€¥]/.test(after)) return false;
  // "Katherine Johnson’s curiosity … vaulted her": a swapped person keeps the sentence's pronouns.
  if (factType === "person" && /\b(?:he|she|his|her|him|hers)\b/i.test(sentence.text)) return "gendered";
  return true;
}

// Years move by 3 to 12 and stay within the years the document itself covers.
function falseValue(
  fact: Fact,
  answer: string,
  distractors: string[],
  pools: DistractorPool[],
  seed: number,
): string | undefined {
  if (fact.factType === "year" && /^\d{4}$/.test(answer)) {
    const own = Number(answer);
    const years = [...(pools[0]?.get("year") ?? [])].map((e) => Number(e.text)).filter(Number.isFinite);
    const latest = Math.max(own, ...years);
    const fits = yearFits(answer, fact.sentence.text, fact.span.start);
    const options: string[] = [];
    for (const step of [3, 4, 5, 6, 7, 8, 10, 12])
      for (const y of [own - step, own + step])
        if (y <= latest && fits(String(y)) && !fact.sentence.text.includes(String(y))) options.push(String(y));
    const random = seededRandom(fnv1a(`${seed}|tf|${fact.sentence.hash}|${answer}`));
    return options[Math.floor(random() * options.length)];
  }
  const kind = fineKind(fact.factType, fact.span.text);
  if (kind === "country" || kind === "city") {
    // A neighbour, so the rest of the sentence ("two South American nations") stays true.
    const near = [...distractors, ...listedValues(kind, answer)].filter(
      (d) => sameSubregion(answer, d) && !containsWord(fact.sentence.text.toLowerCase(), d.toLowerCase()),
    );
    return near[0];
  }
  return distractors.find((d) => clearlyDifferent(fact.factType, answer, d) && plausibleBeside(answer, d));
}

// A year that stands on the same side of the sentence's other years as the answer.
function yearFits(answer: string, sentence: string, spanStart: number): (candidate: string) => boolean {
  return orderConstraints("year", answer, sentence, spanStart) ?? (() => true);
}

// Both first names known, and of the same gender, so "her" still fits.
function sameGender(a: string, b: string): boolean {
  const gender = (name: string) => {
    const tags = tagsOf(name.trim().split(/\s+/)[0]!);
    return tags.includes("FemaleName") ? "f" : tags.includes("MaleName") ? "m" : null;
  };
  const g = gender(a);
  return g !== null && g === gender(b);
}

/**
 * A false statement must be false by the text, not a rounding of the
 * truth: years at least three apart, amounts at least a third apart.
 */
export function clearlyDifferent(factType: Fact["factType"], answer: string, other: string): boolean {
  if (factType === "year") {
    const a = Number(/\d{4}/.exec(answer)?.[0]);
    const b = Number(/\d{4}/.exec(other)?.[0]);
    return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) >= 3;
  }
  if (factType === "money" || factType === "percent" || factType === "quantity") {
    const a = parseNumeric(answer)?.number;
    const b = parseNumeric(other)?.number;
    if (a === undefined || b === undefined || a <= 0 || b <= 0) return false;
    return Math.max(a, b) / Math.min(a, b) >= 1.3;
  }
  return true;
}

/** "1 percent" → "0.02 percent" is false on its face: a swap stays within a factor of two. */
function plausibleBeside(answer: string, other: string): boolean {
  const a = parseNumeric(answer)?.number;
  const b = parseNumeric(other)?.number;
  if (a === undefined || b === undefined || a <= 0 || b <= 0) return true;
  return Math.max(a, b) / Math.min(a, b) <= 2;
}

// Puts a swapped value into the sentence, keeping "a"/"an" in agreement with it.
export function swapInto(text: string, start: number, end: number, value: string): string {
  let before = text.slice(0, start);
  const article = /\b([Aa])(n?) $/.exec(before);
  if (article) {
    const an =
      /^(?:[aeiouAEIOU]|8|11|18|hour|honest|[AEFHILMNORSX][A-Z.]*\b)/.test(value) && !/^(?:uni|eu|one)/i.test(value);
    before = before.slice(0, article.index) + article[1] + (an ? "n" : "") + " ";
  }
  return before + value + text.slice(end);
}
