import { FACT_TYPES, QUESTION_TYPES, isOneOf } from "../domain/enums";
import type { InterchangeQuestion } from "./types";

/**
 * The hidden field's payload: the exact question, base64-encoded so Anki's
 * HTML editor cannot alter it. Anki never shows it; Quarry reads it back.
 */
const PREFIX = "quarry:v1:";

export function encodeQuarryField(q: InterchangeQuestion): string {
  const payload = {
    type: q.type,
    prompt: q.prompt,
    answer: q.answer,
    ...(q.choices ? { choices: q.choices } : {}),
    ...(q.tags?.length ? { tags: q.tags } : {}),
    ...(q.explanation ? { explanation: q.explanation } : {}),
    ...(q.factType ? { factType: q.factType } : {}),
    ...(q.score !== undefined ? { score: q.score } : {}),
    ...(q.noteId ? { noteId: q.noteId } : {}),
    ...(q.tolerance !== undefined ? { tolerance: q.tolerance } : {}),
  };
  return PREFIX + Buffer.from(JSON.stringify(payload), "utf8").toString("base64");
}

/** Null when the field is absent, edited beyond recognition, or not Quarry's. */
export function decodeQuarryField(field: string | undefined): InterchangeQuestion | null {
  const raw = field?.trim();
  if (!raw?.startsWith(PREFIX)) return null;
  try {
    const data: unknown = JSON.parse(Buffer.from(raw.slice(PREFIX.length), "base64").toString("utf8"));
    if (typeof data !== "object" || data === null) return null;
    const d = data as Record<string, unknown>;
    if (!isOneOf(QUESTION_TYPES, d.type) || typeof d.prompt !== "string" || typeof d.answer !== "string") return null;
    const q: InterchangeQuestion = { type: d.type, prompt: d.prompt, answer: d.answer };
    if (Array.isArray(d.choices)) q.choices = d.choices.filter((c): c is string => typeof c === "string");
    if (Array.isArray(d.tags)) q.tags = d.tags.filter((t): t is string => typeof t === "string");
    if (typeof d.explanation === "string") q.explanation = d.explanation;
    if (isOneOf(FACT_TYPES, d.factType)) q.factType = d.factType;
    if (typeof d.score === "number") q.score = d.score;
    if (typeof d.noteId === "string") q.noteId = d.noteId;
    if (typeof d.tolerance === "number") q.tolerance = d.tolerance;
    if (q.type === "true_false") q.statementIsTrue = q.answer === "true";
    return q;
  } catch {
    return null;
  }
}
