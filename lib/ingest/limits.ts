import { formatBytes } from "../text/document-file";
import type { ZipLimits } from "./types";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20;

/** A real handout inflates to a few MB; anything past this is treated as hostile. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 50 * 1024 * 1024,
  maxEntryBytes: 25 * 1024 * 1024,
  maxEntries: 2000,
};

/** Longer than any handout or textbook chapter; checked from the page count before any page is read. */
export const MAX_PDF_PAGES = 500;

export type UploadFileInfo = { fileName: string; size: number };

export type BatchProblem = { fileName: string; code: "too_large" | "unsupported_type"; message: string };

export type BatchCheck = {
  /** Set when the batch as a whole is refused (too many files, or none). */
  batchError: { code: "too_many_files" | "no_files"; message: string } | null;
  /** Files that will fail before any parsing; the rest may still fail during extraction. */
  problems: BatchProblem[];
};

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".pdf", ".docx"] as const;

/** Cheap checks on names and sizes before reading any bytes. */
export function checkUploadBatch(
  files: readonly UploadFileInfo[],
  limits: { maxFiles?: number; maxBytes?: number } = {},
): BatchCheck {
  const maxFiles = limits.maxFiles ?? MAX_UPLOAD_FILES;
  const maxBytes = limits.maxBytes ?? MAX_UPLOAD_BYTES;
  let batchError: BatchCheck["batchError"] = null;
  if (files.length === 0) batchError = { code: "no_files", message: "Choose at least one file to upload." };
  else if (files.length > maxFiles)
    batchError = {
      code: "too_many_files",
      message: `You chose ${files.length} files; upload at most ${maxFiles} at a time.`,
    };
  const problems: BatchProblem[] = [];
  for (const f of files) {
    if (!hasSupportedExtension(f.fileName)) {
      problems.push({
        fileName: f.fileName,
        code: "unsupported_type",
        message: `${f.fileName}: ${UNSUPPORTED_REASON}`,
      });
    } else if (f.size > maxBytes) {
      problems.push({
        fileName: f.fileName,
        code: "too_large",
        message: `${f.fileName}: ${tooLargeReason(f.size, maxBytes)}`,
      });
    }
  }
  return { batchError, problems };
}

export function extensionOf(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName.trim());
  return m ? m[0].toLowerCase() : "";
}

export function hasSupportedExtension(fileName: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));
}

export const UNSUPPORTED_REASON = "this file type is not supported; upload .txt, .md, .html, .pdf or .docx.";

export function tooLargeReason(size: number, max: number): string {
  return `the file is ${formatBytes(size)}; the limit is ${formatBytes(max)}.`;
}
