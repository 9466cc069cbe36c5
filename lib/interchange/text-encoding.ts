import chardet from "chardet";
import iconv from "iconv-lite";

export type DecodedText = { text: string; encoding: string };

/**
 * Decodes a text file whatever it was saved as: a byte-order mark wins, then
 * BOM-less UTF-16 (every other byte zero), then valid UTF-8; anything else is
 * identified by chardet and decoded by iconv-lite. Latin-1 guesses are read
 * as Windows-1252, its superset that Windows spreadsheets actually write.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: utf8(bytes.subarray(3)), encoding: "UTF-8 (with BOM)" };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decode(bytes.subarray(2), "utf16le"), encoding: "UTF-16 LE" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decode(bytes.subarray(2), "utf16be"), encoding: "UTF-16 BE" };
  const sixteen = bomlessUtf16(bytes);
  if (sixteen) return { text: decode(bytes, sixteen), encoding: sixteen === "utf16le" ? "UTF-16 LE" : "UTF-16 BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // Not UTF-8: guess below.
  }
  const guess = chardet.detect(bytes) ?? "windows-1252";
  const name = /^(ISO-8859-1|ASCII)$/i.test(guess) ? "windows-1252" : guess;
  const encoding = iconv.encodingExists(name) ? name : "windows-1252";
  return { text: decode(bytes, encoding), encoding: label(encoding) };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

function decode(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Mostly-ASCII text saved as UTF-16 without a BOM has a zero in every other byte. */
function bomlessUtf16(bytes: Uint8Array): "utf16le" | "utf16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return "utf16le";
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return "utf16be";
  return null;
}

function label(encoding: string): string {
  return /^windows-1252$/i.test(encoding) ? "Windows-1252" : encoding;
}
