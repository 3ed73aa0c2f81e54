/**
 * People and pay: the Summary sections of the issue-27 mechanisms, as readable tables with units.
 * Compensation (rep pay by part, cost of sales, share at the cap, the payout distribution), retention
 * (exits and what they cost, top 20% vs the other 80%, the raise's cost), first-line managers (teams,
 * manager exits, team-months without a manager) and the coverage response (opportunities prospected and
 * the hours taken from deals), and growth limits (rushed hires, coordination drag, the peak team). A section is drawn only when its block is on (the engine leaves it out of
 * the Summary otherwise), so a switched-off block never shows 0 as if measured; with none on, nothing
 * renders. Every figure is the engine's.
 */
import { LitElement, html, css, type TemplateResult } from 'lit';
import type { Stats, Summary } from '../../../engine/types.js';
import { base, tables } from '../theme.js';
import { formatMoney, formatNumber, formatPct } from '../format.js';

/** The Summary fields this view draws (the Summary walk in test/playground/people.test.ts checks them). */
export const PEOPLE_SECTIONS = ['compensation', 'retention', 'managers', 'coverageResponse', 'scaling'] as const;

type Fmt = (v: number) => string;
const money: Fmt = (v) => formatMoney(v);
const pct: Fmt = (v) => formatPct(v);
const count: Fmt = (v) => formatNumber(v, 1);
const hours: Fmt = (v) => `${formatNumber(v, 0)} h`;

/**
 * A table row of a Stats: label, mean, P50, P10 – P90, in one unit.
 * @example statRow('Exits', st, count)
 */
function statRow(label: string, st: Stats, f: Fmt): TemplateResult {
  return html`<tr><td>${label}</td><td>${f(st.mean)}</td><td>${f(st.p50)}</td><td>${f(st.p10)} – ${f(st.p90)}</td></tr>`;
}
/** A row for an option the scenario does not use: says so instead of a 0 that looks measured. */
const offRow = (label: string, why: string) => html`<tr><td>${label}</td><td colspan="3" class="off">${why}</td></tr>`;
const head = (unit: string) => html`<thead><tr><th>${unit}</th><th>Mean</th><th>P50</th><th>P10 – P90</th></tr></thead>`;

/**
 * The payout bin label of lower edge `lo` (the last bin is open-ended), in multiples of target variable.
 * @example payoutBinLabel(0.25, 0.5, false) // '0.25–0.5×'
 */
export function payoutBinLabel(lo: number, hi: number | undefined, last: boolean): string {
  return last || hi === undefined ? `≥ ${formatNumber(lo, 2)}×` : `${formatNumber(lo, 2)}–${formatNumber(hi, 2)}×`;
}

const scenarioOf = (s: Summary) => s.scenario as unknown as { compensation?: { spifs?: unknown[] } | null; retention?: { raise?: unknown } | null };
/** The plan pays SPIFs / the scenario gives the top 20% a raise (else their rows say so instead of $0). */
const spifs = (s: Summary) => (scenarioOf(s).compensation?.spifs?.length ?? 0) > 0;
const raise = (s: Summary) => !!scenarioOf(s).retention?.raise;

export class SimPeople extends LitElement {
  static properties = { summary: { attribute: false } };
  declare summary: Summary | null;

  static styles = [
    base,
    tables,
    css`
      :host {
        display: block;
      }
      .box {
        background: #fff;
        border: 1px solid #dde4ec;
        border-radius: 10px;
        padding: 0.6rem 0.9rem;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.4rem;
      }
      .sections {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 0.9rem 1.2rem;
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
      table {
        font-size: 0.8rem;
      }
      .scroll {
        overflow-x: auto;
      }
      .off {
        color: #5b6576;
        font-style: italic;
      }
      .bar {
        display: inline-block;
        height: 0.6rem;
        background: #8fb3a5;
        border-radius: 2px;
        vertical-align: middle;
      }
    `,
  ];

  constructor() {
    super();
    this.summary = null;
  }

  private section(id: string, title: string, note: string, body: TemplateResult) {
    return html`<section data-testid="people-${id}"><h3>${title}</h3><p>${note}</p><div class="scroll" tabindex="0" role="region" aria-label=${title}>${body}</div></section>`;
  }

