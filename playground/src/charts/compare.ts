/**
 * Compare charts: overlaid monthly-revenue fans (P10-P90 band and median per scenario) and the
 * distribution of each variant's per-trial difference from the baseline (the engine's histogram when
 * it sends one, otherwise its percentiles as a box: P5-P95 whiskers, P25-P75 box, median tick).
 */
import * as Plot from '@observablehq/plot';
import type { Summary, Stats, Histogram } from '../../../engine/types.js';
import { formatMoney } from '../format.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';
import { histogramBins } from './histogram.js';

export interface NamedSummary {
  name: string;
  summary: Summary;
}

/**
 * Builds the overlaid fans.
 * @example compareFanChart([{ name: 'Baseline', summary: a }, { name: 'Hire 10', summary: b }], { width: 700 });
 */
export function compareFanChart(items: NamedSummary[], o: ChartOptions): SVGSVGElement | HTMLElement {
  const rows = items.flatMap((it, k) => it.summary.revenue.monthly.map((st, i) => ({ name: it.name, k, month: i + 1, ...st })));
  const horizon = Math.max(...items.map((it) => it.summary.horizonMonths));
  const names = items.map((it) => it.name);
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 300,
    marginLeft: 64,
    marginRight: 16,
    style: CHART_STYLE,
    ariaLabel: `Monthly revenue fans overlaid: ${names.join(', ')}`,
    x: { label: 'Month', domain: [1, horizon], ticks: Math.min(12, horizon) },
    y: { label: 'Revenue per month', grid: true, tickFormat: (d: number) => formatMoney(d), zero: true },
    color: { domain: names, range: COLORS.series.slice(0, names.length) },
    marks: [
      Plot.areaY(rows, { x: 'month', y1: 'p10', y2: 'p90', z: 'name', fill: 'name', fillOpacity: 0.14, curve: 'monotone-x' }),
      Plot.lineY(rows, { x: 'month', y: 'p50', z: 'name', stroke: 'name', strokeWidth: 2.5, curve: 'monotone-x' }),
      Plot.lineY(rows, { x: 'month', y: 'p10', z: 'name', stroke: 'name', strokeWidth: 1, strokeOpacity: 0.6, strokeDasharray: '2,3', curve: 'monotone-x' }),
      Plot.lineY(rows, { x: 'month', y: 'p90', z: 'name', stroke: 'name', strokeWidth: 1, strokeOpacity: 0.6, strokeDasharray: '2,3', curve: 'monotone-x' }),
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
 * Builds the difference-distribution chart (variant minus baseline, total revenue per trial).
 * @example differenceChart([{ name: 'Hire 10', total: v.difference.total, color: '#c2410c' }], { width: 700 });
 */
export function differenceChart(items: DifferenceItem[], o: ChartOptions): SVGSVGElement | HTMLElement {
  const style = { fontSize: '12px', fontFamily: 'Inter, Segoe UI, system-ui, sans-serif', color: COLORS.ink, background: 'transparent' };
  const withHist = items.filter((d) => d.histogram);
  if (withHist.length === items.length && items.length > 0) {
    const rows = items.flatMap((d) => histogramBins(d.histogram!).map((b) => ({ ...b, name: d.name })));
    return Plot.plot({
      document: o.document,
      width: o.width,
      height: o.height ?? 220,
      marginLeft: 48,
      style,
      ariaLabel: 'Histogram of per-trial revenue difference versus baseline',
      x: { label: 'Total revenue difference vs baseline (per trial)', tickFormat: (d: number) => formatMoney(d) },
      y: { label: 'Trials', grid: true },
      color: { domain: items.map((d) => d.name), range: items.map((d) => d.color) },
      marks: [Plot.rectY(rows, { x1: 'x1', x2: 'x2', y: 'count', fill: 'name', fillOpacity: 0.6, mixBlendMode: 'multiply' }), Plot.ruleX([0], { stroke: COLORS.ink, strokeWidth: 1.5 }), Plot.ruleY([0])],
    });
  }
  const rows = items.map((d) => ({ name: d.name, color: d.color, ...d.total }));
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? Math.max(120, 50 + rows.length * 44),
    marginLeft: Math.min(260, 16 + Math.max(...rows.map((r) => r.name.length), 8) * 7),
    marginRight: 24,
    style,
    ariaLabel: 'Distribution of per-trial revenue difference versus baseline (P5, P25, P50, P75, P95)',
    x: { label: 'Total revenue difference vs baseline (per trial): P5–P95, P25–P75, median', tickFormat: (d: number) => formatMoney(d), grid: true },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.ruleX([0], { stroke: COLORS.ink, strokeWidth: 1.5 }),
      Plot.ruleY(rows, { y: 'name', x1: 'p5', x2: 'p95', stroke: 'color', strokeWidth: 2 }),
      Plot.barX(rows, { y: 'name', x1: 'p25', x2: 'p75', fill: 'color', fillOpacity: 0.45, stroke: 'color', insetTop: 8, insetBottom: 8 }),
      Plot.tickX(rows, { y: 'name', x: 'p50', stroke: 'color', strokeWidth: 3, insetTop: 6, insetBottom: 6 }),
      Plot.text(rows, { y: 'name', x: 'p50', text: (d: (typeof rows)[number]) => `median ${formatMoney(d.p50)}`, dy: -16, fill: COLORS.ink }),
    ],
  });
}
