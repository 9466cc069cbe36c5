import {
  listDeckDocumentsForExport,
  listDeckMedia,
  listDeckQuestionsForExport,
  saveImportedBank,
} from "@/lib/data/banks";
import { importReport, readBankFile, toApkg, toCsv, toGift, toQuarryJson, type ImportResult } from "@/lib/interchange";
import type { Deck } from "./study";

export const EXPORT_FORMATS = {
  json: { ext: "json", type: "application/json" },
  csv: { ext: "csv", type: "text/csv; charset=utf-8" },
  gift: { ext: "gift.txt", type: "text/plain; charset=utf-8" },
  apkg: { ext: "apkg", type: "application/octet-stream" },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

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
  if (format === "apkg") {
    const media = await listDeckMedia(deck.documentId);
    return { ok: true, body: await toApkg(questions, { deckName: deck.title, now, media }), fileName, type };
  }
  const documents = await listDeckDocumentsForExport(deck.documentId);
  const json = toQuarryJson(questions, { documentId: deck.id, title: deck.title, documents });
  if (!json.ok) return { ok: false, message: json.errors.map((e) => e.message).join("; ") };
  return { ok: true, body: json.json, fileName, type };
}

/**
 * Reads a bank file by its content (the name only breaks ties); every
 * importer is all or nothing and never throws.
 */
export async function parseBankFile(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  return readBankFile(fileName, bytes);
}

export async function importBankFile(ownerId: string | null, fileName: string, bytes: Uint8Array) {
  const result = await parseBankFile(fileName, bytes);
  const report = importReport(fileName, result);
  if (!result.ok) return { ...result, report };
  if (result.questions.length === 0) {
    const message = `${fileName}: the file holds no questions Quarry can use.`;
    return { ok: false as const, errors: [{ message }], report: [...report, message] };
  }
  // The file's own deck name (Anki deck, GIFT $CATEGORY, bank title) wins over the file name.
  const title =
    result.title?.trim() || fileName.replace(/\.(gift\.txt|json|csv|tsv|gift|txt|apkg)$/i, "") || "Imported questions";
  const saved = await saveImportedBank({ title, fileName, ownerId, questions: result.questions, media: result.media });
  return { ok: true as const, ...saved, skipped: result.skipped ?? [], report };
}
