/**
 * The demand block's lead funnel from a lead export: one row per lead with its created date, the date it
 * became a qualified opportunity (empty if it has not) and optionally its status. Column names follow
 * the usual marketing-automation and CRM exports (case-insensitive): `lead` / `lead id` / `id`,
 * `created` / `created date` / `create date`, `qualified` / `qualified date` / `converted date` /
 * `converted`, `status` / `lead status`.
 *
 * - Leads a month: the counts of each calendar month from the first to the last created month. With
 *   count variance v and mean μ, the model's leads are Poisson with a gamma-distributed monthly mean, so
 *   v = μ + sd²: a number μ when v <= μ, else { mean: μ, sd: sqrt(v - μ) }.
 * - Qualification delay: the median of whole months from created to qualified.
 * - Qualified share: qualified / leads, over the leads old enough for every observed delay (created at
 *   least the longest observed delay, at most 12 months, before `asOf`): later leads may still qualify,
 *   so they are left out (censored) rather than counted as not qualified. Standard error sqrt(p(1-p)/n).
 * - Not-ready share: of the same leads, those not qualified whose status says not ready, nurturing,
 *   recycled or future; null without a status column.
 */
import { InputError, issue, type InputIssue } from '../errors.js';
import { parseCsv } from './csv.js';
import { parseDate, monthIndex, formatMonth, parseMonth, type DateOrder } from './dates.js';

export interface DemandCalibrationOptions {
  /** the export's date (YYYY-MM); default the latest created or qualified month in it */
  asOf?: string;
  dateOrder?: DateOrder;
}

export interface DemandCalibration {
  /** fields of a scenario's demand block (notReadyShare null without a status column) */
  demand: { leadsPerMonth: number | { mean: number; sd: number }; qualifiedShare: number; qualificationDelayMonths: number; notReadyShare: number | null };
  report: {
    leads: number;
    qualified: number;
    months: number;
    asOf: string;
    leadsPerMonthStdError: number;
    /** leads used for the shares, and the leads too recent to be used (censored) */
    eligibleLeads: number;
    censoredLeads: number;
    qualifiedShareStdError: number;
    delayMonths: { median: number; max: number };
    warnings: string[];
  };
}

const ALIASES = {
  lead: ['lead', 'lead id', 'id'],
  created: ['created', 'created date', 'create date'],
  qualified: ['qualified', 'qualified date', 'converted date', 'converted'],
  status: ['status', 'lead status'],
} as const;
const NOT_READY = /not.?ready|nurtur|recycl|future/i;

/**
 * Fits leads a month, qualified share, qualification delay and not-ready share from a lead export (CSV text).
 * @example calibrateDemand('lead,created,qualified\nA,2024-01-05,2024-02-01\nB,2024-01-09,\n').demand.qualifiedShare // 0.5
 */
export function calibrateDemand(csvText: string, opts: DemandCalibrationOptions = {}): DemandCalibration {
  const table = parseCsv(csvText, 'leads');
  const col = (names: readonly string[]) => table.header.findIndex((h) => names.includes(h.trim().toLowerCase()));
  const idx = { created: col(ALIASES.created), qualified: col(ALIASES.qualified), status: col(ALIASES.status) };
  const errors: InputIssue[] = [];
  if (idx.created < 0) errors.push(issue('leads.created', `is a required column (${ALIASES.created.join(', ')})`));
  if (idx.qualified < 0) errors.push(issue('leads.qualified', `is a required column (${ALIASES.qualified.join(', ')}; empty when the lead did not qualify)`));
  if (errors.length) throw new InputError(errors);
  const rows: { created: number; qualified: number | null; status: string }[] = [];
  let latest = -Infinity;
  for (const r of table.records) {
    const f = (i: number) => (i < 0 ? '' : (r.fields[i] ?? '').trim());
    const created = parseDate(f(idx.created), opts.dateOrder);
    const qText = f(idx.qualified);
    const qualified = qText === '' ? null : parseDate(qText, opts.dateOrder);
    if (!created) errors.push(issue(`row ${r.row}.created`, `is not a date (${f(idx.created)})`));
    if (qText !== '' && !qualified) errors.push(issue(`row ${r.row}.qualified`, `is not a date (${qText})`));
    if (!created || (qText !== '' && !qualified)) continue;
    const c = monthIndex(created);
    const q = qualified ? monthIndex(qualified) : null;
    if (q !== null && q < c) {
      errors.push(issue(`row ${r.row}.qualified`, `is before the lead was created (${qText})`));
      continue;
    }
    latest = Math.max(latest, c, q ?? -Infinity);
    rows.push({ created: c, qualified: q, status: f(idx.status) });
  }
  if (errors.length) throw new InputError(errors.slice(0, 50));
  if (rows.length === 0) throw new InputError([issue('leads', 'has no rows')]);
  const asOf = opts.asOf !== undefined ? parseMonth(opts.asOf) : latest;
  if (asOf === null) throw new InputError([issue('asOf', 'must be YYYY-MM')]);
  const warnings: string[] = [];
  // leads a month
  const first = Math.min(...rows.map((r) => r.created));
  const last = Math.max(...rows.map((r) => r.created));
  const months = last - first + 1;
  const counts = new Float64Array(months);
  for (const r of rows) counts[r.created - first]++;
  const mean = rows.length / months;
  let v = 0;
  for (const k of counts) v += (k - mean) ** 2;
  v = months > 1 ? v / (months - 1) : 0;
  const leadsPerMonth = v > mean ? { mean, sd: Math.sqrt(v - mean) } : mean;
  if (months < 6) warnings.push(`the export spans ${months} months: leads a month and their spread are rough`);
  // delay
  const delays = rows.filter((r) => r.qualified !== null).map((r) => r.qualified! - r.created).sort((a, b) => a - b);
  const median = delays.length ? delays[(delays.length - 1) >> 1] : 0;
  const maxDelay = delays.length ? Math.min(12, delays[delays.length - 1]) : 0;
  // shares over the leads old enough for every observed delay
  const eligible = rows.filter((r) => r.created <= asOf - maxDelay);
  const n = eligible.length;
  const qualified = eligible.filter((r) => r.qualified !== null).length;
  const p = n > 0 ? qualified / n : 0;
  if (n === 0) warnings.push('no lead is old enough to have qualified at the longest observed delay: the qualified share cannot be estimated');
  if (delays.length === 0) warnings.push('no lead qualified in the export: qualifiedShare 0 is an upper-bound guess, not an estimate');
  const hasStatus = idx.status >= 0;
  if (!hasStatus) warnings.push('no status column: the not-ready share cannot be estimated (keep the default 0.5)');
  const notReady = hasStatus && n > 0 ? eligible.filter((r) => r.qualified === null && NOT_READY.test(r.status)).length / n : null;
  return {
    demand: { leadsPerMonth, qualifiedShare: p, qualificationDelayMonths: median, notReadyShare: notReady },
    report: {
      leads: rows.length,
      qualified: delays.length,
      months,
      asOf: formatMonth(asOf),
      leadsPerMonthStdError: Math.sqrt(Math.max(v, mean) / months),
      eligibleLeads: n,
      censoredLeads: rows.length - n,
      qualifiedShareStdError: n > 0 ? Math.sqrt((p * (1 - p)) / n) : NaN,
      delayMonths: { median, max: maxDelay },
      warnings,
    },
  };
}
