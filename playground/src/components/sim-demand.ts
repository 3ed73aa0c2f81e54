/**
 * Demand generation (a scenario with a demand block): cards for the marketing-sourced share of revenue,
 * the funnel's totals, unit costs and marketing ROI, and the funnel chart by month. Renders nothing
 * without the block. Every figure is the engine's.
 */
import { LitElement, html, css } from 'lit';
import type { Summary } from '../../../engine/types.js';
import { base, cards } from '../theme.js';
import { formatMoney, formatNumber, formatPct } from '../format.js';
import { funnelChart, FUNNEL_STAGES } from '../charts/funnel.js';
import './sim-chart.js';

export class SimDemand extends LitElement {
  static properties = { summary: { attribute: false }, partial: { type: Boolean } };
  declare summary: Summary | null;
  declare partial: boolean;

  static styles = [
    base,
    cards,
    css`
      :host {
        display: block;
      }
      .card {
        --card-accent: #7c3aed;
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
    const d = s?.demand;
    if (!s || !d) return null;
    const H = s.horizonMonths;
    const pool = d.nurturePool?.monthly[H - 1];
    const waiting = d.backlog?.monthly[H - 1];
    return html`
      <div class="cards" data-testid="demand-cards">
        <div class="card" data-testid="kpi-marketing-share" data-value=${d.shareOfRevenue ? String(d.shareOfRevenue.mean) : ''}>
          <h3>Marketing-sourced revenue</h3>
          <div class="value">${formatPct(d.shareOfRevenue?.mean)}</div>
          <div class="sub">${formatMoney(d.revenue.total.mean)} ± ${formatMoney(d.revenueStdError)} (mean ± SE) · ${formatPct(d.shareOfPipeline?.mean)} of created opportunities</div>
        </div>
        <div class="card" data-testid="kpi-funnel">
          <h3>Leads → qualified → won</h3>
          <div class="value">${formatNumber(d.leads.total.mean, 0)} → ${formatNumber(d.qualified.total.mean, 0)} → ${formatNumber(d.won.total.mean, 0)}</div>
          <div class="sub">${formatNumber(d.opportunities.total.mean, 0)} reached sales after the hand-off (means over ${H} months)</div>
        </div>
        <div class="card" data-testid="kpi-unit-costs">
          <h3>Cost per won deal</h3>
          <div class="value">${d.costPerWonDeal === null ? '–' : formatMoney(d.costPerWonDeal)}</div>
          <div class="sub">per lead ${d.costPerLead === null ? '–' : formatMoney(d.costPerLead)} · per opportunity ${d.costPerOpportunity === null ? '–' : formatMoney(d.costPerOpportunity)}</div>
        </div>
        <div class="card" data-testid="kpi-marketing-roi">
          <h3>Marketing ROI</h3>
          <div class="value">${d.roi === null ? '–' : formatPct(d.roi, 0)}</div>
          <div class="sub">
            demand cost ${formatMoney(d.cost.total.mean)}${pool ? html` · nurture pool ${formatNumber(pool.mean, 0)} at month ${H}` : null}${waiting ? html` · ${formatNumber(waiting.mean, 0)} leads waiting for an SDR` : null}
          </div>
        </div>
      </div>
      <sim-chart
        data-testid="funnel-chart"
        heading="Demand funnel"
        filename="funnel"
        caption="Mean leads, qualified opportunities, marketing-sourced opportunities reaching sales (after the hand-off and territory saturation) and won deals, each month (log scale)."
        .legend=${FUNNEL_STAGES.map((x) => ({ label: x.label, color: x.color }))}
        .draw=${(w: number) => funnelChart(s, { width: w })}
      ></sim-chart>
    `;
  }
}
customElements.define('sim-demand', SimDemand);
