/**
 * Tornado chart from the engine's sensitivity result, largest swing first (the engine's order). With
 * the engine's low and high outputs, each parameter gets two bars out from the base mean total
 * revenue: to the mean at its low value and to the mean at its high value. Without them, one bar of
 * the swing (high minus low) from zero.
 */
import * as Plot from '@observablehq/plot';
import type { SensitivityOutput, SensitivityParameter } from '../api.js';
import { formatMoney, formatValue } from '../format.js';
import { labelForPath, unitForPath } from '../fields.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';

/** What the chart reads of the engine's `SensitivityParameter`: the low and high outputs may be absent (one-sided chart). */
export type TornadoParameter = Pick<SensitivityParameter, 'path' | 'low' | 'high' | 'swing'> & Partial<Pick<SensitivityParameter, 'lowOutput' | 'highOutput'>>;

export const TORNADO_LOW = '#8fb3d9';
export const TORNADO_HIGH = COLORS.median;

/**
 * Rows for the tornado, in the engine's order, each labelled with its range.
 * @example tornadoRows([{ path: 'reps.cycleMonths', low: 2.4, high: 3.6, swing: { mean: -1e6, p50: -1e6, planProbability: -0.2 } }])[0].label // 'Sales cycle (2.4 → 3.6)'
 */
export function tornadoRows(params: TornadoParameter[], short = false) {
  return params.map((p, i) => ({
    rank: i,
    label: short ? labelForPath(p.path) : `${labelForPath(p.path)} (${formatValue(p.low, unitForPath(p.path))} → ${formatValue(p.high, unitForPath(p.path))})`,
    swing: p.swing.mean,
    low: p.lowOutput?.mean ?? null,
    high: p.highOutput?.mean ?? null,
  }));
}

/**
 * Builds the tornado chart.
 * @example tornadoChart(result, { width: 600 });
 */
export function tornadoChart(result: { base?: SensitivityOutput; parameters: TornadoParameter[] }, o: ChartOptions & { outputLabel?: string }): SVGSVGElement | HTMLElement {
  const out = o.outputLabel ?? 'Mean total revenue';
  const lower = out.charAt(0).toLowerCase() + out.slice(1);
  // narrow (a phone): parameter names only, the ranges are in the table below
  const narrow = o.width < 560;
  const rows = tornadoRows(result.parameters, narrow);
  const base = result.base?.mean;
  const twoSided = base !== undefined && rows.every((r) => r.low !== null && r.high !== null);
  const common = {
    document: o.document,
    width: o.width,
    height: o.height ?? Math.max(160, 60 + rows.length * 34),
    marginLeft: Math.min(narrow ? Math.round(o.width * 0.45) : 340, 16 + Math.max(...rows.map((r) => r.label.length), 10) * 6.4),
    marginRight: 24,
    style: CHART_STYLE,
    ariaLabel: `Tornado chart: ${lower} at each parameter’s low and high value`,
    y: { label: null, domain: rows.map((r) => r.label), tickFormat: (l: string) => (narrow && l.length > o.width / 15 ? `${l.slice(0, Math.floor(o.width / 15) - 1)}…` : l) },
  };
  if (twoSided) {
    // the farther end first, so a range that does not straddle the base value (both ends on one side, as a
    // user's low and high can) shows both bars: the nearer drawn over the farther
    const bars = rows.flatMap((r) => {
      const pair = [
        { label: r.label, x1: base, x2: r.low!, side: 'low value' },
        { label: r.label, x1: base, x2: r.high!, side: 'high value' },
      ];
      return Math.abs(r.low! - base) < Math.abs(r.high! - base) ? [pair[1], pair[0]] : pair;
    });
    return Plot.plot({
      ...common,
      x: { label: out, tickFormat: (d: number) => formatMoney(d), grid: true, ticks: narrow ? 3 : 6 },
      color: { domain: ['low value', 'high value'], range: [TORNADO_LOW, TORNADO_HIGH] },
      marks: [
        Plot.barX(bars, { y: 'label', x1: 'x1', x2: 'x2', fill: 'side', insetTop: 4, insetBottom: 4 }),
        Plot.ruleX([base], { stroke: COLORS.ink, strokeWidth: 1.5 }),
        Plot.text([base], { x: (d: number) => d, frameAnchor: 'top', dy: -10, text: () => `base ${formatMoney(base)}`, fill: COLORS.ink }),
      ],
      marginTop: 28,
    });
  }
  return Plot.plot({
    ...common,
    marginRight: 72,
    x: { label: `Swing in ${lower} (high − low)`, tickFormat: (d: number) => formatMoney(d), grid: true },
    marks: [
      Plot.barX(rows, { x: 'swing', y: 'label', fill: (d: (typeof rows)[number]) => (d.swing >= 0 ? COLORS.median : COLORS.plan) }),
      Plot.ruleX([0], { stroke: COLORS.ink }),
      Plot.text(rows, { x: 'swing', y: 'label', text: (d: (typeof rows)[number]) => formatMoney(d.swing), dx: 6, textAnchor: 'start', fill: COLORS.ink }),
    ],
  });
}
