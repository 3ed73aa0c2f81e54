/**
 * Fan chart of monthly revenue: the engine's P10-P90 and P25-P75 bands, the median line, and the
 * plan line (each plan year's target spread over its months).
 */
import * as Plot from '@observablehq/plot';
import type { Summary } from '../../../engine/types.js';
import { formatMoney } from '../format.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import { monthTicks } from './month-ticks.js';

export interface ChartOptions {
  width: number;
  height?: number;
  document?: Document;
}

/**
 * Monthly plan line: the engine's month-by-month plan (older summaries without it: a year's target
 * spread over its months). Empty when the scenario has no plan.
 * @example planByMonth(summary) // [{ month: 1, plan: 250000 }, ...]
 */
export function planByMonth(s: Summary): { month: number; plan: number }[] {
  if (!s.plan) return [];
  if (Array.isArray(s.plan.monthly) && s.plan.monthly.length > 0) return s.plan.monthly.map((plan, i) => ({ month: i + 1, plan }));
  const out: { month: number; plan: number }[] = [];
  let m = 1;
  for (const y of s.plan.annual) {
    const months = y.months ?? Math.min(12, s.horizonMonths - m + 1);
    for (let k = 0; k < months && m <= s.horizonMonths; k++, m++) out.push({ month: m, plan: y.target / months });
  }
  return out;
}

/** The rows a fan chart draws: one per month with the engine's percentiles. */
export function fanRows(s: Summary) {
  return s.revenue.monthly.map((st, i) => ({ month: i + 1, ...st }));
}

/**
 * Builds the fan chart.
 * @example host.append(fanChart(summary, { width: 600 }));
 */
export function fanChart(s: Summary, o: ChartOptions): SVGSVGElement | HTMLElement {
  const rows = fanRows(s);
  const plan = planByMonth(s);
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 280,
    marginLeft: 64,
    marginRight: 16,
    style: CHART_STYLE,
    ariaLabel: 'Fan chart of monthly revenue',
    ariaDescription: `Monthly revenue over ${s.horizonMonths} months: median, 50% and 80% bands${plan.length ? ', with the plan line' : ''}.`,
    x: { label: 'Month', domain: [1, s.horizonMonths], ticks: monthTicks(s.horizonMonths, o.width - 90) },
    y: { label: 'Revenue per month', grid: true, tickFormat: (d: number) => formatMoney(d), zero: true },
    marks: [
      Plot.areaY(rows, { x: 'month', y1: 'p10', y2: 'p90', fill: COLORS.band90, fillOpacity: 0.9, curve: 'monotone-x' }),
      Plot.areaY(rows, { x: 'month', y1: 'p25', y2: 'p75', fill: COLORS.band50, fillOpacity: 0.9, curve: 'monotone-x' }),
      Plot.lineY(rows, { x: 'month', y: 'p50', stroke: COLORS.median, strokeWidth: 2.5, curve: 'monotone-x' }),
      plan.length ? Plot.lineY(plan, { x: 'month', y: 'plan', stroke: COLORS.plan, strokeWidth: 2, strokeDasharray: '6,4', curve: 'step' }) : null,
      Plot.tip(rows, Plot.pointerX({ x: 'month', y: 'p50', title: (d: (typeof rows)[number]) => `Month ${d.month}\nP90 ${formatMoney(d.p90)}\nP50 ${formatMoney(d.p50)}\nP10 ${formatMoney(d.p10)}` })),
    ],
  });
}
