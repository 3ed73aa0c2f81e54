/**
 * Histograms drawn from the engine's binned counts (`{ edges, counts }`), with a reference line:
 * the plan on total revenue, the quota (100%) on attainment.
 */
import * as Plot from '@observablehq/plot';
import type { Histogram } from '../../../engine/types.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';

/**
 * The bars of a histogram: one per bin, [x1, x2) with its count.
 * @example histogramBins({ edges: [0, 1, 2], counts: [3, 4] }) // [{ x1: 0, x2: 1, count: 3 }, { x1: 1, x2: 2, count: 4 }]
 */
export function histogramBins(h: Histogram): { x1: number; x2: number; count: number }[] {
  return h.counts.map((count, i) => ({ x1: h.edges[i], x2: h.edges[i + 1], count }));
}

export interface HistogramOptions extends ChartOptions {
  label: string;
  format: (v: number) => string;
  marker?: { value: number; label: string } | null;
  ariaLabel: string;
  color?: string;
  /** what a bar counts (default 'Trials') */
  yLabel?: string;
  /** a note over the first bar (e.g. what the 0% spike is) */
  firstBinNote?: string;
  /** the last bin is open-ended (engine clamps values above it into it): its label, e.g. '300% or more' */
  openEndedLabel?: string;
}

/**
 * Builds a histogram chart.
 * @example histogramChart(summary.revenue.histogram, { width: 400, label: 'Total revenue', format: formatMoney, ariaLabel: 'Revenue' });
 */
export function histogramChart(h: Histogram, o: HistogramOptions): SVGSVGElement | HTMLElement {
  const bins = histogramBins(h);
  const m = o.marker;
  const first = bins[0];
  const last = bins[bins.length - 1];
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 240,
    marginLeft: 48,
    marginRight: 24,
    marginTop: 24,
    style: CHART_STYLE,
    ariaLabel: o.ariaLabel,
    x: { label: o.label, tickFormat: o.format, ticks: 5 },
    y: { label: o.yLabel ?? 'Trials', grid: true },
    marks: [
      Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'count', fill: o.color ?? COLORS.band50, inset: 0.5 }),
      o.openEndedLabel && last
        ? Plot.rectY([last], { x1: 'x1', x2: 'x2', y: 'count', fill: 'none', stroke: COLORS.ink, strokeDasharray: '3,2', inset: 0.5 })
        : null,
      o.openEndedLabel && last
        ? Plot.text([last], { x: 'x2', y: 'count', text: () => o.openEndedLabel!, textAnchor: 'end', dy: -8, fill: COLORS.ink, stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke' })
        : null,
      o.firstBinNote && first
        ? Plot.text([first], { x: 'x2', y: 'count', text: () => o.firstBinNote!, textAnchor: 'start', dx: 4, dy: 6, fill: COLORS.ink, stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke' })
        : null,
      Plot.ruleY([0]),
      m ? Plot.ruleX([m.value], { stroke: COLORS.plan, strokeWidth: 2, strokeDasharray: '6,4' }) : null,
      m ? Plot.text([m.value], { x: (d: number) => d, frameAnchor: 'top', dy: -14, text: () => m.label, fill: COLORS.plan, fontWeight: 600 }) : null,
    ],
  });
}
