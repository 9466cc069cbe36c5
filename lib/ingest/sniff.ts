/** What the bytes actually are, regardless of the file name. */
export type SniffedContent = "pdf" | "zip" | "ole" | "image" | "binary" | "text" | "empty";

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy .doc/.xls
const IMAGES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x42, 0x4d], // BMP (checked last: short signature)
];

export function sniffContent(bytes: Uint8Array): SniffedContent {
  if (bytes.length === 0) return "empty";
  // The spec lets %PDF- appear anywhere in the first 1 KB.
  if (indexOf(bytes.subarray(0, 1024), PDF) >= 0) return "pdf";
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return "zip";
  if (startsWith(bytes, OLE)) return "ole";
  // UTF-16 text (Windows "Unicode" saves) is full of NULs but is still text.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return "text";
  if (IMAGES.slice(0, 3).some((sig) => startsWith(bytes, sig))) return "image";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image";
  return looksBinary(bytes) ? "binary" : "text";
}

/** Text files have no NULs and few control characters (UTF-16 is recognised by its BOM before this). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

export function describeContent(kind: SniffedContent): string {
  switch (kind) {
    case "pdf":
      return "a PDF";
    case "zip":
      return "a zip archive";
    case "ole":
      return "an older Office file (.doc/.xls); save it as .docx first";
    case "image":
      return "an image";
    case "binary":
      return "a binary file";
    case "text":
      return "plain text";
    case "empty":
      return "empty";
  }
}

function indexOf(hay: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
