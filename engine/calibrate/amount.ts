/**
 * Money amounts as CRM exports write them: `12500`, `12,500.00`, `$12,500`, `USD 12500`, `12500 EUR`.
 * Thousands separators must group by three; a minus sign or accounting parentheses mark a negative.
 */

/** A parsed amount and the currency written next to it, if any. */
export interface ParsedAmount {
  value: number;
  currency: string | null;
}

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const AMOUNT = /^(\(?)\s*(-?)\s*([A-Z]{3}\s*)?([$€£¥])?\s*(-?)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*([A-Z]{3})?\s*(\)?)$/;

/**
 * Parses an amount; null when it is not one (negative amounts parse, as negative values).
 * @example parseAmount('$12,500.50') // { value: 12500.5, currency: 'USD' }
 */
export function parseAmount(text: string): ParsedAmount | null {
  const m = AMOUNT.exec(text.trim());
  if (!m) return null;
  const [, open, minus1, code1, symbol, minus2, digits, code2, close] = m;
  if ((open === '(') !== (close === ')')) return null;
  if (code1 && code2) return null;
  const value = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  const negative = open === '(' || minus1 === '-' || minus2 === '-';
  const currency = code1?.trim() || code2 || (symbol ? SYMBOLS[symbol] : null) || null;
  return { value: negative ? -value : value, currency };
}
