/**
 * The demand funnel by month (a scenario with a demand block): mean leads, qualified opportunities,
 * marketing-sourced opportunities reaching the reps, and marketing-sourced deals won, one line each on a
 * log scale (the stages differ by orders of magnitude), from the engine's monthly Stats.
 */
import * as Plot from '@observablehq/plot';
import type { Summary } from '../../../engine/types.js';
import { formatNumber } from '../format.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';
import { monthTicks } from './month-ticks.js';

/** The funnel's stages, in order, with their colours. */
export const FUNNEL_STAGES = [
  { key: 'leads', label: 'Leads', color: COLORS.series[0] },
  { key: 'qualified', label: 'Qualified', color: COLORS.series[3] },
  { key: 'opportunities', label: 'To sales', color: COLORS.series[1] },
  { key: 'won', label: 'Won', color: COLORS.series[2] },
] as const;

/** One row per month and stage with the engine's mean; empty without a demand block. */
export function funnelRows(s: Summary): { month: number; stage: string; value: number }[] {
  const d = s.demand;
  if (!d) return [];
  return FUNNEL_STAGES.flatMap((st) => d[st.key].monthly.map((x, i) => ({ month: i + 1, stage: st.label, value: x.mean })));
}

/**
 * Builds the funnel chart (null without a demand block). Months where a stage's mean is 0 (before the
 * qualification delay, say) are left out of the log scale.
 * @example host.append(funnelChart(summary, { width: 600 })!);
 */
export function funnelChart(s: Summary, o: ChartOptions): SVGSVGElement | HTMLElement | null {
  const rows = funnelRows(s).filter((r) => r.value > 0);
  if (!s.demand) return null;
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 260,
    marginLeft: 56,
    marginRight: 16,
    style: CHART_STYLE,
    ariaLabel: 'Demand funnel by month',
    ariaDescription: `Mean leads, qualified opportunities, marketing-sourced opportunities reaching sales, and won deals in each of ${s.horizonMonths} months.`,
    x: { label: 'Month', domain: [1, s.horizonMonths], ticks: monthTicks(s.horizonMonths, o.width - 90) },
    y: { label: 'A month (mean, log scale)', type: 'log', nice: true, grid: true, tickFormat: (d: number) => formatNumber(d, 0) },
    color: { domain: FUNNEL_STAGES.map((x) => x.label), range: FUNNEL_STAGES.map((x) => x.color) },
    marks: [
      Plot.lineY(rows, { x: 'month', y: 'value', stroke: 'stage', strokeWidth: 2.5, marker: o.width / s.horizonMonths >= 30 ? 'circle-stroke' : null }),
      Plot.tip(rows, Plot.pointer({ x: 'month', y: 'value', title: (d: (typeof rows)[number]) => `Month ${d.month}\n${d.stage}: ${formatNumber(d.value, 1)} (mean)` })),
    ],
  });
}
