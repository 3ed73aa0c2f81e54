/**
 * Headline cards: P50 revenue with P10-P90, probability of hitting plan with its interval, share of
 * reps at quota, top-20% share, leader changes, cost and ROI. Every figure is the engine's.
 */
import { LitElement, html, css } from 'lit';
import type { Summary } from '../../../engine/types.js';
import { base, cards } from '../theme.js';
import { formatMoney, formatMultiple, formatNumber, formatPct } from '../format.js';

/**
 * A half-width of a share in percentage points: `1.0 pt`, `0.8 pts`.
 * @example points(0.0098) // '1.0 pt'
 */
export function points(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const x = (v * 100).toFixed(1);
  return `${x} ${x === '1.0' ? 'pt' : 'pts'}`;
}

/**
 * A relative half-width: `0.48%`.
 * @example halfPct(0.0048) // '0.48%'
 */
export function halfPct(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(2)}%`;
}

/** The trials the figures rest on, and whether the run was to a precision (auto) or a set count. */
function trialsNote(s: Summary | null): string {
  if (!s) return '–';
  const n = `${s.trials.toLocaleString('en-US')} trials`;
  if (!s.precision) return n;
  return s.precision.met ? `${n} (auto: to the precision asked)` : `${n} (auto: stopped at the cap)`;
}

export class SimKpis extends LitElement {
  static properties = { summary: { attribute: false }, partial: { type: Boolean } };
  declare summary: Summary | null;
  declare partial: boolean;

  static styles = [
    base,
    cards,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 0.6rem;
      }
      :host {
        --card-value-size: 1.55rem;
      }
      .card.hero {
        --card-accent: #1d4f91;
      }
      .card.plan {
        --card-accent: #c2410c;
      }
      .value.off {
        font-size: 1.05rem;
        color: #5b6576;
      }
      @media (max-width: 640px) {
        :host {
          grid-template-columns: repeat(2, minmax(0, 1fr));
          gap: 0.45rem;
        }
        .card {
          padding: 0.5rem 0.6rem;
        }
        .value {
          font-size: 1.3rem;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.summary = null;
    this.partial = false;
  }

  render() {
    const s = this.summary;
    const dash = '–';
    const plan = s?.plan ?? null;
    const sc = s?.scenario as { leadership?: unknown; costs?: unknown } | undefined;
    // a switched-off block is not measured: say so instead of showing 0 as if it were a finding
    const leaderOff = !!s && (sc?.leadership ?? null) === null && s.leadership.changes.mean === 0;
    const costOff = !!s && (sc?.costs ?? null) === null && s.cost.total.mean === 0;
    return html`
      <div class="card hero" data-testid="kpi-revenue">
        <h3 title=${s?.customers ? 'Deals won over the horizon (contract value booked), not recognised subscription revenue; see the ARR cards' : 'Revenue won over the horizon'}>${s?.customers ? 'Bookings' : 'Revenue'}, P50 (${s ? `${s.horizonMonths} mo` : dash})</h3>
        <div class="value">${s ? formatMoney(s.revenue.total.p50) : dash}</div>
        <div class="sub">P10 ${s ? formatMoney(s.revenue.total.p10) : dash} – P90 ${s ? formatMoney(s.revenue.total.p90) : dash}</div>
        <div class="sub" data-testid="kpi-revenue-precision" data-value=${s?.diagnostics.halfWidth?.revenue ?? ''} title="the mean's 95% interval, as a share of the mean: the precision this run reached">
          ${s ? html`mean ${formatMoney(s.revenue.total.mean)} <strong>± ${halfPct(s.diagnostics.halfWidth?.revenue)}</strong> · ${trialsNote(s)}` : dash}
        </div>
      </div>
      <div class="card plan" data-testid="kpi-plan-probability" data-value=${plan ? String(plan.probability) : ''}>
        <h3>Chance of hitting plan</h3>
        <div class="value">${plan ? formatPct(plan.probability) : dash}</div>
        <div class="sub">
          ${plan
            ? html`<strong data-testid="kpi-plan-precision" data-value=${s?.diagnostics.halfWidth?.pPlan ?? ''} title="half the width of the 95% interval of P(plan): the precision this run reached">± ${points(s?.diagnostics.halfWidth?.pPlan)}</strong>
                (95%: ${formatPct(plan.ci[0])}–${formatPct(plan.ci[1])}) · <span data-testid="kpi-plan-se">SE ${formatPct(s?.diagnostics.planProbabilityStdError ?? null, 1)}</span> · plan ${formatMoney(plan.target)}`
            : s ? 'no quota or plan set' : dash}
        </div>
      </div>
      <div class="card" data-testid="kpi-share-at-quota">
        <h3>Reps at quota</h3>
        <div class="value">${s?.reps.shareAtQuota ? formatPct(s.reps.shareAtQuota.mean, 0) : dash}</div>
        <div class="sub">${s?.reps.attainment ? `median attainment ${formatPct(s.reps.attainment.p50, 0)}` : 'needs a quota'}</div>
      </div>
      <div class="card" data-testid="kpi-top20">
        <h3>Top 20% share</h3>
        <div class="value">${s ? formatPct(s.reps.top20Share.p50, 0) : dash}</div>
        <div class="sub">of rep revenue (P50) · Gini ${s ? formatNumber(s.reps.gini.p50, 2) : dash}</div>
      </div>
      <div class="card" data-testid="kpi-leader-changes">
        <h3>Leader changes</h3>
        ${leaderOff
          ? html`<div class="value off">not modelled</div>
              <div class="sub">no leadership block in this scenario</div>`
          : html`<div class="value">${s ? formatNumber(s.leadership.changes.mean, 2) : dash}</div>
              <div class="sub">mean · ${s ? formatNumber(s.leadership.monthsWithoutLeader.mean, 1) : dash} months without a leader</div>`}
      </div>
      <div class="card" data-testid="kpi-cost">
        <h3>Cost (mean) · ROI</h3>
        ${costOff
          ? html`<div class="value off">not modelled</div>
              <div class="sub">no cost block in this scenario: add one to see cost, margin and ROI</div>`
          : html`<div class="value">${s ? formatMoney(s.cost.total.mean) : dash}</div>
        <div class="sub">
          <span data-testid="kpi-roi" data-value=${s?.roiOfMeans ?? ''} title="ROI = mean margin ÷ mean cost, the figure the CLI and API report">ROI ${s?.roiOfMeans !== null && s?.roiOfMeans !== undefined ? formatPct(s.roiOfMeans) : s ? 'n/a (no costs)' : dash}</span>
          (margin ÷ cost) · margin ${s ? formatMoney(s.margin.mean) : dash}
        </div>`}
      </div>
    `;
  }
}
customElements.define('sim-kpis', SimKpis);
