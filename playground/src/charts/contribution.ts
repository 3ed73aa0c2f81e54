/**
 * The variance-contribution tornado: each uncertain input's share of the variance of total revenue
 * (SRRC², computed by the engine), largest first; bars coloured by the sign of the rank coefficient.
 */
import * as Plot from '@observablehq/plot';
import type { UncertaintySummary } from '../../../engine/index.js';
import { labelForPath } from '../fields.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';

/**
 * @example contributionChart(summary.uncertainty, { width: 640 })
 */
export function contributionChart(u: UncertaintySummary, o: ChartOptions): SVGSVGElement | HTMLElement {
  const narrow = o.width < 560;
  const rows = u.contribution.parameters.map((p) => ({ label: narrow ? labelForPath(p.path) : `${labelForPath(p.path)} (${p.path})`, share: p.share, positive: p.srrc >= 0 }));
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? Math.max(140, 60 + rows.length * 32),
    marginLeft: Math.min(narrow ? Math.round(o.width * 0.45) : 360, 16 + Math.max(...rows.map((r) => r.label.length), 10) * 6.4),
    marginRight: 56,
    style: CHART_STYLE,
    ariaLabel: 'Variance contribution of each uncertain input to total revenue',
    y: { label: null, domain: rows.map((r) => r.label), tickFormat: (l: string) => (narrow && l.length > o.width / 15 ? `${l.slice(0, Math.floor(o.width / 15) - 1)}…` : l) },
    x: { label: 'Share of the variance of total revenue (SRRC²)', tickFormat: (d: number) => `${Math.round(d * 100)}%`, grid: true, ticks: narrow ? 3 : 6 },
    marks: [
      Plot.barX(rows, { x: 'share', y: 'label', fill: (d: (typeof rows)[number]) => (d.positive ? COLORS.median : COLORS.plan) }),
      Plot.ruleX([0], { stroke: COLORS.ink }),
      Plot.text(rows, { x: 'share', y: 'label', text: (d: (typeof rows)[number]) => `${(d.share * 100).toFixed(1)}%`, dx: 6, textAnchor: 'start', fill: COLORS.ink }),
    ],
  });
}
