import "server-only";

import {
  getDeckMedia,
  listDeckDocumentsForExport,
  listDeckMedia,
  listDeckQuestionsForExport,
  saveImportedBank,
  updateImportedBank,
} from "@/lib/data/banks";
import { findDeckBySourceHash, getDeck } from "@/lib/data/decks";
import { sha256Hex } from "@/lib/text/normalize";
import {
  IMAGE_MIMES,
  importReport,
  toApkg,
  toCsv,
  toGift,
  toQuarryJson,
  textBankTitle,
  type ImageMime,
} from "@/lib/interchange";
import type { Deck } from "./decks";
import { parseBankFileInWorker } from "./workers/parsing";

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
  const questions = await listDeckQuestionsForExport(deck.documentIds);
  const { ext, type } = EXPORT_FORMATS[format];
  const fileName = `${fileSafe(deck.title)}.${ext}`;
  if (format === "csv") return { ok: true, body: toCsv(questions), fileName, type };
  if (format === "gift") return { ok: true, body: toGift(questions), fileName, type };
  if (format === "apkg") {
    const media = await listDeckMedia(deck.documentIds);
    return { ok: true, body: await toApkg(questions, { deckName: deck.title, now, media }), fileName, type };
  }
  const documents = await listDeckDocumentsForExport(deck.documentIds);
  const json = toQuarryJson(questions, { documentId: deck.id, title: deck.title, documents });
  if (!json.ok) return { ok: false, message: json.errors.map((e) => e.message).join("; ") };
  return { ok: true, body: json.json, fileName, type };
}

/** A deck title from the file's own name for its questions, else from the file name. */
function bankTitle(fileName: string, bytes: Uint8Array, fromFile: string | undefined): string {
  const own = fromFile ?? textBankTitle(fileName, new TextDecoder("utf-8", { fatal: false }).decode(bytes));
  if (own) return own;
  const base = fileName
    .replace(/\.(gift\.txt|json|csv|tsv|gift|txt|apkg)$/i, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return base || "Imported questions";
}

export type BankImportOutcome =
  | { ok: false; errors: Array<{ line?: number; record?: number; message: string }>; report: string[] }
  | {
      ok: true;
      /** What the teacher is told: what the file was read as, imported, changed and skipped. */
      report: string[];
      /** created: a new deck; duplicate: this file was imported before, nothing written; updated: that deck now matches the file. */
      status: "created" | "duplicate" | "updated";
      deckId: string;
      documentId: string;
      title: string;
      count: number;
      skipped: Array<{ record: number; reason: string }>;
    };

/**
 * Imports a bank file as a private deck of the importer's. The same file
 * (same sha256) imported again by the same owner is recognised: nothing is
 * written unless `updateDeckId` names that deck, which is then brought in
 * line with the file (kept questions keep their ids).
 */
export async function importBankFile(
  ownerId: string | null,
  fileName: string,
  bytes: Uint8Array,
  options: { updateDeckId?: string } = {},
): Promise<BankImportOutcome> {
  // Parsed in a worker thread: an .apkg runs SQLite over an untrusted database.
  const result = await parseBankFileInWorker(fileName, bytes);
  const report = importReport(fileName, result);
  if (!result.ok) return { ...result, report };
  if (result.questions.length === 0) {
    const message = `${fileName}: the file holds no questions Quarry can use.`;
    return { ok: false as const, errors: [{ message }], report: [...report, message] };
  }
  const title = bankTitle(fileName, bytes, result.title);
  const sourceHash = sha256Hex(bytes);
  const skipped = result.skipped ?? [];
  const target = options.updateDeckId
    ? await getDeck(options.updateDeckId)
    : await findDeckBySourceHash(ownerId, sourceHash);
  // Only the importer's own imported decks can be updated; any other id is treated as absent.
  const own = target && target.ownerId === ownerId && target.kind === "imported" ? target : null;
  if (own && own.documentIds[0]) {
    const documentId = own.documentIds[0];
    if (!options.updateDeckId) {
      return { ok: true, status: "duplicate", deckId: own.id, documentId, title: own.title, count: 0, skipped, report };
    }
    const changed = await updateImportedBank(own.id, documentId, { title, questions: result.questions, sourceHash });
    return { ok: true, status: "updated", deckId: own.id, documentId, title, count: changed.added, skipped, report };
  }
  if (options.updateDeckId) return { ok: false, errors: [{ message: "That deck does not exist." }], report };
  const saved = await saveImportedBank({
    title,
    fileName,
    ownerId,
    questions: result.questions,
    media: result.media,
    sourceHash,
  });
  return { ok: true, status: "created", ...saved, title, skipped, report };
}

/**
 * An image of an imported deck's document, by the name its questions use (URL-decoded,
 * or as given). Only the image types sniffed on import are ever served; null otherwise.
 */
export async function findDeckMedia(documentId: string, name: string) {
  const media = (await getDeckMedia(documentId, safeDecode(name))) ?? (await getDeckMedia(documentId, name));
  return media && IMAGE_MIMES.includes(media.mime as ImageMime) ? media : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
