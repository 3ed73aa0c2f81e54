/**
 * Compare charts, as small multiples so that nothing blends: one panel per variant with the baseline
 * (dark slate, its P10-P90 band in grey) and the variant (its colour) on the same axes; and one panel
 * per variant of its per-trial difference from the baseline (the engine's histogram when it sends one,
 * otherwise its percentiles as a box: P5-P95 whiskers, P25-P75 box, median tick).
 */
import * as Plot from '@observablehq/plot';
import type { Summary, Stats, Histogram } from '../../../engine/types.js';
import { formatMoney } from '../format.js';
import { COLORS, CHART_STYLE, variantColor } from '../theme.js';
import type { ChartOptions } from './fan.js';
import { histogramBins } from './histogram.js';
import { monthTicks } from './month-ticks.js';

export interface NamedSummary {
  name: string;
  summary: Summary;
  color?: string;
}

const PANEL_HEIGHT = 210;

/**
 * Builds the comparison fans: items[0] is the baseline, drawn in every panel; one panel per variant.
 * @example compareFanChart([{ name: 'Baseline', summary: a }, { name: 'Hire 10', summary: b }], { width: 700 });
 */
export function compareFanChart(items: NamedSummary[], o: ChartOptions): SVGSVGElement | HTMLElement {
  const [base, ...variants] = items;
  const panels = variants.length ? variants : [base];
  const horizon = Math.max(...items.map((it) => it.summary.horizonMonths));
  const rows = (it: NamedSummary, panel: string) => it.summary.revenue.monthly.map((st, i) => ({ panel, month: i + 1, ...st }));
  const baseRows = panels.flatMap((v) => rows(base, v.name));
  const varRows = variants.flatMap((v, i) => rows(v, v.name).map((r) => ({ ...r, color: v.color ?? variantColor(i) })));
  const titles = panels.map((v) => ({ panel: v.name, text: variants.length ? `${v.name} vs ${base.name}` : base.name }));
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 40 + panels.length * PANEL_HEIGHT,
    marginLeft: 64,
    marginRight: 16,
    marginTop: 28,
    marginBottom: 44,
    style: CHART_STYLE,
    ariaLabel: `Monthly revenue, each variant against the baseline: ${items.map((it) => it.name).join(', ')}`,
    x: { label: 'Month', domain: [1, horizon], ticks: monthTicks(horizon, o.width - 90), labelAnchor: 'center', labelOffset: 36 },
    y: { label: null, grid: true, tickFormat: (d: number) => formatMoney(d), ticks: 4 },
    fy: { axis: null, domain: panels.map((v) => v.name), padding: 0.2 },
    marks: [
      Plot.areaY(baseRows, { x: 'month', y1: 'p10', y2: 'p90', fy: 'panel', fill: '#94a3b8', fillOpacity: 0.25, curve: 'monotone-x' }),
      Plot.areaY(varRows, { x: 'month', y1: 'p10', y2: 'p90', fy: 'panel', fill: 'color', fillOpacity: 0.16, curve: 'monotone-x' }),
      Plot.lineY(varRows, { x: 'month', y: 'p10', fy: 'panel', stroke: 'color', strokeWidth: 1, strokeOpacity: 0.7, strokeDasharray: '3,3', curve: 'monotone-x' }),
      Plot.lineY(varRows, { x: 'month', y: 'p90', fy: 'panel', stroke: 'color', strokeWidth: 1, strokeOpacity: 0.7, strokeDasharray: '3,3', curve: 'monotone-x' }),
      Plot.lineY(baseRows, { x: 'month', y: 'p50', fy: 'panel', stroke: COLORS.baseline, strokeWidth: 3, curve: 'monotone-x' }),
      Plot.lineY(varRows, { x: 'month', y: 'p50', fy: 'panel', stroke: 'color', strokeWidth: 2.5, curve: 'monotone-x' }),
      Plot.text(titles, { fy: 'panel', text: 'text', frameAnchor: 'top-left', dx: -56, dy: -18, fontWeight: 600, fill: COLORS.ink, lineWidth: Math.floor((o.width - 20) / 7) }),
    ],
  });
}

export interface DifferenceItem {
  name: string;
  total: Stats;
  histogram?: Histogram;
  color: string;
}

