import path from "node:path";
import { DocumentError, parseDocumentFile } from "../text/document-file";
import { IngestError } from "./types";

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252, which old notes often use. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

/** Line endings to \n, no control characters, no trailing spaces, at most one blank line in a row. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/[ \t\u00A0]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A .txt or .md body and title; front matter and a leading `# heading` give the title. */
export function extractPlainText(fileName: string, bytes: Uint8Array): { title: string; text: string } {
  const utf8 = new TextEncoder().encode(decodeText(bytes));
  try {
    const doc = parseDocumentFile(fileName, utf8);
    const text = tidyText(doc.text);
    if (!text) throw new IngestError("empty", "has no text");
    return { title: doc.title, text };
  } catch (err) {
    if (!(err instanceof DocumentError)) throw err;
    // Decoding already happened above, so only these reasons remain possible.
    if (err.reason === "too_large") throw new IngestError("too_large", "is too large once decoded");
    if (err.reason === "binary") throw new IngestError("type_mismatch", "looks like a binary file, not text");
    throw new IngestError("empty", "has no text");
  }
}

/** First non-empty line, shortened, for documents without a better title. */
export function titleFromText(text: string, fallback: string): string {
  const line =
    text
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  if (!line) return fallback;
  return line.length <= 100 ? line : `${line.slice(0, 97).replace(/\s+\S*$/, "")}…`;
}

export function titleFromFileName(fileName: string): string {
  const base = path.basename(fileName).replace(/\.[^.]+$/, "");
  const words = base.replace(/[-_]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Untitled";
}

// 0x80–0x9F differ from Latin-1 (Node's decoder treats windows-1252 as Latin-1).
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}
