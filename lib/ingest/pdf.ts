import { definePDFJSModule, getDocumentProxy, getMeta } from "unpdf";
import { IngestError } from "./types";
import { tidyText } from "./text";

type Item = { str: string; transform: number[]; height: number; hasEOL: boolean };
type Line = { text: string; y: number; size: number };

let pdfjsReady: Promise<void> | null = null;

// unpdf 1.0.0's default loader expects a `resolvePDFJS` export its bundled
// PDF.js no longer has; pointing it at the bundle directly works on Node 20.
function ensurePdfjs(): Promise<void> {
  pdfjsReady ??= definePDFJSModule(() => import("unpdf/pdfjs"));
  return pdfjsReady;
}

export type PdfText = { title: string | null; pages: string[] };

/** Text of each page; throws IngestError for encrypted or unreadable files. */
export async function extractPdf(
  bytes: Uint8Array,
  onProgress: (stage: "parsing" | "extracting", f: number) => void,
  maxPages: number,
): Promise<PdfText> {
  // A cheap first look: the largest /Count in the file's plain-text objects is
  // the page tree's root. Counts hidden in compressed object streams are
  // checked again from PDF.js's numPages below.
  refuseTooManyPages(largestDeclaredCount(bytes), maxPages);
  await ensurePdfjs();
  onProgress("parsing", 0);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js may detach the buffer it is given, so it gets a copy.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, stopAtErrors: false });
  } catch (err) {
    throw pdfError(err);
  }
  try {
    // numPages is the page tree's declared /Count: known before any page is walked.
    refuseTooManyPages(pdf.numPages, maxPages);
    onProgress("parsing", 1);
    let title: string | null = null;
    try {
      const meta = await getMeta(pdf);
      const raw: unknown = meta.info?.Title;
      title = typeof raw === "string" ? cleanTitle(raw) : null;
    } catch {
      title = null;
    }
    const pages: string[] = [];
    onProgress("extracting", 0);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = content.items.flatMap((i) =>
        "str" in i ? [{ str: i.str, transform: i.transform, height: i.height, hasEOL: i.hasEOL }] : [],
      );
      pages.push(pageText(items));
      page.cleanup();
      onProgress("extracting", n / pdf.numPages);
    }
    return { title, pages };
  } catch (err) {
    throw err instanceof IngestError ? err : pdfError(err);
  } finally {
    void pdf.destroy().catch(() => undefined);
  }
}

function refuseTooManyPages(pages: number, maxPages: number): void {
  if (pages > maxPages) {
    throw new IngestError(
      "too_many_pages",
      `has ${pages.toLocaleString("en")} pages; at most ${maxPages} are read. Split it into parts`,
    );
  }
}

/**
 * Largest `/Count n` of a page-tree node (`/Type /Pages` close by) in the raw
 * bytes, 0 if none, without parsing the PDF. Outlines also use /Count, hence
 * the check for the node type.
 */
export function largestDeclaredCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  let largest = 0;
  for (const m of text.matchAll(/\/Count\s+(\d{1,12})/g)) {
    const near = text.slice(Math.max(0, m.index - 300), m.index + 300);
    if (/\/Type\s*\/Pages(?![A-Za-z])/.test(near)) largest = Math.max(largest, Number(m[1]));
  }
  return largest;
}

function pdfError(err: unknown): IngestError {
  const name = err instanceof Error ? err.name : "";
  if (name === "PasswordException") {
    return new IngestError("encrypted_pdf", "is password-protected; remove the password and upload it again");
  }
  return new IngestError("corrupt", "could not be read as a PDF (the file may be damaged)");
}

/** Rebuilds lines from positioned text runs, then joins lines into paragraphs by vertical gaps. */
export function pageText(items: readonly Item[]): string {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const item of items) {
    const y = Number(item.transform[5]) || 0;
    const size = Math.abs(Number(item.transform[3])) || item.height || 12;
    if (cur && Math.abs(y - cur.y) > cur.size * 0.5 && item.str.trim() !== "") {
      lines.push(cur);
      cur = null;
    }
    if (!cur) cur = { text: "", y, size };
    cur.text += item.str;
    if (item.hasEOL) {
      lines.push(cur);
      cur = null;
    }
  }
  if (cur) lines.push(cur);

  let out = "";
  let prev: Line | null = null;
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, " ").trim();
    if (!text) continue;
    if (prev) {
      const gap = prev.y - line.y;
      // A gap well beyond normal leading, or a jump upwards (next column), starts a paragraph.
      const newParagraph = gap > Math.max(prev.size, line.size) * 1.6 || gap < -prev.size;
      out += newParagraph ? "\n\n" : out.endsWith("-") ? "" : " ";
    }
    out += text;
    prev = line;
  }
  return tidyText(out);
}

function cleanTitle(raw: string): string | null {
  const t = raw
    .replace(/^Microsoft (Word|PowerPoint) - /i, "")
    .replace(/\.(docx?|pptx?|pdf)$/i, "")
    .trim();
  return t && !/^untitled$/i.test(t) ? t : null;
}
