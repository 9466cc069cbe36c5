import nlp from "compromise";

// compromise ships a large tagged lexicon (names, places, organisations,
// titles). Reading it directly gives its knowledge at hash-lookup speed,
// without running its full parser on every sentence.
type CompromiseModel = {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
};
const model = (nlp as unknown as { model(): CompromiseModel }).model();
const lexicon = model.one.lexicon;

// Generic heads the lexicon lacks; not tied to any topic.
const EXTRA_ORG_HEADS = [
  "party",
  "parliament",
  "congress",
  "senate",
  "assembly",
  "court",
  "league",
  "steel",
  "automotive",
  "electronics",
  "chemical",
  "mining",
  "foods",
  "software",
  "technology",
  "railway",
  "railways",
  "nations",
  "corporation",
  "treaty organization",
];
const ORG_HEADS = new Set([...Object.keys(model.two.orgWords), ...EXTRA_ORG_HEADS]);
// Place heads that are too often part of other names are left out.
const AMBIGUOUS_PLACE_HEADS = new Set([
  "state",
  "house",
  "hall",
  "field",
  "complex",
  "site",
  "way",
  "trail",
  "post",
  "memorial",
]);
const PLACE_HEADS = new Set([
  ...Object.keys(model.two.placeWords).filter((w) => !AMBIGUOUS_PLACE_HEADS.has(w)),
  "sea",
  "seas",
  "ocean",
  "continent",
  "republic",
]);
const TITLE_WORDS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sir",
  "dame",
  "lord",
  "lady",

  "former",
  "late",
  "prime",
  "vice",
  "deputy",
  "chief",
  "general",
  "acting",
  "senior",
  "emeritus",
  "defense",
  "defence",
  "foreign",
  "finance",
  "cabinet",
  "state",
  "senator",
  "governor",
  "mayor",
  "chancellor",
  "premier",
  "emperor",
  "empress",
]);

export function tagsOf(word: string): string[] {
  const key = word.toLowerCase();
  // Own entries only: "constructor" or "toString" must not reach the object's prototype.
  const v = Object.hasOwn(lexicon, key) ? lexicon[key] : undefined;
  if (Array.isArray(v)) return v;
  return typeof v === "string" ? v.split(",") : [];
}

export function isOrgHead(word: string): boolean {
  return ORG_HEADS.has(word.toLowerCase());
}
export function isPlaceHead(word: string): boolean {
  return PLACE_HEADS.has(word.toLowerCase());
}
/** Titles and roles ("President", "Minister", "Dr.") that precede a name. */
export function isTitle(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (TITLE_WORDS.has(w)) return true;
  const tags = tagsOf(w);
  return tags.includes("Actor") || tags.includes("Honorific");
}
export function isRoleNoun(word: string): boolean {
  return tagsOf(word).includes("Actor");
}
export function isFirstName(word: string): boolean {
  const tags = tagsOf(word);
  return tags.includes("MaleName") || tags.includes("FemaleName") || tags.includes("FirstName");
}
export function isLastName(word: string): boolean {
  return tagsOf(word).includes("LastName");
}
export function isKnownPlace(name: string): boolean {
  const tags = tagsOf(name);
  return ["City", "Country", "Region", "Place"].some((t) => tags.includes(t));
}
export function isKnownOrg(name: string): boolean {
  return tagsOf(name).includes("Organization");
}
export function isDemonym(word: string): boolean {
  return tagsOf(word).includes("Demonym");
}
export function isUnit(word: string): boolean {
  return tagsOf(word).includes("Unit");
}

const NAME_TAGS = new Set([
  "MaleName",
  "FemaleName",
  "FirstName",
  "LastName",
  "Person",
  "City",
  "Country",
  "Region",
  "Place",
  "ProperNoun",
  "Organization",
  "Honorific",
  "Demonym",
]);
/** A word the lexicon knows only as ordinary vocabulary, so unlikely to be a name. */
export function isCommonWord(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
}
