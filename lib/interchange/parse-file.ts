import { fromApkg } from "./anki-import";
import { fromCsv } from "./csv";
import { fromGift } from "./gift-import";
import { fromQuarryJson } from "./quarry-json";
import type { ImportResult } from "./types";

/** Picks the importer from the file name; every importer is all or nothing and never throws. */
export async function parseBankFile(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  const name = fileName.toLowerCase();
  const text = () => new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (name.endsWith(".apkg")) return fromApkg(bytes);
  if (name.endsWith(".json")) return fromQuarryJson(text());
  if (name.endsWith(".csv") || name.endsWith(".tsv")) return fromCsv(text());
  if (name.endsWith(".gift") || name.endsWith(".txt")) return fromGift(text());
  return {
    ok: false,
    errors: [{ message: `${fileName}: use a .json (Quarry), .csv, .gift/.txt (Moodle GIFT) or .apkg (Anki) file.` }],
  };
}
