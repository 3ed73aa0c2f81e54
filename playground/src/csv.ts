/**
 * Summary to CSV: every figure of the Summary, found by walking it, so a section the engine adds is
 * exported without a change here. One row per Stats (the engine's percentiles as columns), per month of
 * a monthly series, and per single figure (its value in the `mean` column). Left out: the echoed
 * scenario and run metadata, histogram bins and Lorenz points (chart data), and the input
 * distributions of uncertain parameters (the scenario's own text). Formatting only; every value is
 * copied from the Summary.
 */
import type { Summary, Stats } from '../../engine/types.js';

const COLS = ['mean', 'sd', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;

/** Summary paths the export leaves out (see the module comment), as path prefixes. */
export const CSV_EXCLUDED = ['scenario', 'scenarioHash', 'meta', 'revenue.histogram', 'reps.attainmentHistogram', 'reps.lorenz', 'difference.histogram'];
const EXCLUDED_LEAVES = /(^|\.)(distribution|bounds|integer|sampling|method|description)$|\.histogram$/;

/** A plain decimal number as text: a spreadsheet reads it as a number, never as a formula. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One cell: numbers stay numbers; text starting with =, +, -, @, tab or CR gets a leading single quote
 * so a spreadsheet shows it instead of running it (OWASP "CSV injection", the rule engine/csvCell.ts
 * applies to every CSV the engine writes); quoted when it holds a comma, quote or line break.
 * @example cell('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 */
export function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const isStats = (v: unknown): v is Stats => v !== null && typeof v === 'object' && !Array.isArray(v) && COLS.every((c) => typeof (v as Record<string, unknown>)[c] === 'number');
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * CSV text with header `metric,month,mean,sd,p5,...,p95`; `month` is empty for whole-horizon rows;
 * a single figure (a probability, a standard error, a ratio) has its value in `mean`.
 * @example summaryToCsv(summary).split('\n')[0] // 'metric,month,mean,sd,p5,p10,p25,p50,p75,p90,p95'
 */
export function summaryToCsv(s: Summary): string {
  const rows: string[] = [['metric', 'month', ...COLS].join(',')];
  const months = s.horizonMonths;
  const stat = (metric: string, month: number | '', st: Stats) => rows.push([cell(metric), month, ...COLS.map((c) => cell(st[c]))].join(','));
  const value = (metric: string, month: number | '', v: number) => rows.push([cell(metric), month, cell(v), '', '', '', '', '', '', '', ''].join(','));
  const walk = (v: unknown, path: string) => {
    if (v === null || v === undefined || CSV_EXCLUDED.includes(path) || EXCLUDED_LEAVES.test(path)) return;
    if (isStats(v)) return stat(path, '', v);
    if (typeof v === 'number') return value(path, '', v);
    if (Array.isArray(v)) {
      // a series by month (Stats or numbers) puts the month in its column
      const monthly = v.length === months && v.every((x) => isStats(x) || typeof x === 'number');
      if (monthly) return v.forEach((x, i) => (isStats(x) ? stat(path, i + 1, x) : value(path, i + 1, x as number)));
      if (path.endsWith('.ci') && v.length === 2) return (value(`${path}.low`, '', v[0] as number), value(`${path}.high`, '', v[1] as number));
      return v.forEach((x, i) => {
        const key = isObj(x) && typeof x.name === 'string' ? x.name : isObj(x) && typeof x.path === 'string' ? x.path : String(i + 1);
        walk(x, `${path}[${key}]`);
      });
    }
    if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(s, '');
  return rows.join('\n') + '\n';
}