/**
 * Builds the difference-distribution chart (variant minus baseline, total revenue per trial), one
 * panel per variant, with the zero line (the baseline) and the median marked.
 * @example differenceChart([{ name: 'Hire 10', total: v.difference.total, color: '#c2410c' }], { width: 700 });
 */
export function differenceChart(items: DifferenceItem[], o: ChartOptions): SVGSVGElement | HTMLElement {
  const names = items.map((d) => d.name);
  const medians = items.map((d) => ({ name: d.name, color: d.color, p50: d.total.p50, label: `median ${d.total.p50 >= 0 ? '+' : ''}${formatMoney(d.total.p50)}` }));
  const xLabel = o.width < 500 ? 'Revenue vs baseline, per future' : 'Total revenue, variant minus baseline, in each simulated future';
  const withHist = items.filter((d) => d.histogram);
  if (withHist.length === items.length && items.length > 0) {
    const rows = items.flatMap((d) => histogramBins(d.histogram!).map((b) => ({ ...b, name: d.name, color: d.color })));
    return Plot.plot({
      document: o.document,
      width: o.width,
      height: o.height ?? 50 + items.length * 170,
      marginLeft: 56,
      marginRight: 16,
      marginTop: 30,
      marginBottom: 44,
      style: CHART_STYLE,
      ariaLabel: 'Histogram of the per-trial revenue difference versus the baseline, one panel per variant',
      x: { label: xLabel, tickFormat: (d: number) => formatMoney(d), ticks: o.width < 500 ? 4 : 8, labelAnchor: 'center', labelOffset: 36 },
      y: { label: null, grid: true, ticks: 3 },
      fy: { axis: null, domain: names, padding: 0.3 },
      marks: [
        Plot.rectY(rows, { x1: 'x1', x2: 'x2', y: 'count', fy: 'name', fill: 'color', fillOpacity: 0.75, inset: 0.5 }),
        Plot.ruleY([0]),
        Plot.ruleX(names.map((name) => ({ name })), { x: 0, fy: 'name', stroke: COLORS.baseline, strokeWidth: 2 }),
        Plot.ruleX(medians, { x: 'p50', fy: 'name', stroke: COLORS.ink, strokeWidth: 1.5, strokeDasharray: '4,3' }),
        Plot.text(medians, { fy: 'name', frameAnchor: 'top-right', dy: 2, text: 'label', fill: COLORS.ink, stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke' }),
        Plot.text(items, { fy: 'name', frameAnchor: 'top-left', dx: -48, dy: -20, text: 'name', fontWeight: 600, fill: COLORS.ink }),
      ],
    });
  }
  const rows = items.map((d) => ({ name: d.name, color: d.color, ...d.total }));
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? Math.max(130, 70 + rows.length * 44),
    marginLeft: Math.min(Math.round(o.width / 3), 16 + Math.max(...rows.map((r) => r.name.length), 8) * 7),
    marginRight: 24,
    marginBottom: 44,
    style: CHART_STYLE,
    ariaLabel: 'Distribution of per-trial revenue difference versus baseline (P5, P25, P50, P75, P95)',
    x: { label: `${xLabel} (P5–P95, P25–P75, median)`, tickFormat: (d: number) => formatMoney(d), grid: true, ticks: o.width < 500 ? 4 : 8, labelAnchor: 'center', labelOffset: 36 },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.ruleX([0], { stroke: COLORS.baseline, strokeWidth: 2 }),
      Plot.ruleY(rows, { y: 'name', x1: 'p5', x2: 'p95', stroke: 'color', strokeWidth: 2 }),
      Plot.barX(rows, { y: 'name', x1: 'p25', x2: 'p75', fill: 'color', fillOpacity: 0.45, stroke: 'color', insetTop: 8, insetBottom: 8 }),
      Plot.tickX(rows, { y: 'name', x: 'p50', stroke: 'color', strokeWidth: 3, insetTop: 6, insetBottom: 6 }),
      Plot.text(rows, { y: 'name', x: 'p50', text: (d: (typeof rows)[number]) => `median ${formatMoney(d.p50)}`, dy: -16, fill: COLORS.ink }),
    ],
  });
}
