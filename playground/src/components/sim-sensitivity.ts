/**
 * Sensitivity view: the engine's tornado (/api/sensitivity) for the editor's scenario: which
 * parameters move total revenue most between their low and high values.
 */
import { LitElement, html, css } from 'lit';
import { base, view, tables } from '../theme.js';
import { getApp } from '../app.js';
import { StoreController } from '../store-controller.js';
import { tornadoChart, TORNADO_HIGH, TORNADO_LOW } from '../charts/tornado.js';
import { labelForPath, unitForPath } from '../fields.js';
import { formatMoney, formatPct, formatPts, formatValue } from '../format.js';
import './sim-chart.js';
import './sim-goal.js';

export class SimSensitivity extends LitElement {
  private state = new StoreController(this);

  static styles = [
    base,
    view,
    tables,
    css`
      th:first-child,
      td:first-child {
        text-align: left;
      }
      tbody th {
        font-weight: 500;
      }
      small {
        color: #4a5a6b;
      }
      .error {
        color: #b91c1c;
        font-size: 0.85rem;
      }
      .run {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
      }
      progress {
        flex: 1 1 8rem;
        max-width: 16rem;
        accent-color: #1d4f91;
      }
      .count {
        font-size: 0.82rem;
        color: #4a5a6b;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  render() {
    const { sensitivity } = this.state.value;
    const r = sensitivity.result;
    return html`
      <section class="panel" aria-labelledby="sens-h">
        <h2 id="sens-h">What moves revenue most?</h2>
        <p>
          Each parameter in the scenario is moved to a low and a high value (±20% by default) on the same random draws; bars show mean total revenue at each end.
          It runs by itself when you open this view (at most 1,000 trials per point), and the bars appear as each parameter finishes.
        </p>
        <div class="run">
          <button class="primary" data-testid="sensitivity-run" ?disabled=${sensitivity.running} @click=${() => getApp().runSensitivity()}>
            ${sensitivity.running ? 'Running…' : r ? 'Re-run sensitivity' : 'Run sensitivity'}
          </button>
          ${sensitivity.progress
            ? html`<progress max=${sensitivity.progress.total} .value=${sensitivity.progress.done} aria-label="Sensitivity progress"></progress>
                <span class="count" data-testid="sensitivity-progress" role="status">${sensitivity.progress.done} of ${sensitivity.progress.total} parameters${sensitivity.running ? '…' : ' done'}</span>`
            : sensitivity.running
              ? html`<span class="count" role="status">planning…</span>`
              : null}
        </div>
        ${sensitivity.error ? html`<span class="error" role="alert">${sensitivity.error}</span>` : null}
      </section>
      <sim-chart
        data-testid="tornado"
        data-done=${r && !sensitivity.running && !sensitivity.error ? 'true' : 'false'}
        heading="Tornado: mean total revenue, each parameter low → high"
        filename="tornado"
        caption=${r?.base ? `Base: mean ${formatMoney(r.base.mean)}, P(plan) ${r.base.planProbability === null ? '–' : formatPct(r.base.planProbability)}, from ${(sensitivity.trials ?? 0).toLocaleString('en-US')} trials a point (so it can differ a little from Results). Largest swing first.` : ''}
        .legend=${r?.base ? [{ label: 'at the low value', color: TORNADO_LOW }, { label: 'at the high value', color: TORNADO_HIGH }] : []}
        empty="Run the sensitivity analysis to see the tornado."
        .draw=${r && r.parameters.length ? (w: number) => tornadoChart(r, { width: w }) : null}
      ></sim-chart>
      ${r
        ? html`<section class="panel" aria-label="Sensitivity table">
            <table class="cards">
              <thead>
                <tr><th scope="col">Parameter</th><th scope="col">Low → high</th><th scope="col">Swing, mean</th><th scope="col">Swing, P50</th><th scope="col">Swing, P(plan), points</th></tr>
              </thead>
              <tbody>
                ${r.parameters.map(
                  (p) => html`<tr>
                    <th scope="row">${labelForPath(p.path)}<br /><small>${p.path}</small></th>
                    <td data-label="Low → high"><div>${formatValue(p.low, unitForPath(p.path))} → ${formatValue(p.high, unitForPath(p.path))}</div></td>
                    <td data-label="Swing, mean"><div>${formatMoney(p.swing.mean)}</div></td>
                    <td data-label="Swing, P50"><div>${formatMoney(p.swing.p50)}</div></td>
                    <td data-label="Swing, P(plan)"><div>${p.swing.planProbability === null ? '–' : formatPts(p.swing.planProbability)}</div></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </section>`
        : null}
      <sim-goal></sim-goal>
    `;
  }
}
customElements.define('sim-sensitivity', SimSensitivity);
