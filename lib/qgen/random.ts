import { createHash } from "node:crypto";

/** 32-bit FNV-1a: a fast, stable hash for bucketing and seeded choices. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Short content-derived id, stable across runs and callers. */
export function stableId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
}

// The seeded generator and shuffle are shared with the rest of the app.
export { seededRandom, shuffled as shuffle } from "../random";
