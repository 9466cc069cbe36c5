export { fromApkg } from "./anki-import";
export { toApkg } from "./anki-export";
export { fromAnkiText } from "./anki-text";
export { fromCsv, toCsv } from "./csv";
export { fromGift } from "./gift-import";
export { toGift } from "./gift-export";
export { fromQuarryJson, toQuarryJson } from "./quarry-json";
export { readBankFile, sniffText } from "./read-bank";
export { importReport } from "./report";
export {
  IMAGE_MIMES,
  type ImageMime,
  type ImportResult,
  type ImportSuccess,
  type InterchangeQuestion,
  type MediaFile,
} from "./types";
export { BLANK, validateQuestion } from "./validate";
export { textBankTitle } from "./bank-title";
