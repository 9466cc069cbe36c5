export { fromApkg, DEFAULT_APKG_LIMITS, MAX_APKG_BYTES, type ApkgImportOptions } from "./anki-import";
export { toApkg, type ApkgExportOptions } from "./anki-export";
export { IMAGE_TOKEN } from "./anki-html";
export { fromAnkiText } from "./anki-text";
export { fromCsv, toCsv, CSV_COLUMNS } from "./csv";
export { fromGift } from "./gift-import";
export { toGift } from "./gift-export";
export {
  fromQuarryJson,
  toQuarryJson,
  type QuarryJsonExport,
  type QuarryJsonImport,
  type QuarryJsonMeta,
} from "./quarry-json";
export { BANK_FORMATS, readBankFile, sniffText, type BankFormat } from "./read-bank";
export { importReport } from "./report";
export type { SqlJsConfig } from "./sql-loader";
export { decodeText } from "./text-encoding";
export {
  IMAGE_MIMES,
  INTERCHANGE_LIMITS,
  type FileProblemCode,
  type ImageMime,
  type ImportFailure,
  type ImportIssue,
  type ImportResult,
  type ImportSuccess,
  type InterchangeQuestion,
  type MediaFile,
  type QuarryExtra,
  type SkippedRecord,
} from "./types";
export { BLANK, validateQuestion } from "./validate";
export { textBankTitle } from "./bank-title";
