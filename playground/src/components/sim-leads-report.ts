/**
 * The lead-export fit in the Calibrate view: the demand block fitted from a lead export (leads a month,
 * qualified share, qualification delay, not-ready share), each with its standard error where it has one,
 * the leads counted and censored, and the fit's warnings. The figures are the engine's
 * (`calibrateDemand`, via `calibrateWithLeads`); the same block is in the fitted scenario in the editor.
 */
import { LitElement, html, css } from 'lit';
import type { CalibrationWithLeads } from '../calibrate-api.js';
import { base, view, tables } from '../theme.js';
import { formatNumber, formatPct } from '../format.js';

type Demand = { leadsPerMonth: number | { mean: number; sd: number }; qualifiedShare: number; qualificationDelayMonths: number; notReadyShare?: number };

export class SimLeadsReport extends LitElement {
  static properties = { fit: { attribute: false } };
  declare fit: CalibrationWithLeads | null;

  static styles = [
    base,
    view,
    tables,
    css`
      th,
      td:first-child {
        text-align: left;
      }
      ul {
        margin: 0.2rem 0;
        padding-left: 1.2rem;
        font-size: 0.82rem;
      }
    `,
  ];

  constructor() {
    super();
    this.fit = null;
  }

  render() {
    const r = this.fit?.demandReport;
    const d = (this.fit?.scenario as { demand?: Demand } | undefined)?.demand;
    if (!r || !d) return null;
    const lp = d.leadsPerMonth;
    return html`<section class="panel" aria-labelledby="leads-h" data-testid="calibrate-leads-report">
      <h2 id="leads-h">Lead funnel (demand block)</h2>
      <p>
        ${r.leads.toLocaleString('en-US')} leads over ${r.months} months (as of ${r.asOf}), ${r.qualified.toLocaleString('en-US')} qualified. The shares use the
        ${r.eligibleLeads.toLocaleString('en-US')} leads old enough for every observed delay; ${r.censoredLeads.toLocaleString('en-US')} more recent leads may still qualify and are left
        out (censored). The demand block is in the fitted scenario in the editor.
      </p>
      <table aria-label="Fitted lead funnel with standard errors">
        <thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">SE</th></tr></thead>
        <tbody>
          <tr>
            <td>Leads a month <small>demand.leadsPerMonth</small></td>
            <td>${typeof lp === 'number' ? formatNumber(lp, 1) : `mean ${formatNumber(lp.mean, 1)}, sd ${formatNumber(lp.sd, 1)} (month to month)`}</td>
            <td>${formatNumber(r.leadsPerMonthStdError, 2)}</td>
          </tr>
          <tr><td>Qualified share <small>demand.qualifiedShare</small></td><td>${formatPct(d.qualifiedShare)}</td><td>${formatPct(r.qualifiedShareStdError)}</td></tr>
          <tr><td>Months from lead to qualified (median) <small>demand.qualificationDelayMonths</small></td><td>${d.qualificationDelayMonths} (longest ${r.delayMonths.max})</td><td>–</td></tr>
          <tr><td>Not ready (nurturing or recycled) <small>demand.notReadyShare</small></td><td>${d.notReadyShare === undefined ? 'no status column: default 50%' : formatPct(d.notReadyShare)}</td><td>–</td></tr>
        </tbody>
      </table>
      ${r.warnings.length ? html`<ul data-testid="calibrate-leads-warnings">${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : null}
    </section>`;
  }
}
customElements.define('sim-leads-report', SimLeadsReport);
