/**
 * The coverage view: cards for required vs realised coverage, padded and stalled share, realised win
 * rate and velocity; the two win-rate groups side by side; per-month charts of the win rate, velocity,
 * stalled share and (under a global policy) the multiple in force. Shown when the Summary has coverage
 * figures (a coverage, sellingTime or stalls block); every figure is the engine's.
 */
import { LitElement, html, css } from 'lit';
import type { Stats, Summary } from '../../../engine/types.js';
import { base, cards } from '../theme.js';
import { formatMoney, formatNumber, formatPct } from '../format.js';
import { bandChart } from '../charts/coverage.js';
import { COLORS } from '../theme.js';
import './sim-chart.js';

const x2 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : `${formatNumber(v, 2)}x`);
const mean = (s: Stats | null | undefined) => (s ? s.mean : null);

/** What the band charts draw (charts/coverage.ts): the P10-P90 band, the median and the mean. */
const BAND_LEGEND = [
  { label: 'P10–P90', color: COLORS.band90 },
  { label: 'Median', color: COLORS.median },
  { label: 'Mean', color: COLORS.median, dashed: true },
];

export class SimCoverage extends LitElement {
  static properties = { summary: { attribute: false } };
  declare summary: Summary | null;

  static styles = [
    base,
    cards,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1rem;
        margin: 0.9rem 0 0.4rem;
      }
      .cards {
        grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
        margin-bottom: 0;
      }
      .card {
        --card-accent: #0f766e;
        --card-value-size: 1.3rem;
        padding: 0.5rem 0.7rem;
      }
      .value {
        margin: 0.1rem 0;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: #fff;
        border-radius: 10px;
        margin-top: 0.6rem;
        font-variant-numeric: tabular-nums;
        font-size: 0.85rem;
      }
      th,
      td {
        padding: 0.35rem 0.6rem;
        text-align: right;
        border-bottom: 1px solid #eef2f6;
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: 0.75rem;
        margin-top: 0.6rem;
      }
    `,
  ];

  constructor() {
    super();
    this.summary = null;
  }

  render() {
    const s = this.summary;
    const c = s?.coverage;
    if (!s || !c) return null;
    const policy = s.scenario.coverage?.policy ?? 'none';
    const last = c.byMonth.multiple ? c.byMonth.multiple[c.byMonth.multiple.length - 1] : null;
    const velocity = c.byMonth.velocity.reduce((a, v) => a + v.mean, 0) / Math.max(1, c.byMonth.velocity.length);
    const g = [
      ['Revenue per rep', formatMoney(c.top20.revenuePerRep.mean), formatMoney(c.bottom80.revenuePerRep.mean)],
      ['Attainment', formatPct(mean(c.top20.attainment), 0), formatPct(mean(c.bottom80.attainment), 0)],
      ['Padded share', formatPct(mean(c.top20.paddedShare)), formatPct(mean(c.bottom80.paddedShare))],
    ];
    return html`
      <h2>Pipeline coverage</h2>
      <div class="cards">
        <div class="card" data-testid="coverage-required">
          <h3>Required vs realised</h3>
          <div class="value">${x2(mean(c.requiredCoverage))} · ${x2(mean(c.realisedCoverage))}</div>
          <div class="sub">${policy === 'none' ? 'no coverage rule' : policy === 'global' ? 'the global multiple vs the pipeline held' : '1 / own conversion vs the pipeline held'}</div>
        </div>
        <div class="card" data-testid="coverage-padded">
          <h3>Padded share</h3>
          <div class="value">${formatPct(c.paddedShare.mean)}</div>
          <div class="sub">of opportunities created</div>
        </div>
        <div class="card" data-testid="coverage-stalled">
          <h3>Stalled share</h3>
          <div class="value">${c.stalledShare ? formatPct(c.stalledShare.mean) : '–'}</div>
          <div class="sub">${c.stalledShare ? 'of the open pipeline, month ends' : 'add a stalls block'}</div>
        </div>
        <div class="card" data-testid="coverage-win-rate">
          <h3>Realised win rate</h3>
          <div class="value">${formatPct(mean(c.realisedWinRate))}</div>
          <div class="sub">won / resolved, padded included</div>
        </div>
        <div class="card" data-testid="coverage-velocity">
          <h3>Velocity</h3>
          <div class="value">${formatPct(velocity)}</div>
          <div class="sub">value won a month / open value (mean)</div>
        </div>
        ${last
          ? html`<div class="card" data-testid="coverage-multiple">
              <h3>Multiple, last month</h3>
              <div class="value">${x2(last.mean)}</div>
              <div class="sub">${s.scenario.coverage?.escalation ? `escalating from ${x2(s.scenario.coverage.multiple)}` : 'fixed'}</div>
            </div>`
          : null}
      </div>
      <table data-testid="coverage-groups">
        <caption class="sub" style="text-align:left;caption-side:top">Reps by win rate (means over trials)</caption>
        <thead>
          <tr><th></th><th>Top 20%</th><th>Other 80%</th></tr>
        </thead>
        <tbody>
          ${g.map((r) => html`<tr><td>${r[0]}</td><td>${r[1]}</td><td>${r[2]}</td></tr>`)}
        </tbody>
      </table>
      <div class="grid">
        <sim-chart .legend=${BAND_LEGEND} data-testid="coverage-win-rate-chart" heading="Realised win rate by month" filename="win-rate" .draw=${(w: number) => bandChart(c.byMonth.winRate, { width: w, label: 'Won / resolved', format: (v) => formatPct(v, 0), ariaLabel: 'Realised win rate by month' })}></sim-chart>
        <sim-chart .legend=${BAND_LEGEND} data-testid="coverage-velocity-chart" heading="Pipeline velocity by month" filename="velocity" .draw=${(w: number) => bandChart(c.byMonth.velocity, { width: w, label: 'Won / open value', format: (v) => formatPct(v, 0), ariaLabel: 'Pipeline velocity by month' })}></sim-chart>
        ${c.byMonth.stalledShare
          ? html`<sim-chart .legend=${BAND_LEGEND} data-testid="coverage-stalled-chart" heading="Stalled share by month" filename="stalled" .draw=${(w: number) => bandChart(c.byMonth.stalledShare!, { width: w, label: 'Stalled / open', format: (v) => formatPct(v, 0), ariaLabel: 'Stalled share of the pipeline by month' })}></sim-chart>`
          : null}
        ${c.byMonth.multiple
          ? html`<sim-chart .legend=${BAND_LEGEND} data-testid="coverage-multiple-chart" heading="Coverage multiple over time" filename="multiple" .draw=${(w: number) => bandChart(c.byMonth.multiple!, { width: w, label: 'Required multiple', format: (v) => `${formatNumber(v, 1)}x`, ariaLabel: 'The global coverage multiple in force by month' })}></sim-chart>`
          : null}
      </div>
    `;
  }
}
customElements.define('sim-coverage', SimCoverage);
