import path from "node:path";
import { looksBinary } from "../ingest/sniff";
import { sha256Hex } from "./normalize";

/** Upper bound for one text document; larger files are refused, not truncated. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type ParsedDocument = {
  title: string;
  source: string | null;
  /** The body: everything after the front matter, line endings as in the file. */
  text: string;
  sha256: string;
};

export class DocumentError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: "empty" | "binary" | "too_large" | "encoding",
    message: string,
  ) {
    super(`${fileName}: ${message}`);
    this.name = "DocumentError";
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Decode and validate a .txt/.md file. Front matter (`title:`, `source:`)
 * is optional; without it the title comes from a leading `# heading` or the
 * file name. Throws DocumentError with a message that names the file.
 */
export function parseDocumentFile(fileName: string, bytes: Uint8Array): ParsedDocument {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    throw new DocumentError(
      fileName,
      "too_large",
      `file is ${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(MAX_DOCUMENT_BYTES)}`,
    );
  }
  if (looksBinary(bytes)) {
    throw new DocumentError(fileName, "binary", "looks like a binary file, not text");
  }
  let raw: string;
  try {
    raw = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError(fileName, "encoding", "is not valid UTF-8 text");
  }
  raw = raw.replace(/^\uFEFF/, "");

  const fields: Record<string, string> = {};
  let body = raw;
  const fm = FRONT_MATTER.exec(raw);
  if (fm) {
    for (const line of fm[1]!.split(/\r?\n/)) {
      const m = /^([A-Za-z]+):\s*(.*)$/.exec(line);
      if (m) fields[m[1]!.toLowerCase()] = m[2]!.trim();
    }
    body = raw.slice(fm[0].length);
  }
  if (body.trim() === "") {
    throw new DocumentError(fileName, "empty", "has no text");
  }
  const heading = /^\s*#\s+(.+)$/m.exec(body.slice(0, 500));
  const title = fields.title || heading?.[1]?.trim() || titleFromFileName(fileName);
  return { title, source: fields.source || null, text: body, sha256: sha256Hex(bytes) };
}

function titleFromFileName(fileName: string): string {
  const base = path.basename(fileName).replace(/\.[^.]+$/, "");
  const words = base.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
