import { LiveError } from "./errors";

export const MAX_NICKNAME_LENGTH = 20;
/** Cap on code points so stacked combining marks cannot make a 20-grapheme wall. */
const MAX_NICKNAME_CODE_POINTS = 64;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Control, format (zero-width, bidi overrides), surrogate, private-use, unassigned, line/paragraph separators. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;
/** Letters that render as blank space (Hangul fillers, braille blank, Mongolian vowel separator). */
const BLANK_LOOKALIKES = /[\u115F\u1160\u3164\uFFA0\u2800\u180E]/u;
/** Inside an emoji, ZWJ and tag characters are part of the picture, not hidden text. */
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const EMOJI_JOINERS = /[\u200D\u{E0020}-\u{E007F}]/gu;
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

/**
 * Clean and check a nickname; returns the form to store and display.
 *
 * Rules: NFC, trimmed, runs of whitespace collapsed to one space, 1–20
 * graphemes (an emoji, even a ZWJ family, counts as one). Hidden characters
 * (control, zero-width, bidi and other format characters) are refused, and so
 * are `<` and `>`: nicknames are always plain text, and refusing angle
 * brackets keeps them harmless even where a later consumer (CSV, e-mail,
 * a log viewer) forgets to escape.
 */
export function normalizeNickname(raw: string): string {
  const trimmed = (typeof raw === "string" ? raw : "").normalize("NFC").trim();
  if (trimmed === "") throw new LiveError("nickname_empty", "Please enter a nickname.");

  const graphemes = Array.from(segmenter.segment(trimmed), (s) => s.segment);
  for (const g of graphemes) {
    const bare = EMOJI.test(g) ? g.replace(EMOJI_JOINERS, "") : g;
    if (FORBIDDEN.test(bare) || BLANK_LOOKALIKES.test(bare)) {
      throw new LiveError("nickname_invalid_chars", "Nicknames cannot contain hidden or control characters.");
    }
  }
  if (/[<>]/.test(trimmed)) {
    throw new LiveError("nickname_invalid_chars", "Nicknames cannot contain < or >.");
  }
  if (!VISIBLE.test(trimmed)) {
    throw new LiveError("nickname_invalid_chars", "Nicknames need at least one visible letter, digit or symbol.");
  }
  const collapsed = trimmed.replace(/\s+/gu, " ");
  const length = Array.from(segmenter.segment(collapsed)).length;
  if (length > MAX_NICKNAME_LENGTH || Array.from(collapsed).length > MAX_NICKNAME_CODE_POINTS) {
    throw new LiveError("nickname_too_long", `Nicknames can be at most ${MAX_NICKNAME_LENGTH} characters.`);
  }
  return collapsed;
}

/** Key for case-insensitive uniqueness: "Anna", "ANNA" and "anna" collide, as do "ß" and "SS". */
export function nicknameKey(nickname: string): string {
  return nickname.normalize("NFKC").toUpperCase().toLowerCase();
}
