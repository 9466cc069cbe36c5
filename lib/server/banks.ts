import { listDeckQuestionsForExport, saveImportedBank } from "@/lib/data/banks";
import { toApkg, toCsv, toGift, toQuarryJson } from "@/lib/interchange";
import { parseBankFileInWorker } from "./workers/parsing";
import type { Deck } from "./study";

export const EXPORT_FORMATS = {
  json: { ext: "json", type: "application/json" },
  csv: { ext: "csv", type: "text/csv; charset=utf-8" },
  gift: { ext: "gift.txt", type: "text/plain; charset=utf-8" },
  apkg: { ext: "apkg", type: "application/octet-stream" },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
/** The fixed list a requested format is checked against (never `in`, which `__proto__` passes). */
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export function parseExportFormat(value: string | null): ExportFormat | null {
  const name = value ?? "json";
  return (EXPORT_FORMAT_NAMES as string[]).includes(name) ? (name as ExportFormat) : null;
}

export type ExportResult =
  { ok: true; body: Uint8Array | string; fileName: string; type: string } | { ok: false; message: string };

function fileSafe(title: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "deck"
  );
}

export async function exportDeck(deck: Deck, format: ExportFormat, now: Date): Promise<ExportResult> {
  const questions = await listDeckQuestionsForExport(deck.documentId);
  const { ext, type } = EXPORT_FORMATS[format];
  const fileName = `${fileSafe(deck.title)}.${ext}`;
  if (format === "csv") return { ok: true, body: toCsv(questions), fileName, type };
  if (format === "gift") return { ok: true, body: toGift(questions), fileName, type };
  if (format === "apkg")
    return { ok: true, body: await toApkg(questions, { deckName: deck.title, now }), fileName, type };
  const json = toQuarryJson(questions, { documentId: deck.id, title: deck.title });
  if (!json.ok) return { ok: false, message: json.errors.map((e) => e.message).join("; ") };
  return { ok: true, body: json.json, fileName, type };
}

export async function importBankFile(ownerId: string | null, fileName: string, bytes: Uint8Array) {
  // Parsed in a worker thread: an .apkg runs SQLite over an untrusted database.
  const result = await parseBankFileInWorker(fileName, bytes);
  if (!result.ok) return result;
  if (result.questions.length === 0) {
    return { ok: false as const, errors: [{ message: `${fileName}: the file holds no questions Quarry can use.` }] };
  }
  const title = fileName.replace(/\.(gift\.txt|json|csv|tsv|gift|txt|apkg)$/i, "") || "Imported questions";
  const saved = await saveImportedBank({ title, fileName, ownerId, questions: result.questions });
  return { ok: true as const, ...saved, skipped: result.skipped ?? [] };
}
