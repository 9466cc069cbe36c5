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
  // "Ask any member of … where they were on …", "Imagine a …": an instruction to the reader.
  if (/^["“‘]?(?:Ask|Imagine|Consider|Remember|Picture|Suppose|Think of|Look at|Note that|Let us|Let's)\s/.test(t))
    return "imperative";
  // "Anyone interested in … knows of …": a rhetorical opener, not a checkable fact.
  if (
    /^(?:Anyone|Everyone|Everybody|No one|Nobody)\b[^.;]{0,120}?\b(?:knows?|remembers?|will (?:tell|know|remember))\b/.test(
      t,
    )
  )
    return "rhetorical";
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

const FIRST_PERSON = new Set(["i", "me", "my", "we", "us"]);
const ATTRIBUTION =
  /\b(?:said|says|say|added|adds|stated|states|noted|notes|told|tells|explained|explains|declared|remarked|wrote|according to)\b/i;

/**
 * A speaker the sentence does not name ("“I am proud to join …", "We expect …"): read alone, the
 * item does not say who is talking. A sentence that attributes its quotation ("…, said Burgum") names them.
 */
export function unnamedSpeaker(a: Annotated): boolean {
  let speaks = a.tokens.some(
    (t) => t.pos === "PRON" && FIRST_PERSON.has(t.lower) && t.text !== "US" && !quotedWithin(a.text, t.start),
  );
  // "we’re", "I’m" may come as one token.
  if (!speaks)
    for (const m of a.text.matchAll(/(?<![\p{L}.])(?:I|[Ww]e|me|us|[Mm]y)(?=[’'](?:m|re|ve|d|ll)\b|\s+\p{Ll})/gu))
      if (!quotedWithin(a.text, m.index)) speaks = true;
  return speaks && !ATTRIBUTION.test(a.text);
}

// "In 1987, ‘I want our country …’": a quotation the sentence itself reports, opened after its start.
function quotedWithin(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const open = Math.max(before.lastIndexOf(" “"), before.lastIndexOf(" ‘"), before.lastIndexOf(' "'));
  if (open < 0) return false;
  // Closed again before the pronoun: a closing mark is one not followed by a letter ("don’t" is no close).
  return !/[”"]|’(?!\p{L})/u.test(before.slice(open + 2));
}

const NAME = String.raw`(?:\p{Lu}[\p{L}.’'-]*\s+){0,4}\p{Lu}[\p{L}.’'-]*`;
const SAID_NAME = new RegExp(String.raw`[,”"]\s*(?:said|says|added|stated|noted|explained|declared)\s+(${NAME})`, "u");
const NAME_SAID = new RegExp(
  String.raw`[”"]\s*,?\s*(${NAME})\s+(?:said|says|added|stated|noted|explained|declared)\b`,
  "u",
);

/** Who a neighbouring sentence says is speaking ("…,” said Secretary Burgum."), or null. */
export function attributedSpeaker(neighbours: Array<string | undefined>): string | null {
  for (const text of neighbours) {
    if (!text) continue;
    const m = SAID_NAME.exec(text) ?? NAME_SAID.exec(text);
    if (m) return m[1]!.replace(/[.,]$/, "");
  }
  return null;
}
