/**
 * Fan chart of end-of-month ARR (a scenario with a customers block): the engine's P10-P90 and P25-P75
 * bands and the median line, as the revenue fan draws them.
 */
import * as Plot from '@observablehq/plot';
import type { Summary } from '../../../engine/types.js';
import { formatMoney } from '../format.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';
import { monthTicks } from './month-ticks.js';

/** One row per month with the engine's ARR percentiles; empty without a customers block. */
export function arrRows(s: Summary) {
  return s.customers ? s.customers.arr.monthly.map((st, i) => ({ month: i + 1, ...st })) : [];
}

/**
 * Builds the ARR fan chart (null without a customers block).
 * @example host.append(arrFanChart(summary, { width: 600 })!);
 */
export function arrFanChart(s: Summary, o: ChartOptions): SVGSVGElement | HTMLElement | null {
  const rows = arrRows(s);
  if (rows.length === 0) return null;
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 260,
    marginLeft: 64,
    marginRight: 16,
    style: CHART_STYLE,
    ariaLabel: 'Fan chart of ARR',
    ariaDescription: `End-of-month ARR over ${s.horizonMonths} months: median, 50% and 80% bands.`,
    x: { label: 'Month', domain: [1, s.horizonMonths], ticks: monthTicks(s.horizonMonths, o.width - 90) },
    y: { label: 'ARR', grid: true, tickFormat: (d: number) => formatMoney(d), zero: true },
    marks: [
      Plot.areaY(rows, { x: 'month', y1: 'p10', y2: 'p90', fill: COLORS.band90, fillOpacity: 0.9, curve: 'monotone-x' }),
      Plot.areaY(rows, { x: 'month', y1: 'p25', y2: 'p75', fill: COLORS.band50, fillOpacity: 0.9, curve: 'monotone-x' }),
      Plot.lineY(rows, { x: 'month', y: 'p50', stroke: COLORS.median, strokeWidth: 2.5, curve: 'monotone-x' }),
      Plot.tip(rows, Plot.pointerX({ x: 'month', y: 'p50', title: (d: (typeof rows)[number]) => `Month ${d.month}\nARR P90 ${formatMoney(d.p90)}\nP50 ${formatMoney(d.p50)}\nP10 ${formatMoney(d.p10)}` })),
    ],
  });
}
