import { isZip } from "../ingest/zip-guard";
import { fromApkg, type ApkgImportOptions } from "./anki-import";
import { fromAnkiText, isAnkiTextExport } from "./anki-text";
import { fromCsv } from "./csv";
import { fromGift } from "./gift-import";
import { fromQuarryJson } from "./quarry-json";
import { decodeText } from "./text-encoding";
import type { ImportResult } from "./types";

export const BANK_FORMATS = {
  json: "Quarry JSON bank",
  apkg: "Anki package (.apkg)",
  ankiText: "Anki “Notes in Plain Text” export",
  tab: "Tab-separated text (Quizlet, Anki's older text export)",
  csv: "CSV",
  gift: "Moodle GIFT",
} as const;
export type BankFormat = keyof typeof BANK_FORMATS;

// An answer block as GIFT writes it: {=…}, {~…}, {#…}, {T}, {F}, {TRUE}, {FALSE} or an essay's {}.
const GIFT_BLOCK = /(^|[^\\{])\{\s*(=|~|#|%-?\d|(T|F|TRUE|FALSE)\s*(#[^}]*)?\}|\})/im;
const GIFT_LINE = /^\s*(::[^\n]*::|\$CATEGORY:|\/\/\s*\[tag:)/im;

/** Which reader a text file needs, judged by its content; the extension only breaks ties. */
export function sniffText(text: string, fileName = ""): BankFormat {
  const body = text.replace(/^\uFEFF/, "");
  const trimmed = body.trimStart();
  if (trimmed.startsWith("{") && /"questions"\s*:/.test(body.slice(0, 1_000_000))) return "json";
  if (isAnkiTextExport(body)) return "ankiText";
  const lines = body
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "" && !l.trimStart().startsWith("//"))
    .slice(0, 500);
  const tabbed = lines.filter((l) => l.includes("\t")).length;
  if (lines.length && tabbed >= lines.length * 0.8) return "tab";
  if (GIFT_BLOCK.test(body) || GIFT_LINE.test(body)) return "gift";
  if (lines.length && looksDelimited(lines)) return "csv";
  const name = fileName.toLowerCase();
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".tsv")) return "tab";
  return "gift";
}

/** Most lines split into the same number (2 or more) of comma- or semicolon-separated cells. */
function looksDelimited(lines: readonly string[]): boolean {
  return [",", ";"].some((sep) => {
    const counts = lines.map((l) => l.split(sep).length);
    const common = counts.filter((c) => c === counts[0]).length;
    return counts[0]! >= 2 && common >= lines.length * 0.8;
  });
}

/**
 * Reads a bank file by its content, not its extension: a zip is an Anki
 * package, JSON a Quarry bank; text (in whatever encoding) is sniffed for
 * Anki's text-export headers, a tab layout, GIFT syntax or CSV. The result
 * says what the file was read as.
 */
export async function readBankFile(
  fileName: string,
  bytes: Uint8Array,
  options: { apkg?: ApkgImportOptions } = {},
): Promise<ImportResult> {
  if (isZip(bytes)) {
    const result = await fromApkg(bytes, options.apkg);
    return result.readAs ? result : withReadAs(result, BANK_FORMATS.apkg);
  }
  if (new TextDecoder().decode(bytes.subarray(0, 15)) === "SQLite format 3") {
    return {
      ok: false,
      errors: [
        { message: `${fileName}: this is a bare database file; export the deck from Anki as an .apkg package.` },
      ],
    };
  }
  const { text, encoding } = decodeText(bytes);
  const format = sniffText(text, fileName);
  const result =
    format === "json"
      ? fromQuarryJson(text)
      : format === "ankiText"
        ? fromAnkiText(text)
        : format === "tab"
          ? fromCsv(text, { delimiter: "\t" })
          : format === "csv"
            ? fromCsv(text)
            : fromGift(text);
  return withReadAs(result, `${BANK_FORMATS[format]}, ${encoding}`);
}

function withReadAs(result: ImportResult, readAs: string): ImportResult {
  return { ...result, readAs };
}
