export { extractDocument, extractPastedText } from "./extract";
export { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, SUPPORTED_EXTENSIONS, checkUploadBatch } from "./limits";
export type { ExtractResult, IngestErrorCode, IngestStage } from "./types";
