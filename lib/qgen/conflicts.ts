import type { Conflict } from "./bank";
import type { Fact } from "./facts";
import { STOPWORDS } from "./span";

const MIN_CONTEXT_SIMILARITY = 0.6;
// Bounds the pairwise comparisons on large corpora.
const MAX_BUCKET = 64;

/**
 * Two sentences making the same claim with a different value for the fact
 * are a conflict. "The same claim" means: same fact type, the same words
 * leading into the value, and nearly the same other content words (so a
 * different person or role is a different claim, not a conflict).
 */
export function findConflicts(facts: Fact[]): Conflict[] {
  const buckets = new Map<string, Array<{ fact: Fact; context: Set<string> }>>();
  for (const fact of facts) {
    const anchor = anchorWords(fact);
    if (!anchor) continue;
    const key = `${fact.factType}|${anchor}`;
    const list = buckets.get(key) ?? [];
    if (list.length < MAX_BUCKET) list.push({ fact, context: contextWords(fact) });
    buckets.set(key, list);
  }
  // Union-find, so one disputed claim is one conflict however many sources repeat it.
  const parent = new Map<Fact, Fact>();
  const root = (f: Fact): Fact => {
    let r = f;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(f, r);
    return r;
  };
  for (const list of buckets.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i]!;
        const y = list[j]!;
        if (x.fact.valueKey === y.fact.valueKey || x.fact.sentence.text === y.fact.sentence.text) continue;
        if (similarity(x.context, y.context) < MIN_CONTEXT_SIMILARITY) continue;
        for (const f of [x.fact, y.fact]) if (!parent.has(f)) parent.set(f, f);
        parent.set(root(y.fact), root(x.fact));
      }
    }
  }
  const groups = new Map<Fact, Fact[]>();
  for (const f of parent.keys()) {
    const r = root(f);
    const list = groups.get(r);
    if (list) list.push(f);
    else groups.set(r, [f]);
  }
  return [...groups.values()].map(toConflict);
}

function toConflict(facts: Fact[]): Conflict {
  const conflict: Conflict = { factType: facts[0]!.factType, values: [], sources: [] };
  const values = new Set<string>();
  const sources = new Set<string>();
  for (const f of facts) {
    if (!values.has(f.valueKey)) {
      values.add(f.valueKey);
      conflict.values.push(f.span.text);
    }
    const src = `${f.sentence.documentId}\u0000${f.sentence.text}`;
    if (!sources.has(src)) {
      sources.add(src);
      conflict.sources.push({ documentId: f.sentence.documentId, sentence: f.sentence.text });
    }
  }
  return conflict;
}

function anchorWords(f: Fact): string | null {
  const toks = f.sentence.annotated.tokens;
  const words: string[] = [];
  for (let i = toks.findIndex((t) => t.start >= f.span.start) - 1; i >= 0 && words.length < 2; i--) {
    if (!STOPWORDS.has(toks[i]!.lower) && /\p{L}/u.test(toks[i]!.text)) words.push(toks[i]!.lemma);
  }
  return words.length > 0 ? words.join(" ") : null;
}

// Content lemmas outside the span; other numbers are left in, so a second
// differing value also keeps two claims apart.
function contextWords(f: Fact): Set<string> {
  const out = new Set<string>();
  for (const t of f.sentence.annotated.tokens) {
    if (t.start >= f.span.start && t.end <= f.span.end) continue;
    if (STOPWORDS.has(t.lower) || !/[\p{L}\p{N}]/u.test(t.text)) continue;
    out.add(t.lemma);
  }
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared || 1);
}