  private compensation(s: Summary) {
    const c = s.compensation!;
    const max = Math.max(...c.payout.shares, 1e-12);
    return html`${this.section(
      'compensation',
      'Rep pay (compensation plan)',
      `Per trial over ${s.horizonMonths} months, in dollars. Cost of sales is rep pay / revenue.${c.shareAtCap ? '' : ' The plan has no cap.'}`,
      html`<table>
        ${head('Dollars per trial')}
        <tbody>
          ${statRow('Total rep pay', c.cost, money)} ${statRow('Base salary', c.breakdown.base, money)} ${statRow('Commission', c.breakdown.commission, money)}
          ${statRow('Guarantee top-ups', c.breakdown.guarantee, money)}
          ${spifs(s) ? statRow('SPIFs', c.breakdown.spif, money) : offRow('SPIFs', 'none in the plan')}
          ${c.costOfSales ? statRow('Cost of sales (% of revenue)', c.costOfSales, pct) : null}
          ${c.shareAtCap ? statRow('Rep-years at the cap (%)', c.shareAtCap, pct) : null}
        </tbody>
      </table>`,
    )}
    ${this.section(
      'payout',
      'Payout distribution',
      'Rep-years (seated 3+ months of the plan year) by variable pay earned / target variable, pooled over trials.',
      html`<table>
        <thead><tr><th>Variable earned / target</th><th>Share of rep-years</th><th></th></tr></thead>
        <tbody>
          ${c.payout.edges.map(
            (lo, i) =>
              html`<tr><td>${payoutBinLabel(lo, c.payout.edges[i + 1], i === c.payout.edges.length - 1)}</td><td>${formatPct(c.payout.shares[i])}</td><td><span class="bar" style="width:${((4 * c.payout.shares[i]) / max).toFixed(2)}rem"></span></td></tr>`,
          )}
        </tbody>
      </table>`,
    )}`;
  }

  private retention(s: Summary) {
    const r = s.retention!;
    return this.section(
      'retention',
      'Exits by performance (retention)',
      'Per trial: reps who left, the revenue they booked in their last 12 months and the open pipeline they left, top 20% by win rate vs the other 80%.',
      html`<table>
        ${head('Per trial')}
        <tbody>
          ${statRow('Top 20%: exits (reps)', r.top20.exits, count)} ${statRow('Top 20%: revenue lost', r.top20.revenueLost, money)} ${statRow('Top 20%: pipeline lost', r.top20.pipelineLost, money)}
          ${statRow('Other 80%: exits (reps)', r.other80.exits, count)} ${statRow('Other 80%: revenue lost', r.other80.revenueLost, money)}
          ${statRow('Other 80%: pipeline lost', r.other80.pipelineLost, money)}
          ${raise(s) ? statRow('Retention raise cost', r.raiseCost, money) : offRow('Retention raise cost', 'no raise in the scenario')}
        </tbody>
      </table>`,
    );
  }

  private managers(s: Summary) {
    const m = s.managers!;
    return this.section(
      'managers',
      'First-line managers',
      `${formatNumber(m.teamsAtStart, 0)} teams at the start. Per trial: managers who left, and team-months a team spent without a manager.`,
      html`<table>
        ${head('Per trial')}
        <tbody>${statRow('Manager exits', m.exits, count)} ${statRow('Team-months without a manager', m.teamMonthsWithoutManager, count)}</tbody>
      </table>`,
    );
  }

  private response(s: Summary) {
    const r = s.coverageResponse!;
    return this.section(
      'coverage-response',
      'Coverage response: prospecting before padding',
      'Per trial: real opportunities reps prospected to meet the coverage rule, and the selling hours that took from working deals.',
      html`<table>
        ${head('Per trial')}
        <tbody>${statRow('Opportunities prospected', r.opportunities, count)} ${statRow('Hours taken from deals', r.hours, hours)}</tbody>
      </table>`,
    );
  }

  private scaling(s: Summary) {
    const g = s.scaling!;
    return this.section(
      'scaling',
      'Growth limits',
      `No drag up to ${g.referenceSeats === null ? 'the seats at the start' : `${formatNumber(g.referenceSeats, 0)} seats`}. Per trial: hires made beyond the recruiters' monthly capacity, the share of new opportunities lost to coordination drag, and the largest team.`,
      html`<table>
        ${head('Per trial')}
        <tbody>${statRow('Rushed hires', g.rushedHires, count)} ${statRow('Opportunities lost to drag', g.dragShare, pct)} ${statRow('Largest team', g.peakSeated, count)}</tbody>
      </table>`,
    );
  }

  render() {
    const s = this.summary;
    if (!s || !PEOPLE_SECTIONS.some((k) => s[k])) return null;
    return html`<div class="box" data-testid="people">
      <h2>People and pay</h2>
      <div class="sections">
        ${s.compensation ? this.compensation(s) : null} ${s.retention ? this.retention(s) : null} ${s.managers ? this.managers(s) : null}
        ${s.coverageResponse ? this.response(s) : null} ${s.scaling ? this.scaling(s) : null}
      </div>
    </div>`;
  }
}
customElements.define('sim-people', SimPeople);
