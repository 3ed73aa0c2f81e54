/**
 * Dates in CRM exports. Accepted: ISO 8601 `YYYY-MM-DD` (optionally followed by a time, `T` or space
 * separated, with an optional zone, which is ignored: the calendar date as written is used), `YYYY/MM/DD`,
 * and the US month-first forms `M/D/YYYY` and `M/D/YY` (optionally followed by a time and AM/PM), as
 * Salesforce writes them for US locales. Day-first exports (`D/M/YYYY`, `D.M.YYYY`) need
 * `dateOrder: 'dmy'`. Two-digit years 00-68 are 20xx, 69-99 are 19xx (the POSIX rule).
 * Months are counted as integers `year * 12 + (month - 1)`.
 */

/** A calendar date. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Which way round slash-separated dates are read. */
export type DateOrder = 'mdy' | 'dmy';

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/;

/**
 * Days in a month of a year (Gregorian).
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * Parses a date as described in the module comment; null when it is not one.
 * @example parseDate('2025-03-31') // { year: 2025, month: 3, day: 31 }
 * @example parseDate('3/31/2025') // { year: 2025, month: 3, day: 31 }
 */
export function parseDate(text: string, order: DateOrder = 'mdy'): CalendarDate | null {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) return valid(+m[1], +m[2], +m[3]);
  m = SLASH.exec(t);
  if (m) {
    let year = +m[3];
    if (m[3].length === 2) year += year <= 68 ? 2000 : 1900;
    const a = +m[1],
      b = +m[2];
    return order === 'mdy' ? valid(year, a, b) : valid(year, b, a);
  }
  return null;
}

/**
 * The month index of a date: year * 12 + month - 1.
 * @example monthIndex({ year: 2025, month: 1, day: 15 }) // 24300
 */
export function monthIndex(d: { year: number; month: number }): number {
  return d.year * 12 + d.month - 1;
}

/**
 * Formats a month index as `YYYY-MM`.
 * @example formatMonth(24300) // '2025-01'
 */
export function formatMonth(index: number): string {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Parses `YYYY-MM` into a month index; null when malformed.
 * @example parseMonth('2025-01') // 24300
 */
export function parseMonth(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (!m || +m[2] < 1 || +m[2] > 12) return null;
  return +m[1] * 12 + +m[2] - 1;
}

/**
 * Formats a date as ISO `YYYY-MM-DD`.
 * @example formatDate({ year: 2025, month: 2, day: 3 }) // '2025-02-03'
 */
export function formatDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Days since 1970-01-01 (for durations in days).
 * @example dayNumber({ year: 1970, month: 1, day: 2 }) // 1
 */
export function dayNumber(d: CalendarDate): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}
