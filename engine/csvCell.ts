/**
 * One CSV cell that a spreadsheet cannot execute (OWASP "CSV injection"): a text cell starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote, so Excel, LibreOffice
 * and Google Sheets show it as text instead of evaluating a formula; numbers (and text that is exactly a
 * number, such as `-12.50` or `1e6`) stay numbers. Cells with a comma, quote or line break are quoted.
 */

/** A plain decimal number as text: kept as it is (a spreadsheet reads it as a number, never a formula). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * @example csvCell('=cmd|\' /C calc\'!A0') // "'=cmd|' /C calc'!A0"
 * @example csvCell(-12.5) // '-12.5'
 * @example csvCell('a, b') // '"a, b"'
 */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? String(v) : v;
  if (typeof v !== 'number' && FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
