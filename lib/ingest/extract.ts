import { sha256Hex } from "../text/normalize";
import {
  DEFAULT_ZIP_LIMITS,
  MAX_PDF_PAGES,
  MAX_UPLOAD_BYTES,
  UNSUPPORTED_REASON,
  extensionOf,
  tooLargeReason,
} from "./limits";
import { scriptProblem } from "./script-check";
import { describeContent, sniffContent, type SniffedContent } from "./sniff";
import { decodeText, extractPlainText, tidyText, titleFromFileName, titleFromText } from "./text";
import {
  IngestError,
  type DocumentKind,
  type ExtractOptions,
  type ExtractResult,
  type ExtractedDocument,
  type ExtractFailure,
  type IngestErrorCode,
} from "./types";

const KIND_BY_EXTENSION: Record<string, Exclude<DocumentKind, "paste">> = {
  ".txt": "txt",
  ".md": "md",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
};

// What the bytes must look like for each kind.
const EXPECTED: Record<Exclude<DocumentKind, "paste">, SniffedContent> = {
  txt: "text",
  md: "text",
  html: "text",
  pdf: "pdf",
  docx: "zip",
};

/**
 * Turns one uploaded file into plain text. Never throws: every failure comes
 * back as `{ ok: false }` with a code and a message that names the file.
 */
export async function extractDocument(
  file: { fileName: string; bytes: Uint8Array },
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  const fileName = String(file.fileName ?? "").trim() || "upload";
  try {
    return await extractOrThrow(fileName, file.bytes, options);
  } catch (err) {
    if (err instanceof IngestError) return failure(fileName, err.code, err.message);
    return failure(fileName, "corrupt", "could not be read (the file may be damaged)");
  }
}

async function extractOrThrow(
  fileName: string,
  bytes: Uint8Array,
  options: ExtractOptions,
): Promise<ExtractedDocument> {
  const report = options.onStage ?? (() => undefined);
  report("reading", 0);
  const kind = KIND_BY_EXTENSION[extensionOf(fileName)];
  if (!kind) throw new IngestError("unsupported_type", UNSUPPORTED_REASON);
  if (!(bytes instanceof Uint8Array)) throw new IngestError("corrupt", "could not be read");
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new IngestError("too_large", tooLargeReason(bytes.byteLength, maxBytes));
  }
  const sniffed = sniffContent(bytes);
  if (sniffed === "empty") throw new IngestError("empty", "is empty");
  if (sniffed !== EXPECTED[kind]) {
    throw new IngestError("type_mismatch", `is named .${kind} but is ${describeContent(sniffed)}`);
  }
  report("reading", 1);

  let title: string | null = null;
  let text: string;
  // Parsers load on first use: a worker that reads one PDF never loads mammoth or linkedom.
  if (kind === "pdf") {
    const { extractPdf } = await import("./pdf");
    const pdf = await extractPdf(bytes, report, options.maxPdfPages ?? MAX_PDF_PAGES);
    title = pdf.title;
    text = pdf.pages.filter((p) => p.trim() !== "").join("\n\n");
    if (!text.trim()) {
      throw new IngestError(
        "empty",
        "has no extractable text (it may be scanned images; text recognition is not supported)",
      );
    }
  } else if (kind === "docx") {
    report("parsing", 0);
    const { extractDocx } = await import("./docx");
    const docx = await extractDocx(bytes, { ...DEFAULT_ZIP_LIMITS, ...options.zipLimits }, (f) => report("parsing", f));
    report("extracting", 0);
    title = docx.title;
    text = docx.text;
  } else if (kind === "html") {
    report("parsing", 0);
    const { extractHtml } = await import("./html");
    const html = extractHtml(decodeText(bytes));
    report("parsing", 1);
    report("extracting", 0);
    title = html.title || null;
    text = html.text;
  } else {
    report("parsing", 0);
    const plain = extractPlainText(fileName, bytes);
    report("parsing", 1);
    report("extracting", 0);
    title = plain.title;
    text = plain.text;
  }
  if (!text.trim()) throw new IngestError("empty", "has no text");
  checkScript(text, options.minLatinShare);
  report("extracting", 1);
  return {
    ok: true,
    title: title || titleFromText(text, titleFromFileName(fileName)),
    text,
    sha256: sha256Hex(bytes),
    kind,
  };
}

/** Text typed or pasted into the page rather than uploaded. */
export function extractPastedText(
  text: string,
  title?: string,
  options: Pick<ExtractOptions, "maxBytes" | "minLatinShare"> = {},
): ExtractResult {
  const fileName = title?.trim() || "Pasted text";
  const input = typeof text === "string" ? text : "";
  const bytes = new TextEncoder().encode(input);
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  if (bytes.byteLength > maxBytes) return failure(fileName, "too_large", tooLargeReason(bytes.byteLength, maxBytes));
  const tidy = tidyText(input);
  if (!tidy) return failure(fileName, "empty", "there is no text to use");
  const problem = scriptProblem(tidy, options.minLatinShare);
  if (problem) return failure(fileName, "unsupported_script", problem);
  return {
    ok: true,
    title: title?.trim() || titleFromText(tidy, "Pasted text"),
    text: tidy,
    sha256: sha256Hex(bytes),
    kind: "paste",
  };
}

function failure(fileName: string, code: IngestErrorCode, reason: string): ExtractFailure {
  return { ok: false, fileName, code, message: `${fileName}: ${reason.replace(/\.?$/, ".")}` };
}

function checkScript(text: string, minLatinShare?: number): void {
  const problem = scriptProblem(text, minLatinShare);
  if (problem) throw new IngestError("unsupported_script", problem);
}
