import { z } from "zod";

/**
 * Text checks shared by every body and form schema. A lone surrogate (half of
 * a UTF-16 pair, e.g. from a JSON "\ud800" escape) cannot be stored or
 * encoded, so it is refused with a 400 rather than failing at the database.
 * Names and titles shown to others also refuse bidirectional controls, which
 * can make text read differently from what it is (U+202E flips what follows).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export const INVALID_TEXT_MESSAGE = "contains characters that are not valid text (a broken surrogate pair).";
export const BIDI_MESSAGE = "cannot contain text-direction control characters.";

export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** Any free-text field: a string with no lone surrogates. */
export const text = () => z.string().refine(isWellFormedText, { message: `This ${INVALID_TEXT_MESSAGE}` });

/** A name or title others will see: well-formed and without bidi controls. */
export const displayText = () =>
  text().refine((s) => !hasBidiControl(s), { message: `Names and titles ${BIDI_MESSAGE}` });

/** First path (as "a.b.0") to a string, key included, that is not well-formed; null if all are. */
export function findMalformedText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return isWellFormedText(value) ? null : path.join(".") || "body";
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findMalformedText(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (!isWellFormedText(key)) return [...path, "(key)"].join(".");
      const found = findMalformedText(child, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
