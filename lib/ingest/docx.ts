import mammoth from "mammoth";
import { zipSync } from "fflate";
import { IngestError, type ZipLimits } from "./types";
import { tidyText } from "./text";
import { readZipSafely, ZipGuardError } from "./zip-guard";

export type DocxText = { title: string | null; text: string };

/**
 * Raw text of a Word document. The archive is unpacked here under the zip
 * limits and re-packed uncompressed, so mammoth never inflates untrusted data.
 */
export async function extractDocx(
  bytes: Uint8Array,
  limits: ZipLimits,
  onProgress: (f: number) => void,
): Promise<DocxText> {
  let files: Map<string, Uint8Array>;
  try {
    files = readZipSafely(bytes, limits);
  } catch (err) {
    if (err instanceof ZipGuardError) {
      throw err.code === "zip_bomb"
        ? new IngestError("zip_bomb", `${err.message}; it was not opened`)
        : new IngestError("corrupt", `is not a readable Word document: it ${err.message}`);
    }
    throw err;
  }
  if (!files.has("word/document.xml")) {
    throw new IngestError("type_mismatch", "is a zip archive but not a Word document (no word/document.xml)");
  }
  onProgress(0.5);
  const repacked = zipSync(Object.fromEntries(files), { level: 0 });
  let value: string;
  try {
    value = (await mammoth.extractRawText({ buffer: Buffer.from(repacked) })).value;
  } catch {
    throw new IngestError("corrupt", "is not a readable Word document (the file may be damaged)");
  }
  onProgress(1);
  return { title: coreTitle(files.get("docProps/core.xml")), text: tidyText(value) };
}

function coreTitle(core: Uint8Array | undefined): string | null {
  if (!core) return null;
  const m = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(new TextDecoder().decode(core));
  const title = m?.[1]
    ?.replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
  return title || null;
}
