import { Decompress } from "fzstd";
import { readProto, protoString } from "./anki-protobuf";
import type { ImageMime } from "./types";

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export function isZstd(bytes: Uint8Array): boolean {
  return ZSTD_MAGIC.every((b, i) => bytes[i] === b);
}

/** Decompresses a zstd frame (Anki's newer collections and media), stopping once it passes `maxBytes`. */
export function unzstd(bytes: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Decompress((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new ZstdTooLarge(maxBytes);
    chunks.push(chunk);
  });
  const step = 64 * 1024;
  for (let i = 0; i < bytes.length; i += step) stream.push(bytes.subarray(i, i + step), i + step >= bytes.length);
  if (bytes.length === 0) stream.push(bytes, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export class ZstdTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
}

/**
 * The package's media list: file name → name of the zip entry holding it.
 * Older packages keep a JSON map (`{"0": "cat.jpg"}`); newer ones a
 * zstd-compressed protobuf list whose position is the entry name.
 */
export function readMediaMap(bytes: Uint8Array | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (!bytes || bytes.length === 0) return map;
  const raw = isZstd(bytes) ? unzstd(bytes, 16 * 1024 * 1024) : bytes;
  const text = new TextDecoder("utf-8").decode(raw.subarray(0, 1)).trim();
  if (text === "{") {
    const json = JSON.parse(new TextDecoder("utf-8").decode(raw)) as Record<string, unknown>;
    for (const [entry, name] of Object.entries(json)) if (typeof name === "string") map.set(name, entry);
    return map;
  }
  readProto(raw)
    .filter((f) => f.no === 1 && f.bytes)
    .forEach((f, i) => {
      const entry = readProto(f.bytes!);
      const name = protoString(entry, 1);
      const legacy = entry.find((x) => x.no === 255 && x.int !== undefined);
      if (name) map.set(name, legacy ? String(legacy.int) : String(i));
    });
  return map;
}

/** The image type from the file's first bytes; SVG and anything else is refused (it can carry scripts). */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  const at = (sig: number[], offset = 0) => sig.every((b, i) => bytes[offset + i] === b);
  if (at([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (at([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (at([0x47, 0x49, 0x46, 0x38])) return "image/gif";
  if (at([0x52, 0x49, 0x46, 0x46]) && at([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}
