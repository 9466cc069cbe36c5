import worldCountries from "world-countries";
import type { FactType } from "./bank";
import { isKnownOrg, isOrgHead, isPlaceHead, tagsOf } from "./lexicon";

/**
 * Fine-grained kinds of named things, so that a distractor or a false
 * statement swaps a country for a country and a treaty for a treaty. Where
 * the evidence is thin, the kind stays coarse ("place", "term:proper").
 */
export type FineKind = string;

type Country = { code: string; name: string; capital: string; region: string; subregion: string; borders: string[] };
// UN member states: dependencies and disputed territories make poor choices.
const COUNTRIES: Country[] = worldCountries
  .filter((c) => c.unMember && c.capital.length > 0)
  .map((c) => ({
    code: c.cca3,
    name: c.name.common,
    capital: c.capital[0]!,
    region: c.region,
    subregion: c.subregion,
    borders: c.borders,
  }));
const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
const ALIASES: Record<string, string> = {
  "u.s.": "United States",
  us: "United States",
  usa: "United States",
  "u.s.a.": "United States",
  "united states of america": "United States",
  america: "United States",
  "u.k.": "United Kingdom",
  uk: "United Kingdom",
  britain: "United Kingdom",
  "great britain": "United Kingdom",
  england: "United Kingdom",
  holland: "Netherlands",
  "the netherlands": "Netherlands",
  korea: "South Korea",
};
const COUNTRY_BY_NAME = new Map<string, Country>();
for (const c of COUNTRIES) COUNTRY_BY_NAME.set(c.name.toLowerCase(), c);
for (const c of worldCountries)
  if (c.unMember && BY_CODE.has(c.cca3))
    for (const alt of [c.name.official, ...c.altSpellings.filter((a) => a.length > 3)])
      if (!COUNTRY_BY_NAME.has(alt.toLowerCase())) COUNTRY_BY_NAME.set(alt.toLowerCase(), BY_CODE.get(c.cca3)!);
for (const [alias, name] of Object.entries(ALIASES))
  COUNTRY_BY_NAME.set(alias, COUNTRY_BY_NAME.get(name.toLowerCase())!);
const CAPITALS = new Map<string, Country>();
for (const c of COUNTRIES) {
  CAPITALS.set(c.capital.toLowerCase(), c);
  CAPITALS.set(c.capital.toLowerCase().replace(/,? d\.c\.$/, ""), c); // "Washington" for "Washington, D.C."
}

const LAW_HEADS =
  /^(?:treaty|treaties|agreement|agreements|act|accord|accords|convention|pact|protocol|charter|constitution|article|clause|amendment|law|bill|resolution|declaration|directive|regulation|code|covenant|memorandum)$/i;
const EVENT_HEADS =
  /^(?:war|wars|conference|summit|olympics|games|cup|championships?|revolution|crisis|election|elections|battle|expo|exposition|festival|tournament|uprising|rebellion|massacre|pandemic|depression|recession|crash|project|mission|program|programme)$/i;
const COMPANY_HEADS =
  /^(?:inc\.?|corp\.?|corporation|co\.?|company|ltd\.?|llc|plc|ag|gmbh|s\.a\.|group|holdings|steel|motors|airlines|airways|industries|energy|petroleum|oil|pharmaceuticals|technologies|systems|electric|bank)$/i;
const EDUCATION_HEADS = /^(?:university|college|school|academy|institute|polytechnic|seminary)$/i;
const GOVERNMENT_HEADS =
  /^(?:ministry|department|agency|council|commission|committee|parliament|congress|senate|diet|assembly|court|cabinet|administration|office|bureau|service|army|navy|force|forces|guard|police|government|house)$/i;
const PARTY_HEADS = /^(?:party)$/i;

const head = (text: string) => text.trim().split(/\s+/).at(-1)!.replace(/[,.]$/, "");

export function countryOf(name: string): Country | undefined {
  return COUNTRY_BY_NAME.get(name.trim().toLowerCase().replace(/^the /, ""));
}
export function capitalOf(name: string): Country | undefined {
  return CAPITALS.get(name.trim().toLowerCase());
}

// Values repeat across sentences and pools; the kind of each is worked out once (bounded, so a long-running server stays small).
const kindCache = new Map<string, FineKind>();

export function fineKind(factType: FactType, text: string): FineKind {
  const key = `${factType}\u0000${text}`;
  let kind = kindCache.get(key);
  if (kind === undefined) {
    if (kindCache.size > 20_000) kindCache.clear();
    kindCache.set(key, (kind = computeKind(factType, text)));
  }
  return kind;
}

