/**
 * Churn and expansion from a customer export: one row per customer contract period with columns
 * `customer, start, end, arr` (end empty while active; a customer may have several rows, one per
 * period, e.g. each renewal with its new ARR).
 *
 * - Churn: a customer is at risk from its first start to its last end (churned) or to `asOf` (active;
 *   default: the export's latest date). With monthly hazard q the months at risk are geometric, whose
 *   maximum-likelihood estimate is q = churned / months at risk (the churn month counted); the annual
 *   rate is 1 - (1 - q)^12, its standard error by the delta method from the Fisher information.
 * - Expansion: for consecutive periods of one customer, the ARR ratio over the months between their
 *   starts; the ARR-weighted mean monthly log growth, annualised: e = exp(12 Σ w ln r / Σ w Δ) - 1
 *   (w = the earlier period's ARR). Null when no customer has two periods.
 */
import { InputError, issue, type InputIssue } from '../errors.js';
import { parseCsv } from './csv.js';
import { parseDate, monthIndex, formatMonth, parseMonth, type DateOrder } from './dates.js';
import { parseAmount } from './amount.js';

export interface CustomerCalibrationOptions {
  /** the export's date (YYYY-MM); default the latest start or end in it */
  asOf?: string;
  dateOrder?: DateOrder;
}

export interface CustomerCalibration {
  /** the fitted fields of a scenario's customers block (expansion null when it cannot be estimated) */
  customers: { annualChurn: number; annualExpansion: number | null };
  report: {
    customers: number;
    churned: number;
    monthsAtRisk: number;
    asOf: string;
    annualChurnStdError: number;
    /** consecutive-period pairs used for expansion */
    expansionPairs: number;
    warnings: string[];
  };
}

/**
 * Fits annual churn and expansion from a customer export (CSV text).
 * @example calibrateCustomers('customer,start,end,arr\nA,2024-01-01,2025-01-01,1000\nB,2024-01-01,,1000\n').report.churned // 1
 */
export function calibrateCustomers(csvText: string, opts: CustomerCalibrationOptions = {}): CustomerCalibration {
  const table = parseCsv(csvText, 'customers');
  const col = (name: string) => table.header.findIndex((h) => h.trim().toLowerCase() === name);
  const idx = { customer: col('customer'), start: col('start'), end: col('end'), arr: col('arr') };
  const errors: InputIssue[] = [];
  for (const [k, i] of Object.entries(idx)) if (i < 0) errors.push(issue(`customers.${k}`, `is a required column (customer, start, end, arr)`));
  if (errors.length) throw new InputError(errors);
  const rows: { id: string; start: number; end: number | null; arr: number }[] = [];
  let latest = -Infinity;
  for (const r of table.records) {
    const f = (i: number) => (r.fields[i] ?? '').trim();
    const start = parseDate(f(idx.start), opts.dateOrder);
    const endText = f(idx.end);
    const end = endText === '' ? null : parseDate(endText, opts.dateOrder);
    const arr = parseAmount(f(idx.arr));
    if (!start) errors.push(issue(`row ${r.row}.start`, `is not a date (${f(idx.start)})`));
    if (endText !== '' && !end) errors.push(issue(`row ${r.row}.end`, `is not a date (${endText})`));
    if (!arr || arr.value < 0) errors.push(issue(`row ${r.row}.arr`, `is not a non-negative amount (${f(idx.arr)})`));
    if (!start || (endText !== '' && !end) || !arr || arr.value < 0) continue;
    const s = monthIndex(start);
    const e = end ? monthIndex(end) : null;
    latest = Math.max(latest, s, e ?? -Infinity);
    rows.push({ id: f(idx.customer), start: s, end: e, arr: arr.value });
  }
  if (errors.length) throw new InputError(errors);
  if (rows.length === 0) throw new InputError([issue('customers', 'has no rows')]);
  const asOf = opts.asOf !== undefined ? parseMonth(opts.asOf) : latest;
  if (asOf === null) throw new InputError([issue('asOf', 'must be YYYY-MM')]);
  const byCustomer = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byCustomer.get(r.id) ?? [];
    list.push(r);
    byCustomer.set(r.id, list);
  }
  let churned = 0,
    atRisk = 0,
    pairs = 0,
    wLog = 0,
    wMonths = 0;
  const warnings: string[] = [];
  for (const periods of byCustomer.values()) {
    periods.sort((a, b) => a.start - b.start);
    const first = periods[0].start;
    const open = periods.some((p) => p.end === null || p.end > asOf);
    const last = Math.max(...periods.map((p) => p.end ?? asOf));
    const gone = !open && last <= asOf;
    const stop = gone ? last : asOf;
    atRisk += Math.max(gone ? 1 : 0, stop - first);
    if (gone) churned++;
    for (let k = 1; k < periods.length; k++) {
      const a = periods[k - 1],
        b = periods[k];
      const dt = b.start - a.start;
      if (dt <= 0 || a.arr <= 0 || b.arr <= 0) continue;
      pairs++;
      wLog += a.arr * Math.log(b.arr / a.arr);
      wMonths += a.arr * dt;
    }
  }
  const q = atRisk > 0 ? churned / atRisk : 0;
  const annualChurn = 1 - Math.pow(1 - q, 12);
  // Fisher information of the geometric: d/q^2 + (T - d)/(1 - q)^2; d(annual)/dq = 12 (1 - q)^11
  const info = q > 0 && q < 1 ? churned / (q * q) + (atRisk - churned) / ((1 - q) * (1 - q)) : Infinity;
  const annualChurnStdError = (12 * Math.pow(1 - q, 11)) / Math.sqrt(info);
  if (churned === 0) warnings.push('no customer churned in the export: annualChurn 0 is a lower bound, not an estimate');
  if (pairs === 0) warnings.push('no customer has two periods: expansion cannot be estimated (keep your default)');
  return {
    customers: { annualChurn, annualExpansion: pairs > 0 && wMonths > 0 ? Math.expm1((12 * wLog) / wMonths) : null },
    report: { customers: byCustomer.size, churned, monthsAtRisk: atRisk, asOf: formatMonth(asOf), annualChurnStdError, expansionPairs: pairs, warnings },
  };
}
