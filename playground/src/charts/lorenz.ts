/**
 * Lorenz curve of rep revenue from the engine's curve points ([share of reps, share of revenue],
 * reps sorted from the weakest), with the line of equality. Several curves can be overlaid.
 */
import * as Plot from '@observablehq/plot';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';

export interface LorenzSeries {
  name: string;
  points: [number, number][];
  color?: string;
}

/**
 * Builds the Lorenz chart.
 * @example lorenzChart([{ name: 'Now', points: summary.reps.lorenz }], { width: 320 });
 */
export function lorenzChart(series: LorenzSeries[], o: ChartOptions): SVGSVGElement | HTMLElement {
  const rows = series.flatMap((s, i) => s.points.map(([x, y]) => ({ name: s.name, x, y, color: s.color ?? COLORS.series[i % COLORS.series.length] })));
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 240,
    marginLeft: 48,
    marginRight: 16,
    style: CHART_STYLE,
    ariaLabel: 'Lorenz curve of rep revenue',
    ariaDescription: 'Share of revenue held by the weakest x share of reps; the diagonal is perfect equality.',
    x: { label: 'Share of reps (weakest first)', domain: [0, 1], tickFormat: '.0%' },
    y: { label: 'Share of revenue', domain: [0, 1], tickFormat: '.0%', grid: true },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: '#9aa8b6', strokeDasharray: '3,3' }),
      Plot.ruleX([0.8], { stroke: '#c6d0db' }),
      Plot.areaY(rows.filter((r) => r.name === series[series.length - 1]?.name), { x: 'x', y: 'y', fill: COLORS.band90, fillOpacity: 0.35 }),
      Plot.line(rows, { x: 'x', y: 'y', z: 'name', stroke: 'color', strokeWidth: 2.5 }),
    ],
  });
}
