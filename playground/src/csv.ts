/**
 * Summary to CSV: one row per reported Stats (headline figures, then every monthly series), with
 * the engine's percentiles as columns. Formatting only; every value is copied from the Summary.
 */
import type { Summary, Stats } from '../../engine/types.js';

const COLS = ['mean', 'sd', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;

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

/**
 * CSV text with header `metric,month,mean,sd,p5,...,p95`; `month` is empty for whole-horizon rows.
 * @example summaryToCsv(summary).split('\n')[0] // 'metric,month,mean,sd,p5,p10,p25,p50,p75,p90,p95'
 */
export function summaryToCsv(s: Summary): string {
  const rows: string[] = [['metric', 'month', ...COLS].join(',')];
  const add = (metric: string, month: number | '', st: Stats | null | undefined) => {
    if (!st) return;
    rows.push([cell(metric), month, ...COLS.map((c) => cell(st[c]))].join(','));
  };
  add('revenue.total', '', s.revenue.total);
  s.revenue.annual.forEach((st, i) => add(`revenue.year${i + 1}`, '', st));
  add('cost.total', '', s.cost.total);
  add('margin', '', s.margin);
  add('roi', '', s.roi);
  add('reps.shareAtQuota', '', s.reps.shareAtQuota);
  add('reps.attainment', '', s.reps.attainment);
  add('reps.top20Share', '', s.reps.top20Share);
  add('reps.gini', '', s.reps.gini);
  add('hiring.hires', '', s.hiring.hires);
  add('hiring.exits', '', s.hiring.exits);
  add('leadership.changes', '', s.leadership.changes);
  for (const t of s.territories) add(`territory.${t.name}.revenue`, '', t.revenue);
  const monthly: [string, Stats[] | undefined][] = [
    ['revenue.monthly', s.revenue.monthly],
    ['revenue.cumulative', s.revenue.cumulative],
    ['cost.monthly', s.cost.monthly],
    ['headcount.seated', s.headcount.monthly],
    ['headcount.productive', s.headcount.productive],
    ['headcount.ramping', s.headcount.ramping],
    ['headcount.vacant', s.headcount.vacant],
  ];
  for (const [name, series] of monthly) series?.forEach((st, i) => add(name, i + 1, st));
  if (s.plan) {
    rows.push(['plan.target', '', cell(s.plan.target), '', '', '', '', '', '', '', ''].join(','));
    rows.push(['plan.probability', '', cell(s.plan.probability), '', '', '', '', '', '', '', ''].join(','));
    rows.push(['plan.ci.low', '', cell(s.plan.ci[0]), '', '', '', '', '', '', '', ''].join(','));
    rows.push(['plan.ci.high', '', cell(s.plan.ci[1]), '', '', '', '', '', '', '', ''].join(','));
  }
  return rows.join('\n') + '\n';
}
