/**
 * Back-test chart: the revenue actually booked each month (from the CRM export) against the scenario's
 * simulated P10-P90 band, with each month's dot coloured by whether it falls inside the band. Every
 * number comes from the engine's back-test (/api/backtest); this only draws it.
 */
import * as Plot from '@observablehq/plot';
import { formatMoney } from '../format.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';
import type { BacktestMonth } from '../../../engine/calibrate/backtest.js';

/** One month of the engine's back-test result (the engine's own type). */
export type BacktestMonthRow = BacktestMonth;

export const INSIDE_COLOR = COLORS.good;
export const OUTSIDE_COLOR = COLORS.bad;

/**
 * The rows the chart draws: the month as a Date (first of the month, UTC) plus the engine's numbers.
 * @example backtestRows([{ month: '2025-02', ... }])[0].date.toISOString() // '2025-02-01T00:00:00.000Z'
 */
export function backtestRows(months: BacktestMonthRow[]) {
  return months.map((m) => {
    const [y, mo] = m.month.split('-').map(Number);
    return { ...m, date: new Date(Date.UTC(y, mo - 1, 1)), status: m.inside ? 'inside' : 'outside' };
  });
}

/**
 * Builds the back-test chart.
 * @example host.append(backtestChart(result.months, { width: 640 }));
 */
export function backtestChart(months: BacktestMonthRow[], o: ChartOptions): SVGSVGElement | HTMLElement {
  const rows = backtestRows(months);
  const inside = rows.filter((r) => r.inside).length;
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 280,
    marginLeft: 64,
    marginRight: 28, // room for the last month's tick label
    style: CHART_STYLE,
    ariaLabel: 'Back-test: actual monthly revenue against the simulated P10-P90 band',
    ariaDescription: `${rows.length} months from ${rows[0]?.month ?? ''} to ${rows.at(-1)?.month ?? ''}; ${inside} of them have actual revenue inside the band.`,
    x: { label: 'Month', type: 'utc', tickFormat: '%b %y' },
    y: { label: 'Revenue per month', grid: true, tickFormat: (d: number) => formatMoney(d), zero: true },
    color: { domain: ['inside', 'outside'], range: [INSIDE_COLOR, OUTSIDE_COLOR] },
    marks: [
      Plot.areaY(rows, { x: 'date', y1: 'p10', y2: 'p90', fill: COLORS.band90, fillOpacity: 0.9, curve: 'monotone-x' }),
      Plot.lineY(rows, { x: 'date', y: 'p50', stroke: COLORS.median, strokeWidth: 1.5, strokeDasharray: '4,3', curve: 'monotone-x' }),
      Plot.lineY(rows, { x: 'date', y: 'actual', stroke: COLORS.ink, strokeWidth: 2 }),
      Plot.dot(rows, { x: 'date', y: 'actual', fill: 'status', r: 4.5, stroke: '#fff', strokeWidth: 1 }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: 'date',
          y: 'actual',
          title: (d: (typeof rows)[number]) => `${d.month}\nActual ${formatMoney(d.actual)} (${d.status})\nP90 ${formatMoney(d.p90)}\nP50 ${formatMoney(d.p50)}\nP10 ${formatMoney(d.p10)}`,
        }),
      ),
    ],
  });
}
