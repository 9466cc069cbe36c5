/**
 * The one formula guard every CSV export uses. A spreadsheet runs a cell that
 * starts with =, +, -, @, a tab or a carriage return as a formula (`-1+HYPERLINK(…)`
 * included), so such text gets a leading apostrophe, the spreadsheet
 * convention for "literal text". Text already starting with ' before such a
 * character gets one more, so `unguardFormula` reads every cell back exactly.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function needsFormulaGuard(text: string): boolean {
  return FORMULA_START.test(text) || (text.startsWith("'") && needsFormulaGuard(text.slice(1)));
}

export function guardFormula(text: string): string {
  return needsFormulaGuard(text) ? `'${text}` : text;
}

/** The inverse of guardFormula, for importing a file Quarry wrote. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && needsFormulaGuard(text.slice(1)) ? text.slice(1) : text;
}
