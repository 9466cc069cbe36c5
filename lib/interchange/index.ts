export { fromApkg, DEFAULT_APKG_LIMITS, MAX_APKG_BYTES, type ApkgImportOptions } from "./anki-import";
export { toApkg, type ApkgExportOptions } from "./anki-export";
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
export { parseBankFile } from "./parse-file";
export type { SqlJsConfig } from "./sql-loader";
export {
  INTERCHANGE_LIMITS,
  type FileProblemCode,
  type ImportFailure,
  type ImportIssue,
  type ImportResult,
  type ImportSuccess,
  type InterchangeQuestion,
  type QuarryExtra,
  type SkippedRecord,
} from "./types";
export { BLANK, validateQuestion } from "./validate";
export { textBankTitle } from "./bank-title";
