/**
 * Tornado chart from the engine's sensitivity result: one bar per parameter, the swing in mean
 * total revenue from its low to its high value, largest first (the engine's order).
 */
import * as Plot from '@observablehq/plot';
import type { SensitivityParameter } from '../api.js';
import { formatMoney, formatNumber } from '../format.js';
import { COLORS } from '../theme.js';
import type { ChartOptions } from './fan.js';

/**
 * Rows for the tornado, in the engine's order, each labelled with its range.
 * @example tornadoRows([{ path: 'reps.cycleMonths', low: 2.4, high: 3.6, swing: { mean: -1e6, p50: -1e6, planProbability: -0.2 } }])[0].label // 'reps.cycleMonths (2.4 → 3.6)'
 */
export function tornadoRows(params: SensitivityParameter[]) {
  return params.map((p, i) => ({
    rank: i,
    label: `${p.path} (${formatNumber(p.low, 3)} → ${formatNumber(p.high, 3)})`,
    swing: p.swing.mean,
    p50: p.swing.p50,
  }));
}

/**
 * Builds the tornado chart.
 * @example tornadoChart(result.parameters, { width: 600 });
 */
export function tornadoChart(params: SensitivityParameter[], o: ChartOptions): SVGSVGElement | HTMLElement {
  const rows = tornadoRows(params);
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? Math.max(160, 40 + rows.length * 34),
    marginLeft: Math.min(320, 16 + Math.max(...rows.map((r) => r.label.length), 10) * 6.6),
    marginRight: 72,
    style: { fontSize: '12px', fontFamily: 'Inter, Segoe UI, system-ui, sans-serif', color: COLORS.ink, background: 'transparent' },
    ariaLabel: 'Tornado chart: swing in mean total revenue per parameter, low to high',
    x: { label: 'Swing in mean total revenue (high − low)', tickFormat: (d: number) => formatMoney(d), grid: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, { x: 'swing', y: 'label', fill: (d: (typeof rows)[number]) => (d.swing >= 0 ? COLORS.median : COLORS.plan) }),
      Plot.ruleX([0], { stroke: COLORS.ink }),
      Plot.text(rows, { x: 'swing', y: 'label', text: (d: (typeof rows)[number]) => formatMoney(d.swing), dx: 6, textAnchor: 'start', fill: COLORS.ink }),
    ],
  });
}
