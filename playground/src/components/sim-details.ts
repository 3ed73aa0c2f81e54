/**
 * "More figures": the Summary's figures no chart shows, as readable tables: the plan month by month
 * against the median, P(plan) with its standard error, revenue per territory (the evidence for
 * saturation), revenue per rep of the top 20% vs the other 80%, cost by item and by enablement
 * programme with the per-trial ROI, hires and exits, the leader's presence and disruption by month,
 * referral opportunities by month, and the run itself (trials, seed, SE of mean revenue, precision
 * reached, engine version, speed), and the assumptions the scenario uses (unsourced numbers with their
 * plausible ranges and why, as `salesim run --assumptions` lists them). A block
 * that is switched off says so instead of showing zeros. Every figure is the engine's.
 */
import { LitElement, html, css, type TemplateResult } from 'lit';
import type { Stats, Summary } from '../../../engine/types.js';
import { base, tables } from '../theme.js';
import { formatMoney, formatNumber, formatPct } from '../format.js';

const COST_LABELS: Record<string, string> = {
  reps: 'Reps (salary)',
  managers: 'Managers',
  hiring: 'Hiring',
  vacancy: 'Vacant seats',
  enablement: 'Enablement (all programmes)',
  leadership: 'Leadership changes',
  customerSuccess: 'Customer success programme',
  marketing: 'Marketing (leads)',
  sdr: 'SDRs',
  nurture: 'Nurture programme',
};

/** A value to four significant figures, as salesim run --assumptions prints it. */
const sig = (x: number) => String(+x.toPrecision(4));

/**
 * A cost item's label (the engine's `cost.breakdown` keys; an unknown key shows as it is).
 * @example costLabel('customerSuccess') // 'Customer success programme'
 */
export function costLabel(key: string): string {
  return COST_LABELS[key] ?? key;
}

const band = (st: Stats, f: (v: number) => string) => `${f(st.p10)} – ${f(st.p90)}`;

export class SimDetails extends LitElement {
  static properties = { summary: { attribute: false } };
  declare summary: Summary | null;

  static styles = [
    base,
    tables,
    css`
      :host {
        display: block;
      }
      details {
        background: #fff;
        border: 1px solid #dde4ec;
        border-radius: 10px;
        padding: 0.6rem 0.9rem;
      }
      summary {
        font-weight: 600;
        cursor: pointer;
      }
      .sections {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 0.9rem 1.2rem;
        margin-top: 0.6rem;
      }
      section {
        min-width: 0;
      }
      h3 {
        font-size: 0.9rem;
        margin: 0 0 0.25rem;
      }
      p {
        font-size: 0.8rem;
        color: #4a5a6b;
        margin: 0.15rem 0 0.35rem;
      }
      .scroll {
        overflow-x: auto;
        max-height: 20rem;
        overflow-y: auto;
      }
      table {
        font-size: 0.8rem;
      }
      table.assumptions code {
        overflow-wrap: anywhere;
      }
      table.assumptions td.why {
        text-align: left;
        overflow-wrap: anywhere;
      }
    `,
  ];

  constructor() {
    super();
    this.summary = null;
  }

  private section(id: string, title: string, body: TemplateResult | null, note?: string) {
    return html`<section data-testid="details-${id}"><h3>${title}</h3>${note ? html`<p>${note}</p>` : null}${body}</section>`;
  }

