/**
 * What a comparison's answer depends on (the engine's assumption analysis, /api/compare with
 * `assumptions: true`): per variant, P(beats baseline) over the assumptions' plausible ranges and the
 * random draws, the share of the difference's variance from assumptions vs simulation noise, the
 * assumptions that matter (total Sobol index) and where the variant breaks even ("holds if X > b").
 */
import { LitElement, html, css, nothing } from 'lit';
import type { AssumptionAnalysis } from '../../../engine/index.js';
import { base, tables, view } from '../theme.js';
import { formatMoney, formatPct } from '../format.js';

const METRIC: Record<AssumptionAnalysis['metric'], string> = { revenue: 'total revenue', margin: 'margin', arr: 'ARR at the horizon', plan: 'P(plan)' };

export class SimAssumptions extends LitElement {
  static properties = { analysis: { attribute: false } };
  declare analysis: AssumptionAnalysis | null | undefined;

  static styles = [
    base,
    view,
    tables,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: 0.95rem;
        margin: 0.8rem 0 0.3rem;
      }
      p,
      li {
        font-size: 0.84rem;
      }
      .be {
        font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
        font-size: 0.78rem;
        overflow-wrap: anywhere;
      }
      small {
        color: #4a5a6b;
      }
    `,
  ];

  render() {
    const a = this.analysis;
    if (!a) return nothing;
    const n = a.assumptions.length;
    return html`<section class="panel" aria-labelledby="asm-h" data-testid="compare-assumptions">
      <h2 id="asm-h">What the answer depends on</h2>
      <p>
        ${n === 0
          ? 'No assumption is in play: the scenarios use no unsourced number with a registered range and no uncertain input.'
          : html`${n} assumption${n === 1 ? '' : 's'} (unsourced numbers and uncertain inputs) varied over their plausible ranges together with the random draws; judged on
              ${METRIC[a.metric]}. <small>${2 * a.n} draws per variant; Sobol indices with ${Math.round(a.level * 100)}% bootstrap intervals; break-evens on ${a.breakEvenTrials} trials.</small>`}
      </p>
      ${a.variants.map(
        (v) => html`<h3>${v.name}</h3>
          <p data-testid="assumption-verdict">
            Beats the baseline in <strong>${formatPct(v.beatsBaseline.probability)}</strong> (${formatPct(v.beatsBaseline.ci[0])}–${formatPct(v.beatsBaseline.ci[1])}) of draws over
            assumptions and chance. <strong>${formatPct(v.variance.assumptions)}</strong> of the difference's variance comes from the assumptions, ${formatPct(v.variance.noise)} from
            simulation noise. With every assumption at the end of its range that favours the variant the difference is
            <strong>${formatMoney(v.corners.best.mean)}</strong>; at the ends that favour the baseline, <strong>${formatMoney(v.corners.worst.mean)}</strong>.
          </p>
          ${v.indices.length
            ? html`<table>
                <thead>
                  <tr>
                    <th scope="col">Assumption</th>
                    <th scope="col">Share alone (first-order)</th>
                    <th scope="col">Share involved (total)</th>
                  </tr>
                </thead>
                <tbody>
                  ${v.indices
                    .filter((x) => x.matters)
                    .map(
                      (x) => html`<tr>
                        <td class="be">${x.path}</td>
                        <td>${formatPct(Math.max(0, x.first))}</td>
                        <td>${formatPct(x.total)} <small>(${formatPct(x.totalCi[0])}–${formatPct(x.totalCi[1])})</small></td>
                      </tr>`,
                    )}
                </tbody>
              </table>`
            : nothing}
          <ul>
            ${v.breakEvens.length ? v.breakEvens.map((b) => html`<li class="be" data-testid="break-even">${b.text}</li>`) : html`<li>No assumption matters enough for a break-even.</li>`}
          </ul>`,
      )}
    </section>`;
  }
}
customElements.define('sim-assumptions', SimAssumptions);
