import type { Conflict } from "./bank";
import type { Fact } from "./facts";
import { STOPWORDS } from "./span";

const MIN_CONTEXT_SIMILARITY = 0.6;
const MAX_BUCKET = 200;

/**
 * Two sentences making the same claim with a different value for the fact
 * are a conflict. "The same claim" means: same fact type, the same word
 * leading into the value, and nearly the same other content words (so a
 * different person or role is a different claim, not a conflict).
 */
export function findConflicts(facts: Fact[]): Conflict[] {
  const buckets = new Map<string, Array<{ fact: Fact; context: Set<string> }>>();
  for (const fact of facts) {
    const anchor = anchorWord(fact);
    if (!anchor) continue;
    const key = `${fact.factType}|${anchor}`;
    const list = buckets.get(key) ?? [];
    if (list.length < MAX_BUCKET) list.push({ fact, context: contextWords(fact) });
    buckets.set(key, list);
  }
  const groups = new Map<string, { conflict: Conflict; values: Set<string>; sources: Set<string> }>();
  for (const list of buckets.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i]!;
        const y = list[j]!;
        if (x.fact.valueKey === y.fact.valueKey || x.fact.sentence.text === y.fact.sentence.text) continue;
        if (similarity(x.context, y.context) < MIN_CONTEXT_SIMILARITY) continue;
        const id = `${x.fact.factType}|${x.fact.sentence.hash}|${x.fact.span.start}`;
        const g = groups.get(id) ?? {
          conflict: { factType: x.fact.factType, values: [], sources: [] },
          values: new Set<string>(),
          sources: new Set<string>(),
        };
        for (const f of [x.fact, y.fact]) {
          if (!g.values.has(f.valueKey)) {
            g.values.add(f.valueKey);
            g.conflict.values.push(f.span.text);
          }
          const src = `${f.sentence.documentId}\u0000${f.sentence.text}`;
          if (!g.sources.has(src)) {
            g.sources.add(src);
            g.conflict.sources.push({ documentId: f.sentence.documentId, sentence: f.sentence.text });
          }
        }
        groups.set(id, g);
      }
    }
  }
  return [...groups.values()].map((g) => g.conflict);
}

function anchorWord(f: Fact): string | null {
  const toks = f.sentence.annotated.tokens;
  let i = toks.findIndex((t) => t.start >= f.span.start) - 1;
  while (i >= 0 && (STOPWORDS.has(toks[i]!.lower) || !/\p{L}/u.test(toks[i]!.text))) i--;
  return i >= 0 ? toks[i]!.lemma : null;
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