function computeKind(factType: FactType, text: string): FineKind {
  const t = text.trim().replace(/\s*\([A-Z][A-Za-z.]+\)$/, "");
  const h = head(t);
  switch (factType) {
    case "person":
      return "person";
    case "place": {
      if (countryOf(t)) return "country";
      if (capitalOf(t) || tagsOf(t).includes("City")) return "city";
      if (tagsOf(t).includes("Country")) return "country";
      if (/\s/.test(t) && isPlaceHead(h)) return `place:${h.toLowerCase().replace(/s$/, "")}`;
      if (tagsOf(t).includes("Region")) return "region";
      return "place";
    }
    case "organization":
    case "term": {
      if (countryOf(t)) return "country";
      if (COMPANY_HEADS.test(h) && /\s/.test(t)) return "company";
      if (EDUCATION_HEADS.test(h) || /^(?:university|college) of\b/i.test(t)) return "education";
      if (PARTY_HEADS.test(h)) return "party";
      if (GOVERNMENT_HEADS.test(h) || /^(?:ministry|department|house) of\b/i.test(t)) return "government";
      if (LAW_HEADS.test(h) || /^(?:treaty|article|act|convention) (?:of|\d|[IVX]+)/i.test(t)) return "law";
      if (EVENT_HEADS.test(h) || /^(?:battle|war|siege) of\b/i.test(t)) return "event";
      if (factType === "organization" || isKnownOrg(t) || (/\s/.test(t) && isOrgHead(h))) return "organization";
      if (/^[A-Z]{2,6}s?$/.test(t)) return "term:acronym";
      return /^\p{Lu}/u.test(t) ? "term:proper" : "term:common";
    }
    case "quantity":
      // A bare four-digit number reads as a year among counts.
      return /^(?:1\d|20)\d{2}$/.test(t) ? "quantity:yearlike" : "quantity";
    default:
      return factType;
  }
}

/**
 * Same-kind values a package lists, for when the documents have too few:
 * countries (neighbours first, then the same subregion and region) and their
 * capitals. Plausible to a student who did not read carefully.
 */
const listCache = new Map<string, string[]>();

export function listedValues(kind: FineKind, answer: string): string[] {
  if (kind !== "country" && kind !== "city") return [];
  const key = `${kind}\u0000${answer}`;
  let list = listCache.get(key);
  if (!list) {
    if (listCache.size > 5_000) listCache.clear();
    listCache.set(key, (list = computeList(kind, answer)));
  }
  return list;
}

function computeList(kind: FineKind, answer: string): string[] {
  const c = kind === "country" ? countryOf(answer) : capitalOf(answer);
  if (!c) return [];
  const near = [
    ...c.borders.map((code) => BY_CODE.get(code)).filter((x): x is Country => !!x),
    ...COUNTRIES.filter((x) => x.subregion === c.subregion),
    ...COUNTRIES.filter((x) => x.region === c.region),
  ].filter((x) => x !== c);
  const names = near.map((x) => (kind === "country" ? x.name : x.capital.replace(/,? D\.C\.$/, "")));
  return [...new Set(names)];
}

/** One value contains the other: a capital and its country, a place and its region. Both would be true. */
export function overlapsPlace(a: string, b: string): boolean {
  const ca = countryOf(a) ?? capitalOf(a);
  const cb = countryOf(b) ?? capitalOf(b);
  return !!ca && !!cb && ca === cb;
}

/** Two countries (or capitals) of the same subregion: a swap that stays believable and keeps "two South American nations" true. */
export function sameSubregion(a: string, b: string): boolean {
  const ca = countryOf(a) ?? capitalOf(a);
  const cb = countryOf(b) ?? capitalOf(b);
  return !!ca && !!cb && ca !== cb && ca.subregion === cb.subregion;
}

// "Japanese", "American": the adjective a sentence uses for a country it does not name.
const DEMONYMS = new Map<string, Country>();
for (const c of worldCountries) {
  const country = BY_CODE.get(c.cca3);
  const m = (c as { demonyms?: { eng?: { m?: string } } }).demonyms?.eng?.m;
  if (country && m && m.length > 3) DEMONYMS.set(m.toLowerCase(), country);
}

/** The countries a sentence names or calls by their adjective ("the United States", "Japanese"). */
export function countriesIn(text: string): Set<Country> {
  const out = new Set<Country>();
  for (const m of text.matchAll(/\p{Lu}[\p{L}.]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.]*){0,3}/gu)) {
    const words = m[0].split(/\s+/);
    // Every run of capitalised words: "United States President Richard Nixon" holds "United States".
    for (let i = 0; i < words.length; i++)
      for (let j = i + 1; j <= words.length; j++) {
        const phrase = words
          .slice(i, j)
          .join(" ")
          .replace(/[’']s$|,$/, "");
        const c = countryOf(phrase) ?? DEMONYMS.get(phrase.toLowerCase());
        if (c) out.add(c);
      }
  }
  return out;
}

/** "Uruguayan", "Japanese": a country's adjective. */
export function isDemonym(word: string): boolean {
  return DEMONYMS.has(word.toLowerCase());
}
