export { extractDocument, extractPastedText } from "./extract";
export {
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_FILES,
  DEFAULT_ZIP_LIMITS,
  SUPPORTED_EXTENSIONS,
  checkUploadBatch,
  type BatchCheck,
  type BatchProblem,
  type UploadFileInfo,
} from "./limits";
export { MIN_LATIN_SHARE } from "./script-check";
export type {
  DocumentKind,
  ExtractFailure,
  ExtractOptions,
  ExtractResult,
  ExtractedDocument,
  IngestErrorCode,
  IngestStage,
  ZipLimits,
} from "./types";
