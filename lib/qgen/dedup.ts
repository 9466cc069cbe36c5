import { fnv1a } from "./random";

const HASHES = 16;
const ROWS = 2;
const SEEDS = Array.from({ length: HASHES }, (_, i) => fnv1a(`minhash-${i}`));

export function shingles(words: string[]): Set<number> {
  const out = new Set<number>();
  if (words.length < 3) {
    out.add(fnv1a(words.join(" ")));
    return out;
  }
  for (let i = 0; i + 2 < words.length; i++) out.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * Finds near-identical sentences with MinHash and banded LSH, so the work
 * grows with the number of sentences rather than its square.
 */
export class NearDuplicateIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly sets: Set<number>[] = [];

  constructor(private readonly threshold = 0.7) {}

  /** Adds a sentence, as its lower-case words; returns the index of an earlier near-duplicate, or null. */
  add(words: string[]): { index: number; duplicateOf: number | null } {
    const set = shingles(words);
    const index = this.sets.length;
    this.sets.push(set);
    const sig = SEEDS.map((seed) => {
      let min = 0xffffffff;
      for (const x of set) {
        const h = Math.imul(x ^ seed, 0x9e3779b1) >>> 0;
        if (h < min) min = h;
      }
      return min;
    });
    let duplicateOf: number | null = null;
    let checked = 0;
    for (let b = 0; b < HASHES / ROWS; b++) {
      const key = `${b}:${sig.slice(b * ROWS, b * ROWS + ROWS).join(",")}`;
      const bucket = this.buckets.get(key);
      if (bucket) {
        for (const other of bucket) {
          if (duplicateOf !== null || checked++ > 12) break;
          const o = this.sets[other]!;
          // Sets of very different sizes cannot reach the threshold.
          if (Math.min(o.size, set.size) < this.threshold * Math.max(o.size, set.size)) continue;
          if (jaccard(set, o) >= this.threshold) duplicateOf = other;
        }
        if (bucket.length < 64) bucket.push(index);
      } else this.buckets.set(key, [index]);
    }
    return { index, duplicateOf };
  }
}
