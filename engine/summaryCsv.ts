/**
 * A Summary as CSV. Two writers:
 *
 * - `summaryCsv`, the product's one CSV export (`salesim run --csv`, `POST /api/simulate` with
 *   `Accept: text/csv`, the playground's Export CSV in both builds): every figure of the Summary, found
 *   by walking it, as one long table `metric,month,mean,sd,p5,p10,p25,p50,p75,p90,p95`. One row per Stats
 *   (the engine's percentiles as columns), per month of a monthly series, and per single figure (its
 *   value in the `mean` column). One header and rectangular rows, so a spreadsheet's filter and pivot
 *   table, `read_csv` and a database import all take it as it is; a pivot of metric x month gives back
 *   the month-by-month table. A section the engine adds is exported without a change here.
 * - `monthlyCsv`, the monthly table (`salesim run --monthly-csv`, `POST /api/simulate?csv=monthly`):
 *   the core's columns, then each mechanism's section columns in registry order
 *   (engine/mechanisms/registry.ts, each entry's `summary.csv`), one row per month.
 *
 * Formatting only: every value is copied from the Summary. Cells follow engine/csvCell.ts (text a
 * spreadsheet would run as a formula is neutralised; a cell with a comma, quote or line break is quoted).
 */
import type { Summary } from './types.js';
import type { CsvColumn } from './kernel/outputs.js';
import { MECHANISMS } from './mechanisms/registry.js';
import { csvCell } from './csvCell.js';

/** The core's monthly columns. */
const CORE: readonly CsvColumn<Summary>[] = [
  ['revenue_mean', (s, i) => s.revenue.monthly[i].mean],
  ['revenue_p10', (s, i) => s.revenue.monthly[i].p10],
  ['revenue_p50', (s, i) => s.revenue.monthly[i].p50],
  ['revenue_p90', (s, i) => s.revenue.monthly[i].p90],
  ['cumulative_p10', (s, i) => s.revenue.cumulative[i].p10],
  ['cumulative_p50', (s, i) => s.revenue.cumulative[i].p50],
  ['cumulative_p90', (s, i) => s.revenue.cumulative[i].p90],
  ['headcount_mean', (s, i) => s.headcount.monthly[i].mean],
  ['productive_mean', (s, i) => s.headcount.productive[i].mean],
  ['ramping_mean', (s, i) => s.headcount.ramping[i].mean],
  ['vacant_mean', (s, i) => s.headcount.vacant[i].mean],
  ['cost_mean', (s, i) => s.cost.monthly[i].mean],
];

/**
 * The columns of the monthly table: header and value in month index i (the `month` column, 1-based, first).
 * @example summaryCsvColumns(summary).map(([h]) => h) // ['month', 'revenue_mean', ...]
 */
export function summaryCsvColumns(s: Summary): [string, (i: number) => number][] {
  const out: [string, (i: number) => number][] = [['month', (i) => i + 1]];
  for (const [h, f] of CORE) out.push([h, (i) => f(s, i)]);
  for (const m of MECHANISMS) {
    if (!('summary' in m) || !('csv' in m.summary)) continue;
    const section = (s as unknown as Record<string, unknown>)[m.summary.key];
    if (section == null) continue;
    for (const [h, f] of m.summary.csv as readonly CsvColumn<unknown>[]) out.push([h, (i) => f(section, i)]);
  }
  return out;
}

/**
 * The monthly table of a Summary as CSV text (a header, then one row per month).
 * @example monthlyCsv(summary).split('\n')[0] // 'month,revenue_mean,...'
 */
export function monthlyCsv(s: Summary): string {
  const cols = summaryCsvColumns(s);
  const rows = s.revenue.monthly.map((_, i) => cols.map(([, f]) => csvCell(f(i))).join(','));
  return [cols.map(([h]) => h).join(','), ...rows].join('\n') + '\n';
}