  render() {
    const s = this.summary;
    if (!s) return null;
    const sc = s.scenario as unknown as Record<string, unknown>;
    const plan = s.plan;
    const totalRevenue = s.revenue.total.mean;
    const months = Array.from({ length: s.horizonMonths }, (_, i) => i + 1);
    const costs = Object.entries(s.cost.breakdown).filter(([, st]) => st.mean !== 0 || st.p90 !== 0);
    const leaderOn = (sc.leadership ?? null) !== null;
    const referrals = s.customers?.referralOpportunities.monthly;
    return html`<details data-testid="details">
      <summary>More figures: plan by month, P(plan) ± SE, territories, top 20% vs other 80%, costs by item, hires and exits, leader by month, this run, assumptions</summary>
      <div class="sections">
        ${this.section(
          'plan',
          'Plan',
          plan
            ? html`<p>
                  P(plan) ${formatPct(plan.probability)} ± ${formatPct(s.diagnostics.planProbabilityStdError)} (standard error over ${s.trials.toLocaleString('en-US')} trials), 95% CI
                  ${formatPct(plan.ci[0])}–${formatPct(plan.ci[1])}; plan ${formatMoney(plan.target)}.
                  ${plan.annual.length > 1 ? plan.annual.map((y) => `Year ${y.year}: ${formatPct(y.probability)} of ${formatMoney(y.target)}. `) : ''}
                </p>
                <div class="scroll" tabindex="0" role="region" aria-label="Plan by month">
                  <table>
                    <thead><tr><th>Month</th><th>Plan</th><th>Revenue P50</th><th>P10 – P90</th></tr></thead>
                    <tbody>
                      ${months.map((m) => html`<tr><td>${m}</td><td>${formatMoney(plan.monthly[m - 1])}</td><td>${formatMoney(s.revenue.monthly[m - 1].p50)}</td><td>${band(s.revenue.monthly[m - 1], formatMoney)}</td></tr>`)}
                    </tbody>
                  </table>
                </div>`
            : null,
          plan ? undefined : 'No plan: set a quota to get one.',
        )}
        ${this.section(
          'territories',
          'Revenue per territory',
          html`<div class="scroll" tabindex="0" role="region" aria-label="scrollable table"><table>
            <thead><tr><th>Territory</th><th>Mean</th><th>P10 – P90</th><th>Share</th></tr></thead>
            <tbody>${s.territories.map((t) => html`<tr><td>${t.name}</td><td>${formatMoney(t.revenue.mean)}</td><td>${band(t.revenue, formatMoney)}</td><td>${formatPct(totalRevenue > 0 ? t.revenue.mean / totalRevenue : null, 0)}</td></tr>`)}</tbody>
          </table></div>`,
          'A territory whose revenue stops growing with its seats is saturated (its potential caps it).',
        )}
        ${this.section(
          'top-vs-bottom',
          'Revenue per rep: top 20% vs the other 80%',
          html`<table>
            <thead><tr><th></th><th>P50</th><th>Mean</th><th>P10 – P90</th></tr></thead>
            <tbody>
              <tr><td>Top 20%</td><td>${formatMoney(s.reps.topVsBottom.top20.revenuePerRep.p50)}</td><td>${formatMoney(s.reps.topVsBottom.top20.revenuePerRep.mean)}</td><td>${band(s.reps.topVsBottom.top20.revenuePerRep, formatMoney)}</td></tr>
              <tr><td>Other 80%</td><td>${formatMoney(s.reps.topVsBottom.bottom80.revenuePerRep.p50)}</td><td>${formatMoney(s.reps.topVsBottom.bottom80.revenuePerRep.mean)}</td><td>${band(s.reps.topVsBottom.bottom80.revenuePerRep, formatMoney)}</td></tr>
            </tbody>
          </table>`,
        )}
        ${this.section(
          'costs',
          'Cost by item and programme (enablement, customer success, marketing, SDRs, nurture)',
          costs.length
            ? html`<table>
                <thead><tr><th>Item</th><th>Mean</th><th>P10 – P90</th></tr></thead>
                <tbody>${costs.map(([k, st]) => html`<tr><td>${costLabel(k)}</td><td>${formatMoney(st.mean)}</td><td>${band(st, formatMoney)}</td></tr>`)}</tbody>
              </table>`
            : null,
          costs.length ? undefined : 'Costs are not modelled: the scenario has no cost block.',
        )}
        ${this.section(
          'leadership',
          'Leader by month',
          leaderOn
            ? html`<div class="scroll" tabindex="0" role="region" aria-label="scrollable table"><table>
                <thead><tr><th>Month</th><th>Leader in seat</th><th>Disrupted</th></tr></thead>
                <tbody>${months.map((m) => html`<tr><td>${m}</td><td>${formatPct(s.leadership.presentByMonth[m - 1], 0)}</td><td>${formatPct(s.leadership.disruptedByMonth[m - 1], 0)}</td></tr>`)}</tbody>
              </table></div>`
            : null,
          leaderOn ? 'Share of trials with a leader in seat, and with the team disrupted by a leader change, each month.' : 'Leadership is not modelled: the scenario has no leadership block.',
        )}
        ${this.section(
          'hiring',
          'Hires and exits',
          html`<table>
            <thead><tr><th>Reps per trial</th><th>Mean</th><th>P50</th><th>P10 – P90</th></tr></thead>
            <tbody>
              <tr><td>Hires</td><td>${formatNumber(s.hiring.hires.mean, 1)}</td><td>${formatNumber(s.hiring.hires.p50, 1)}</td><td>${band(s.hiring.hires, (v) => formatNumber(v, 1))}</td></tr>
              <tr><td>Exits</td><td>${formatNumber(s.hiring.exits.mean, 1)}</td><td>${formatNumber(s.hiring.exits.p50, 1)}</td><td>${band(s.hiring.exits, (v) => formatNumber(v, 1))}</td></tr>
            </tbody>
          </table>`,
          `Over ${s.horizonMonths} months: hires from the hiring plan and backfills, exits from attrition.`,
        )}
        ${s.roi
          ? this.section(
              'roi',
              'ROI per trial',
              html`<table>
                <thead><tr><th>Margin ÷ cost</th><th>Mean</th><th>P50</th><th>P10 – P90</th></tr></thead>
                <tbody><tr><td>ROI</td><td>${formatPct(s.roi.mean)}</td><td>${formatPct(s.roi.p50)}</td><td>${band(s.roi, (v) => formatPct(v))}</td></tr></tbody>
              </table>`,
              `The spread of each trial's margin ÷ cost; the headline ROI (${formatPct(s.roiOfMeans)}) is mean margin ÷ mean cost.`,
            )
          : null}
        ${this.section(
          'run',
          'This run',
          html`<table>
            <tbody>
              <tr><td>Trials · seed</td><td>${s.trials.toLocaleString('en-US')} · ${s.seed}</td></tr>
              <tr><td>Mean revenue ± SE</td><td>${formatMoney(s.revenue.total.mean)} ± ${formatMoney(s.diagnostics.revenueStdError)}</td></tr>
              ${s.precision
                ? html`<tr><td>Precision asked (${s.precision.spec})</td><td>${s.precision.met ? 'met' : `not met at the cap of ${s.precision.maxTrials.toLocaleString('en-US')} trials`}: ${s.precision.targets.map((t) => `${t.name} ±${formatNumber(t.target, 4)} (reached ±${formatNumber(t.reached, 4)})`).join('; ')}</td></tr>`
                : null}
              <tr><td>Engine · time</td><td>${s.meta.engineVersion} · ${formatNumber(s.meta.elapsedMs / 1000, 1)} s${s.meta.trialsPerSecond ? ` (${formatNumber(s.meta.trialsPerSecond, 0)} trials/s)` : ''}</td></tr>
            </tbody>
          </table>`,
          `Scenario ${s.scenarioHash.slice(0, 12)}, ${s.horizonMonths} months.`,
        )}
        ${this.section(
          'assumptions',
          'Assumptions this scenario uses',
          s.assumptions.length
            ? html`<table class="cards assumptions">
                <thead><tr><th scope="col">Assumption (no cited source)</th><th scope="col">Value</th><th scope="col">Plausible range</th><th scope="col">Why</th></tr></thead>
                <tbody>${s.assumptions.map(
                  (a) =>
                    html`<tr><th scope="row"><code>${a.path}</code></th><td data-label="Value"><div>${a.distribution ? `uncertain (median ${sig(a.value)})` : sig(a.value)}</div></td><td data-label="Plausible range"><div>${sig(a.range[0])} – ${sig(a.range[1])}</div></td><td data-label="Why" class="why"><div>${a.why}</div></td></tr>`,
                )}</tbody>
              </table>`
            : null,
          s.assumptions.length
            ? "Numbers the model needs that no source gives, each with the range it could plausibly take (as salesim run --assumptions lists them). Compare's 'What does the answer depend on?' varies them."
            : 'The scenario uses no registered assumption.',
        )}
        ${referrals
          ? this.section(
              'referrals',
              'Referral opportunities by month',
              html`<div class="scroll" tabindex="0" role="region" aria-label="scrollable table"><table>
                <thead><tr><th>Month</th><th>Mean</th><th>P10 – P90</th></tr></thead>
                <tbody>${referrals.map((st, i) => html`<tr><td>${i + 1}</td><td>${formatNumber(st.mean, 1)}</td><td>${band(st, (v) => formatNumber(v, 0))}</td></tr>`)}</tbody>
              </table></div>`,
            )
          : null}
      </div>
    </details>`;
  }
}
customElements.define('sim-details', SimDetails);
