import fs from "node:fs/promises";
import path from "node:path";
import {
  getDocumentByContentPath,
  listContentDocuments,
  listPendingContentDocuments,
  saveDocument,
} from "@/lib/data/documents";
import { ensureContentDecks } from "@/lib/server/decks";
import { MAX_DOCUMENT_SENTENCES } from "@/lib/server/generation/limits";
import { generateDocumentQuestions } from "@/lib/server/question-bank";
import type { SyncReport } from "@/lib/data/questions";
import { DocumentError, MAX_DOCUMENT_BYTES, formatBytes, parseDocumentFile } from "@/lib/text/document-file";
import { splitSentences } from "@/lib/text/sentences";

export const CONTENT_EXTENSIONS = [".txt", ".md"];

export type ImportIssue = { file: string; message: string };

export type ImportReport = {
  added: string[];
  updated: string[];
  unchanged: string[];
  failed: ImportIssue[];
  /** Documents whose question generation failed: stored as failed, skipped until their file changes. */
  generationFailed: ImportIssue[];
  questions: SyncReport;
};

/**
 * Reads every .txt/.md file under `dir` into the Document table. Unchanged
 * files (same sha256) are skipped; a bad file is reported and skipped
 * without touching what is already stored for it or for any other file.
 * Then questions are generated for each new or changed document, one worker
 * job per document (published on a document's first import: content/ is the
 * maintainers' own corpus). A document whose generation fails is marked
 * failed and reported; it never stops the import, nor start-up.
 */
export async function importContent(dir: string): Promise<ImportReport> {
  const report: Omit<ImportReport, "questions"> = {
    added: [],
    updated: [],
    unchanged: [],
    failed: [],
    generationFailed: [],
  };
  for (const file of await listContentFiles(dir)) {
    const contentPath = path.relative(dir, file).split(path.sep).join("/");
    try {
      const outcome = await importFile(file, contentPath);
      report[outcome].push(contentPath);
    } catch (err) {
      report.failed.push({ file: contentPath, message: describeError(contentPath, err) });
    }
  }
  await ensureContentDecks(await listContentDocuments());
  const questions: SyncReport = { created: 0, updated: 0, retired: 0, unchanged: 0, conflicts: 0 };
  // Pending: new or changed text, or a run that was cut short. Failed documents are not pending.
  for (const id of await listPendingContentDocuments()) {
    const outcome = await generateDocumentQuestions(id);
    if (!outcome.ok) {
      report.generationFailed.push({ file: outcome.file, message: outcome.reason });
      continue;
    }
    for (const k of Object.keys(questions) as Array<keyof SyncReport>) questions[k] += outcome.report[k];
  }
  return { ...report, questions };
}

async function importFile(file: string, contentPath: string): Promise<"added" | "updated" | "unchanged"> {
  const { size } = await fs.stat(file);
  if (size > MAX_DOCUMENT_BYTES) {
    throw new DocumentError(
      contentPath,
      "too_large",
      `file is ${formatBytes(size)}; the limit is ${formatBytes(MAX_DOCUMENT_BYTES)}`,
    );
  }
  const parsed = parseDocumentFile(contentPath, await fs.readFile(file));
  const existing = await getDocumentByContentPath(contentPath);
  if (existing?.sha256 === parsed.sha256) return "unchanged";
  const sentences = splitSentences(parsed.text, MAX_DOCUMENT_SENTENCES);
  if (sentences.length > MAX_DOCUMENT_SENTENCES) {
    throw new DocumentError(contentPath, "too_large", `has more than ${MAX_DOCUMENT_SENTENCES} sentences`);
  }
  await saveDocument(
    {
      contentPath,
      fileName: path.basename(file),
      title: parsed.title,
      source: parsed.source,
      text: parsed.text,
      sha256: parsed.sha256,
      sentences,
    },
    existing?.id,
  );
  return existing ? "updated" : "added";
}

export async function listContentFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && CONTENT_EXTENSIONS.includes(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function describeError(contentPath: string, err: unknown): string {
  if (err instanceof DocumentError) return err.message;
  const detail = err instanceof Error ? err.message : String(err);
  return `${contentPath}: could not be imported (${detail})`;
}
