/**
 * Headcount over time, stacked: productive, ramping and vacant seats (the engine's monthly means,
 * which add up, unlike medians).
 */
import * as Plot from '@observablehq/plot';
import type { Summary } from '../../../engine/types.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';
import { monthTicks } from './month-ticks.js';

export const HEADCOUNT_KINDS = ['productive', 'ramping', 'vacant'] as const;

/**
 * Long-form rows for the stacked area: one per month and kind.
 * @example headcountRows(summary)[0] // { month: 1, kind: 'productive', seats: 18.2 }
 */
export function headcountRows(s: Summary) {
  return HEADCOUNT_KINDS.flatMap((kind) => s.headcount[kind].map((st, i) => ({ month: i + 1, kind, seats: st.mean })));
}

/**
 * Builds the stacked headcount chart.
 * @example headcountChart(summary, { width: 400 });
 */
export function headcountChart(s: Summary, o: ChartOptions): SVGSVGElement | HTMLElement {
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 240,
    marginLeft: 48,
    marginRight: 16,
    style: CHART_STYLE,
    ariaLabel: 'Headcount: productive, ramping and vacant seats by month',
    x: { label: 'Month', domain: [1, s.horizonMonths], ticks: monthTicks(s.horizonMonths, o.width - 90) },
    y: { label: 'Seats (mean)', grid: true },
    color: { domain: [...HEADCOUNT_KINDS], range: [COLORS.productive, COLORS.ramping, COLORS.vacant] },
    marks: [Plot.areaY(headcountRows(s), { x: 'month', y: 'seats', fill: 'kind', order: [...HEADCOUNT_KINDS], curve: 'step' }), Plot.ruleY([0])],
  });
}