/** The percentile columns of the export, in order (a Stats' fields). */
export const SUMMARY_CSV_STATS = ['mean', 'sd', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
/** The export's header. */
export const SUMMARY_CSV_HEADER = ['metric', 'month', ...SUMMARY_CSV_STATS].join(',');

/**
 * Summary paths the export leaves out, as exact paths: the echoed scenario (its own text), the run's
 * metadata (wall times), and chart data (histogram bins, Lorenz points).
 */
export const SUMMARY_CSV_EXCLUDED: readonly string[] = ['scenario', 'scenarioHash', 'meta', 'revenue.histogram', 'reps.attainmentHistogram', 'reps.lorenz'];
/**
 * Leaves the export leaves out wherever they are: an uncertain input's distribution as written in the
 * scenario (its own text), its bounds, sampling and integer flags, a method's name and description, and
 * any histogram (chart data).
 */
export const SUMMARY_CSV_EXCLUDED_LEAF = /(^|\.)(distribution|bounds|integer|sampling|method|description)$|\.histogram$/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObj = (v: Json): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: Json): v is number | null => v === null || typeof v === 'number';
/** A Stats as JSON carries it: every percentile field, a number (or null for an undefined one). */
const isStats = (v: Json): v is { [k: string]: number | null } => isObj(v) && SUMMARY_CSV_STATS.every((c) => c in v && isNum(v[c])) && SUMMARY_CSV_STATS.some((c) => v[c] !== null);

/**
 * Every figure of a Summary as one CSV table with header `metric,month,mean,sd,p5,p10,p25,p50,p75,p90,p95`.
 * `metric` is the figure's path in the Summary (`revenue.total`, `customers.arr.monthly`,
 * `territories[North].revenue`, `plan.ci.low`, `assumptions[hiring.ramp.months].range.high`); `month` (1-based) is set on the rows of a monthly series
 * and empty for whole-horizon rows; a single figure (a probability, a standard error, a ratio) has its
 * value in `mean`, a flag (`precision.met`) as 1 or 0. Text (names, the precision spec, notes) is not a
 * figure and is left out, as is what SUMMARY_CSV_EXCLUDED and SUMMARY_CSV_EXCLUDED_LEAF name. The Summary is read as its JSON (NaN as an empty cell, key order as sent), so the
 * same Summary gives the same bytes in Node, in a browser and after a trip through the API.
 * @example summaryCsv(summary).split('\n')[0] // 'metric,month,mean,sd,p5,p10,p25,p50,p75,p90,p95'
 */
export function summaryCsv(s: Summary): string {
  const doc = JSON.parse(JSON.stringify(s)) as { [k: string]: Json };
  const months = s.horizonMonths;
  const rows: string[] = [SUMMARY_CSV_HEADER];
  const blank = SUMMARY_CSV_STATS.slice(1).map(() => '');
  const stat = (metric: string, month: number | '', st: { [k: string]: number | null }) => rows.push([csvCell(metric), month, ...SUMMARY_CSV_STATS.map((c) => csvCell(st[c]))].join(','));
  const value = (metric: string, month: number | '', v: number | null) => rows.push([csvCell(metric), month, csvCell(v), ...blank].join(','));
  const walk = (v: Json, path: string): void => {
    if (v === null || SUMMARY_CSV_EXCLUDED.includes(path) || SUMMARY_CSV_EXCLUDED_LEAF.test(path)) return;
    if (isStats(v)) return void stat(path, '', v);
    if (typeof v === 'number') return void value(path, '', v);
    // a flag (a precision target met, a screen adequate) as 1 or 0, so a spreadsheet can count and filter it
    if (typeof v === 'boolean') return void value(path, '', v ? 1 : 0);
    if (Array.isArray(v)) {
      // a series by month (Stats or numbers) puts the month in its column
      if (v.length === months && v.every((x) => isStats(x) || isNum(x)) && v.some((x) => x !== null)) {
        v.forEach((x, i) => (isStats(x) ? stat(path, i + 1, x) : value(path, i + 1, x as number | null)));
        return;
      }
      // an interval or a range [low, high]
      if ((path.endsWith('.ci') || path.endsWith('.range')) && v.length === 2 && v.every(isNum)) {
        value(`${path}.low`, '', v[0] as number | null);
        value(`${path}.high`, '', v[1] as number | null);
        return;
      }
      // a list: items by their name or path where they have one, else by position (1-based)
      v.forEach((x, i) => walk(x, `${path}[${isObj(x) && typeof x.name === 'string' ? x.name : isObj(x) && typeof x.path === 'string' ? x.path : i + 1}]`));
      return;
    }
    if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(doc, '');
  return rows.join('\n') + '\n';
}
