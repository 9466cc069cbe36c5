/** What an uploaded file turned into, or why it could not be read. */
export type DocumentKind = "txt" | "md" | "html" | "pdf" | "docx" | "paste";

export type IngestErrorCode =
  | "too_large"
  | "empty"
  | "encrypted_pdf"
  | "corrupt"
  | "type_mismatch"
  | "unsupported_type"
  | "unsupported_script"
  | "zip_bomb"
  | "too_many_pages"
  /** Parsing ran past its time or memory limit. */
  | "too_complex";

export type ExtractedDocument = {
  ok: true;
  title: string;
  /** Plain text, one paragraph per line (blank lines between paragraphs). Never markup. */
  text: string;
  /** SHA-256 of the uploaded bytes (of the UTF-8 text for pasted text). */
  sha256: string;
  kind: DocumentKind;
};

export type ExtractFailure = {
  ok: false;
  fileName: string;
  code: IngestErrorCode;
  /** Names the file; safe to show to the user as is. */
  message: string;
};

export type ExtractResult = ExtractedDocument | ExtractFailure;

export type IngestStage = "reading" | "parsing" | "extracting";

export type ExtractOptions = {
  /** Called with monotonically increasing fractions in [0, 1] within each stage. */
  onStage?: (stage: IngestStage, fraction: number) => void;
  /** Per-file byte limit; defaults to MAX_UPLOAD_BYTES. */
  maxBytes?: number;
  /** Zip limits for .docx; lowered in tests. */
  zipLimits?: Partial<ZipLimits>;
  /** Page cap for PDFs, checked before any page is read; defaults to MAX_PDF_PAGES. */
  maxPdfPages?: number;
  /** Minimum share of Latin letters among all letters; defaults to MIN_LATIN_SHARE. */
  minLatinShare?: number;
};

export type ZipLimits = {
  /** Total uncompressed bytes across all entries. */
  maxTotalBytes: number;
  /** Uncompressed bytes of any one entry, checked from the directory and again while inflating. */
  maxEntryBytes: number;
  maxEntries: number;
};

/** Thrown inside the extractors and turned into an ExtractFailure at the boundary. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}
