import fs from "node:fs/promises";
import path from "node:path";
import { getDocumentByContentPath, listContentDocuments, saveDocument } from "@/lib/data/documents";
import { ensureContentDecks } from "@/lib/server/decks";
import { regenerateQuestionBank } from "@/lib/server/question-bank";
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
  questions: SyncReport;
};

/**
 * Reads every .txt/.md file under `dir` into the Document table. Unchanged
 * files (same sha256) are skipped; a bad file is reported and skipped
 * without touching what is already stored for it or for any other file.
 * Then the question bank is regenerated and synced (published: content/ is
 * the maintainers' own corpus).
 */
export async function importContent(dir: string): Promise<ImportReport> {
  const report: Omit<ImportReport, "questions"> = { added: [], updated: [], unchanged: [], failed: [] };
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
  // Always regenerate: it takes milliseconds and writes only differences, and it
  // picks up generator improvements for documents whose text did not change.
  return { ...report, questions: await regenerateQuestionBank() };
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
  await saveDocument(
    {
      contentPath,
      fileName: path.basename(file),
      title: parsed.title,
      source: parsed.source,
      text: parsed.text,
      sha256: parsed.sha256,
      sentences: splitSentences(parsed.text),
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
