/**
 * The monthly table of a Summary as CSV columns (`salesim run --csv`): the core's columns, then each
 * mechanism's section columns in registry order (engine/mechanisms/registry.ts, each entry's
 * `summary.csv`), for the sections the Summary holds.
 */
import type { Summary } from './types.js';
import type { CsvColumn } from './kernel/outputs.js';
import { MECHANISMS } from './mechanisms/registry.js';

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
 * The CSV columns of a Summary: header and value in month index i (the `month` column, 1-based, first).
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
 * The monthly statistics of a Summary as CSV text (a header, then one row per month).
 * @example summaryCsv(summary).split('\n')[0] // 'month,revenue_mean,...'
 */
export function summaryCsv(s: Summary): string {
  const cols = summaryCsvColumns(s);
  const rows = s.revenue.monthly.map((_, i) => cols.map(([, f]) => f(i)).join(','));
  return [cols.map(([h]) => h).join(','), ...rows].join('\n') + '\n';
}
