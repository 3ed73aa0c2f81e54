/**
 * Recurring revenue (a scenario with a customers block): retention cards (ARR at the horizon, NRR and
 * GRR of the last plan year, customers, LTV : CAC, CAC payback) and the ARR fan chart. Renders nothing
 * without the block. Every figure is the engine's.
 */
import { LitElement, html, css } from 'lit';
import type { Summary } from '../../../engine/types.js';
import { base, cards, COLORS } from '../theme.js';
import { formatMoney, formatNumber, formatPct } from '../format.js';
import { arrFanChart } from '../charts/arr.js';
import './sim-chart.js';

export class SimCustomers extends LitElement {
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
        --card-accent: #0f766e;
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
    const c = s?.customers;
    if (!s || !c) return null;
    const H = s.horizonMonths;
    const end = c.arr.monthly[H - 1];
    const y = c.nrr.length - 1;
    const nrr = c.nrr[y];
    const grr = c.grr[y];
    const cust = c.customers.monthly[H - 1];
    const ratio = c.ltv && c.cac && c.cac.mean > 0 ? c.ltv.mean / c.cac.mean : null;
    return html`
      <div class="cards" data-testid="retention-cards">
        <div class="card" data-testid="kpi-arr">
          <h3>ARR at month ${H}, P50</h3>
          <div class="value">${formatMoney(end.p50)}</div>
          <div class="sub">P10 ${formatMoney(end.p10)} – P90 ${formatMoney(end.p90)} · mean ± SE ${formatMoney(end.mean)} ± ${formatMoney(c.arrStdError)}</div>
        </div>
        <div class="card" data-testid="kpi-nrr" data-value=${nrr ? String(nrr.mean) : ''}>
          <h3>Net revenue retention, year ${y + 1}</h3>
          <div class="value">${nrr ? formatPct(nrr.mean) : '–'}</div>
          <div class="sub">gross ${grr ? formatPct(grr.mean) : '–'} (of the ARR at the year's start)</div>
        </div>
        <div class="card" data-testid="kpi-customers">
          <h3>Customers at month ${H}</h3>
          <div class="value">${formatNumber(cust.p50, 0)}</div>
          <div class="sub">${formatNumber(c.newCustomers.mean, 0)} won (mean) · churned ARR ${formatMoney(c.churnedArr.annual[y].mean)} in year ${y + 1}</div>
        </div>
        <div class="card" data-testid="kpi-unit-economics">
          <h3>LTV : CAC</h3>
          <div class="value">${ratio === null ? '–' : `${formatNumber(ratio, 1)}×`}</div>
          <div class="sub">
            LTV ${c.ltv ? formatMoney(c.ltv.mean) : '–'} · CAC ${c.cac ? formatMoney(c.cac.mean) : 'needs costs'} · payback
            ${c.cacPaybackMonths ? `${formatNumber(c.cacPaybackMonths.mean, 1)} mo` : '–'}
          </div>
        </div>
      </div>
      <sim-chart
        data-testid="arr-chart"
        heading="ARR"
        filename="arr"
        caption=${`End-of-month ARR: new ${formatMoney(c.newArr.annual[y].mean)}, expansion ${formatMoney(c.expansionArr.annual[y].mean)}, churned ${formatMoney(c.churnedArr.annual[y].mean)} in year ${y + 1} (means).`}
        .legend=${[
          { label: 'P10–P90', color: COLORS.band90 },
          { label: 'P25–P75', color: COLORS.band50 },
          { label: 'Median', color: COLORS.median },
        ]}
        .draw=${(w: number) => arrFanChart(s, { width: w })}
      ></sim-chart>
    `;
  }
}
customElements.define('sim-customers', SimCustomers);
