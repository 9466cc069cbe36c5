import { Inflate } from "fflate";
import type { ZipLimits } from "./types";

/**
 * Reads a zip without trusting it: the central directory is checked against
 * the limits before anything is inflated, and inflation stops as soon as an
 * entry produces more bytes than its header declared.
 */
export class ZipGuardError extends Error {
  constructor(
    readonly code: "zip_bomb" | "corrupt",
    message: string,
  ) {
    super(message);
    this.name = "ZipGuardError";
  }
}

export type ZipEntryInfo = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 16 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

/** Lists entries from the central directory without inflating anything. */
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : fail("is cut short"));
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : fail("is cut short"));
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65535; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail("has no zip directory (the file is damaged or incomplete)");
  const count = u16(eocd + 10);
  const dirSize = u32(eocd + 12);
  let at = u32(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || at === 0xffffffff) {
    throw new ZipGuardError(
      "zip_bomb",
      "uses the ZIP64 format, which is only needed for archives far larger than allowed",
    );
  }
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntryInfo[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) fail("has a damaged zip directory");
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    const localHeaderOffset = u32(at + 42);
    if (at + 46 + nameLen > bytes.length) fail("has a damaged zip directory");
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    entries.push({ name, method, compressedSize, size, localHeaderOffset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Throws zip_bomb when the archive has too many entries or the ones to be
 * read declare more bytes than allowed.
 */
export function checkZipLimits(
  entries: readonly ZipEntryInfo[],
  toRead: readonly ZipEntryInfo[],
  limits: ZipLimits,
): void {
  if (entries.length > limits.maxEntries) {
    throw new ZipGuardError("zip_bomb", `holds ${entries.length} files; at most ${limits.maxEntries} are allowed`);
  }
  let total = 0;
  for (const e of toRead) {
    if (e.size > limits.maxEntryBytes) {
      throw new ZipGuardError(
        "zip_bomb",
        `has an entry (${e.name}) that would unpack to ${mb(e.size)}; at most ${mb(limits.maxEntryBytes)} is allowed`,
      );
    }
    total += e.size;
    if (total > limits.maxTotalBytes) {
      throw new ZipGuardError(
        "zip_bomb",
        `would unpack to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB, which is not a plausible document`,
      );
    }
  }
}

/** Inflates one entry, refusing to produce more bytes than the directory declared. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntryInfo, maxEntryBytes = Infinity): Uint8Array {
  if (entry.size > maxEntryBytes) {
    throw new ZipGuardError(
      "zip_bomb",
      `has an entry (${entry.name}) that would unpack to more than ${mb(maxEntryBytes)}`,
    );
  }
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length) fail(`has a damaged entry (${entry.name})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== LOCAL) fail(`has a damaged entry (${entry.name})`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) fail(`has a truncated entry (${entry.name})`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length !== entry.size) fail(`has a damaged entry (${entry.name})`);
    return data.slice();
  }
  if (entry.method !== 8) fail(`uses an unsupported compression method in ${entry.name}`);
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    // Checked per chunk while inflating: the declared size (itself under the cap) is never exceeded.
    if (written + chunk.length > out.length) {
      throw new ZipGuardError("zip_bomb", `has an entry (${entry.name}) that unpacks to more than it declares`);
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK) {
      inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ZipGuardError) throw err;
    fail(`has a damaged entry (${entry.name})`);
  }
  if (written !== entry.size) fail(`has a damaged entry (${entry.name})`);
  return out;
}

/** Lists, checks limits, then inflates the entries `want` selects (all by default). */
export function readZipSafely(
  bytes: Uint8Array,
  limits: ZipLimits,
  want: (name: string) => boolean = () => true,
): Map<string, Uint8Array> {
  const entries = listZipEntries(bytes).filter((e) => !e.name.endsWith("/"));
  const toRead = entries.filter((e) => want(e.name));
  checkZipLimits(entries, toRead, limits);
  const files = new Map<string, Uint8Array>();
  for (const e of toRead) files.set(e.name, readZipEntry(bytes, e, limits.maxEntryBytes));
  return files;
}

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function fail(message: string): never {
  throw new ZipGuardError("corrupt", message);
}
