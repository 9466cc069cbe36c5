import type { Annotated } from "./annotate";

/**
 * What is not a statement of fact, even when it reads like a sentence: a
 * question, an FAQ label, a caption or credit, a dateline, byline or
 * "Updated on" stamp. Such lines give no fact to test.
 */
export function notStatement(text: string): string | null {
  const t = text.trim();
  if (/\?\s*["'”’)\]]*\s*$/.test(t)) return "question";
  if (/^(?:Q\d*|FAQ|Question\s*\d+)\s*[:.)–—-]/i.test(t)) return "faq";
  if (
    /^(?:photo|image|picture|figure|fig\.|caption|credit|source|table|chart|video|illustration)\b\s*\d*\s*[:.–—-]/i.test(
      t,
    )
  )
    return "caption";
  if (/^\(?(?:photo|image|picture)s?\s+(?:by|courtesy|credit)\b/i.test(t)) return "caption";
  // A stamp is a short line; "Date of Birth: … Hired by NACA: June 1953 …" is a fact box of several fields.
  if (
    /^(?:(?:last\s+)?updated|posted|published|date|dated|filed|written|reviewed)\b[^.]{0,20}?(?:on|:)\s/i.test(t) &&
    (t.match(/\S+/g) ?? []).length <= 14
  )
    return "stamp";
  if (/^[Bb]y\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*(?:[,|–—-]|$)/u.test(t)) return "byline";
  return null;
}

/**
 * Characters at the start of a sentence that are not part of its statement:
 * citation marks left over from the previous sentence ("[1] On …") and a
 * news dateline ("WASHINGTON – ", "ABERDEEN PROVING GROUND, Md. -- ",
 * "TOKYO (Reuters) - ").
 */
export function leadToSkip(text: string): number {
  const m =
    /^(?:\s*\[\d+\])+\s*/.exec(text) ??
    /^\p{Lu}[\p{Lu}\s.'’-]{2,}(?:,\s*\p{Lu}[\p{L}.]*\.?)?(?:\s*\([^)]{1,40}\))?\s*(?:--|[–—-])\s+(?=\p{Lu})/u.exec(
      text,
    );
  return m ? m[0].length : 0;
}

/** The sentence from character `from` on, with tokens and entities re-based. */
export function sliceAnnotated(a: Annotated, from: number): Annotated {
  if (from <= 0) return a;
  const first = a.tokens.findIndex((t) => t.start >= from);
  if (first < 0) return { text: "", tokens: [], entities: [] };
  const shift = a.tokens[first]!.start;
  return {
    text: a.text.slice(shift),
    tokens: a.tokens.slice(first).map((t) => ({ ...t, start: t.start - shift, end: t.end - shift })),
    entities: a.entities
      .filter((e) => e.first >= first)
      .map((e) => ({ ...e, first: e.first - first, last: e.last - first })),
  };
}
