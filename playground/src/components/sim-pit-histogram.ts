/**
 * The reliability (PIT) histogram of a back-test (issue 25): for each month, the share of simulated months
 * below the actual (its PIT) falls in one of ten bins; a calibrated forecast spreads them evenly (the dashed
 * line), a U shape says the bands are too narrow, a hump too wide, a slope a bias. The counts and the tests
 * (chi-square on the ten bins, Kolmogorov-Smirnov) are the engine's (`BacktestScores.pit`,
 * engine/calibrate/backtest.ts); this only draws them and says what they mean.
 */
import { LitElement, html, css } from 'lit';
import * as Plot from '@observablehq/plot';
import { base, COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from '../charts/fan.js';
import type { BacktestScores } from '../../../engine/calibrate/backtest.js';
import './sim-chart.js';

/** The engine's PIT summary of a back-test. */
export type PitSummary = BacktestScores['pit'];

/**
 * The ten bins as rows: lower edge, upper edge, count, and whether the bin is one of the tails (below 0.1 or
 * above 0.9: the actual outside the P10-P90 band).
 * @example pitRows([1, 0, 0, 0, 0, 0, 0, 0, 0, 2])[9] // { from: 0.9, to: 1, count: 2, tail: true, label: '0.9-1.0' }
 */
export function pitRows(counts: readonly number[]) {
  return counts.map((count, i) => ({ from: i / 10, to: (i + 1) / 10, count, tail: i === 0 || i === counts.length - 1, label: `${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)}` }));
}

/**
 * What the histogram's shape says, in words, from the engine's counts and tests.
 * @example pitVerdict({ histogram: { counts: [3,0,0,0,0,0,0,0,0,3], chiSquare: 24, df: 9, pValue: 0.004, test: '' }, ks: { d: 0.4, pValue: 0.03, test: '' } })
 * // 'not uniform (chi-square p 0.004): more months in the tails than the middle, the bands are too narrow'
 */
export function pitVerdict(pit: PitSummary): string {
  const c = pit.histogram.counts;
  const n = c.reduce((a, b) => a + b, 0);
  if (n === 0) return 'no months to score';
  const tails = c[0] + c[c.length - 1];
  const low = c.slice(0, 5).reduce((a, b) => a + b, 0);
  const p = Math.min(pit.histogram.pValue, pit.ks.pValue);
  const test = `chi-square p ${pit.histogram.pValue.toFixed(3)}, Kolmogorov-Smirnov p ${pit.ks.pValue.toFixed(3)}`;
  if (p >= 0.05) return `consistent with uniform (${test}): no sign that the bands are too narrow, too wide or biased${n < 50 ? ` (with ${n} months the tests see only large departures)` : ''}`;
  const shape =
    tails > 0.4 * n
      ? 'more months in the tails than the middle: the bands are too narrow'
      : low > 0.65 * n
        ? 'most actuals below the simulated median: the scenario over-forecasts'
        : low < 0.35 * n
          ? 'most actuals above the simulated median: the scenario under-forecasts'
          : tails < 0.05 * n && n >= 20
            ? 'few months in the tails: the bands are too wide'
            : 'uneven';
  return `not uniform (${test}): ${shape}`;
}

/**
 * The histogram chart: ten bars of PIT counts, the tails in the "outside" colour, and the count each bin
 * would hold under a calibrated forecast.
 * @example host.append(pitChart(result.scores.pit, { width: 480 }));
 */
export function pitChart(pit: PitSummary, o: ChartOptions): SVGSVGElement | HTMLElement {
  const rows = pitRows(pit.histogram.counts);
  const n = rows.reduce((a, r) => a + r.count, 0);
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 220,
    marginLeft: 44,
    style: CHART_STYLE,
    ariaLabel: 'Reliability (PIT) histogram of the back-test months',
    ariaDescription: `${n} months in ten PIT bins: ${rows.map((r) => `${r.label}: ${r.count}`).join(', ')}; ${(n / 10).toFixed(1)} expected in each when calibrated.`,
    x: { label: 'PIT', domain: [0, 1], ticks: 5 },
    y: { label: 'Months', grid: true, zero: true, ticks: Math.max(1, Math.min(5, Math.ceil(Math.max(n / 10, ...rows.map((r) => r.count))))), tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
    marks: [
      Plot.rectY(rows, { x1: 'from', x2: 'to', y: 'count', fill: (r: (typeof rows)[number]) => (r.tail ? COLORS.bad : COLORS.median), fillOpacity: 0.85, insetLeft: 1, insetRight: 1 }),
      Plot.ruleY([n / 10], { stroke: COLORS.ink, strokeDasharray: '5,4', strokeWidth: 1.2 }),
      Plot.tip(rows, Plot.pointerX({ x: (r: (typeof rows)[number]) => (r.from + r.to) / 2, y: 'count', title: (r: (typeof rows)[number]) => `PIT ${r.label}: ${r.count} month${r.count === 1 ? '' : 's'} (${(n / 10).toFixed(1)} expected)` })),
    ],
  });
}

/**
 * The words under the histogram: what a PIT is, and what these months' PITs say.
 * @example pitCaption(pit) // "Each month's PIT is the share of simulated months below what was booked; ... The months' PITs are consistent with uniform (...)..."
 */
export function pitCaption(pit: PitSummary): string {
  return `Each month's PIT is the share of simulated months below what was booked; calibrated forecasts spread them evenly over the ten bins. The months' PITs are ${pitVerdict(pit)}. Months of one history share reps and parameters, so the tests are approximate.`;
}

export class SimPitHistogram extends LitElement {
  static properties = { pit: { attribute: false } };
  /** the engine's PIT summary of the back-test (null: nothing to draw yet) */
  declare pit: PitSummary | null;

  constructor() {
    super();
    this.pit = null;
  }

  static styles = [
    base,
    css`
      :host {
        display: block;
      }
    `,
  ];

  render() {
    const pit = this.pit;
    return html`<sim-chart
      data-testid="pit-histogram"
      heading="Reliability (PIT) histogram of the months"
      filename="backtest-pit"
      caption=${pit ? pitCaption(pit) : ''}
      .legend=${pit
        ? [
            { label: 'months in the bin', color: COLORS.median },
            { label: 'tails (outside P10-P90)', color: COLORS.bad },
            { label: 'expected if calibrated', color: COLORS.ink },
          ]
        : []}
      empty="Run the back-test to see where each month's actual fell in its simulated distribution."
      .draw=${pit ? (w: number) => pitChart(pit, { width: w }) : null}
    ></sim-chart>`;
  }
}

customElements.define('sim-pit-histogram', SimPitHistogram);
