/**
 * Coverage charts: a per-month band chart of any of the engine's coverage series (win rate, velocity,
 * stalled share, the multiple in force). Every number is the engine's Stats; nothing is computed here
 * beyond laying them out.
 */
import * as Plot from '@observablehq/plot';
import type { Stats } from '../../../engine/types.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';
import { monthTicks } from './month-ticks.js';

/** The rows a band chart draws: one per month with the engine's percentiles. */
export function bandRows(series: Stats[]) {
  return series.map((st, i) => ({ month: i + 1, ...st }));
}

/**
 * P10-P90 band and P50 line of a monthly series.
 * @example host.append(bandChart(summary.coverage.byMonth.winRate, { width: 400, label: 'Win rate', format: pct }));
 */
export function bandChart(series: Stats[], o: ChartOptions & { label: string; format: (v: number) => string; ariaLabel: string; color?: string }): SVGSVGElement | HTMLElement {
  const rows = bandRows(series);
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 220,
    marginLeft: 56,
    marginRight: 16,
    style: CHART_STYLE,
    ariaLabel: o.ariaLabel,
    x: { label: 'Month', domain: [1, Math.max(1, series.length)], ticks: monthTicks(series.length, o.width - 90) },
    y: { label: o.label, grid: true, tickFormat: (d: number) => o.format(d), zero: true },
    marks: [
      Plot.areaY(rows, { x: 'month', y1: 'p10', y2: 'p90', fill: COLORS.band90, fillOpacity: 0.9, curve: 'step' }),
      Plot.lineY(rows, { x: 'month', y: 'p50', stroke: o.color ?? COLORS.median, strokeWidth: 2.5, curve: 'step' }),
      Plot.lineY(rows, { x: 'month', y: 'mean', stroke: o.color ?? COLORS.median, strokeWidth: 1, strokeDasharray: '4,3', curve: 'step' }),
      Plot.tip(rows, Plot.pointerX({ x: 'month', y: 'p50', title: (d: (typeof rows)[number]) => `Month ${d.month}\nP90 ${o.format(d.p90)}\nP50 ${o.format(d.p50)}\nmean ${o.format(d.mean)}\nP10 ${o.format(d.p10)}` })),
    ],
  });
}
