/**
 * Sensitivity view: the engine's tornado (/api/sensitivity) for the editor's scenario: which
 * parameters move total revenue most between their low and high values; then how much of the outcome's
 * variance the assumptions explain (Sobol indices, <sim-sobol>) and goal seek.
 */
import { LitElement, html, css } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { base, view, tables } from '../theme.js';
import { getApp } from '../app.js';
import { StoreController } from '../store-controller.js';
import { tornadoChart, TORNADO_HIGH, TORNADO_LOW } from '../charts/tornado.js';
import { labelForPath, unitForPath } from '../fields.js';
import { formatMoney, formatPct, formatPts, formatValue } from '../format.js';
import './sim-chart.js';
import './sim-goal.js';
import './sim-sobol.js';
import { numericPaths } from '../numeric-paths.js';
import { precisionNote } from './sim-progress.js';

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
      .stale {
        margin: 0.4rem 0;
        padding: 0.35rem 0.6rem;
        border-left: 3px solid #b7791f;
        background: #fffaf0;
        color: #5c3d0c;
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
      .choice {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        margin-top: 0.5rem;
        font-size: 0.85rem;
      }
      .choice select {
        max-width: 100%;
      }
      .choice label {
        display: grid;
        gap: 0.15rem;
        flex: 1 1 12rem;
        min-width: 0;
        max-width: 100%;
      }
      .choice select {
        width: 100%;
        min-width: 0;
      }
      .params {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 21rem), 1fr));
        gap: 0.3rem 0.9rem;
        border: 1px solid #dde4ec;
        border-radius: 8px;
        margin: 0.5rem 0 0;
        font-size: 0.82rem;
        min-width: 0;
      }
      .param {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        align-content: flex-start;
        align-self: start;
        gap: 0.15rem 0.5rem;
        min-width: 0;
      }
      .param .name {
        flex: 1 1 9rem;
        min-width: 0;
      }
      .ends {
        display: inline-flex;
        gap: 0.4rem;
      }
      .end {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        color: #4a5a6b;
      }
      .end input {
        width: 5.5rem;
        min-width: 0;
      }
      .end input[aria-invalid='true'] {
        border-color: #b91c1c;
        outline: 1px solid #b91c1c;
      }
      .range-error {
        flex: 1 1 100%;
      }
      .count {
        font-size: 0.82rem;
        color: #4a5a6b;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  render() {
    const { sensitivity, scenario, auto, precision } = this.state.value;
    const r = sensitivity.result;
    const app = getApp();
    // a subscription scenario's tornado is on ARR at the horizon, not total revenue
    const output = r?.output === 'arr.end' ? 'ARR at the horizon' : 'total revenue';
    const choice = sensitivity.choice ?? { trials: null, paths: null };
    const planned = [...new Set([...(sensitivity.planned ?? []), ...(choice.paths ?? [])])];
    const chosen = new Set(choice.paths ?? planned);
    // Trials: auto in the toolbar and no count picked here: the base runs until the toolbar's precision holds
    const precise = auto && choice.trials === null;
    const perPoint = choice.trials ?? (precise ? null : (sensitivity.trials ?? 1000));
    const ranges = choice.ranges ?? {};
    const pct = Math.round((choice.relative ?? 0.2) * 100);
    // what the table's low and high are: set by the user, or the relative move (of the run shown)
    const shownRanges = sensitivity.ranUsing?.ranges ?? {};
    const ranged = (p: string) => shownRanges[p] !== undefined && (shownRanges[p].low !== undefined || shownRanges[p].high !== undefined);
    // a typed low or high (empty: the relative move), sent as the API takes it; the engine checks it and names the parameter
    const setEnd = (path: string, end: 'low' | 'high', text: string) => {
      const v = text.trim() === '' ? undefined : Number(text);
      const next: Record<string, { low?: number; high?: number }> = { ...ranges, [path]: { ...ranges[path] } };
      if (v === undefined || !Number.isFinite(v)) delete next[path][end];
      else next[path][end] = v;
      if (next[path].low === undefined && next[path].high === undefined) delete next[path];
      app.setSensitivityChoice({ ranges: next });
    };
    const toggle = (path: string, on: boolean) => {
      const next = planned.filter((p) => (p === path ? on : chosen.has(p)));
      app.setSensitivityChoice({ paths: next.length ? next : null });
    };
    const rangeNote = (p: string) => {
      const x = shownRanges[p];
      if (!ranged(p)) return `±${Math.round((sensitivity.ranUsing?.relative ?? 0.2) * 100)}%`;
      return x.low !== undefined && x.high !== undefined ? 'as set' : x.low !== undefined ? 'low as set' : 'high as set';
    };
    return html`
      <section class="panel" aria-labelledby="sens-h">
        <h2 id="sens-h">What moves ${output} most?</h2>
        <p>
          Each parameter in the scenario is moved to a low and a high value (±${Math.round((choice.relative ?? 0.2) * 100)}% of its value, or the values you give it below) on the same random draws; bars show mean ${output} at each end.
          It runs by itself when you open this view, and the bars appear as each parameter finishes. Choose the trials per point, the parameters and their low and high values below.
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
        ${r && !sensitivity.running && sensitivity.scenario !== scenario
          ? html`<p class="stale" role="status" data-testid="sensitivity-stale">The scenario has changed since this tornado ran: it shows the scenario as it was. <em>Re-run sensitivity</em> to update it.</p>`
          : null}
        <div class="choice">
          <label
            >Trials per point
            <select
              data-testid="sensitivity-trials"
              title=${auto ? `auto: the base scenario runs until ${precision || 'the default precision'} holds (the toolbar's), each low and high run as many trials (salesim sensitivity --precision)` : 'trials per low and high run'}
              @change=${(e: Event) => {
                const v = (e.target as HTMLSelectElement).value;
                app.setSensitivityChoice({ trials: v === 'auto' ? null : Number(v) });
              }}
            >
              ${auto ? html`<option value="auto" ?selected=${precise}>auto (the toolbar's precision)</option>` : null}
              ${[...new Set([200, 500, 1000, 2000, 5000, ...(perPoint === null ? [] : [perPoint])])].sort((a, b) => a - b).map((n) => html`<option value=${n} ?selected=${n === perPoint}>${n.toLocaleString('en-US')}</option>`)}
            </select></label
          >
          <label
            >Move each by
            <select data-testid="sensitivity-relative" title="each parameter's low and high value: its value minus and plus this share (salesim sensitivity --relative)" @change=${(e: Event) => app.setSensitivityChoice({ relative: Number((e.target as HTMLSelectElement).value) })}>
              ${[0.1, 0.2, 0.3, 0.5].map((x) => html`<option value=${x} ?selected=${x === (choice.relative ?? 0.2)}>±${Math.round(x * 100)}%</option>`)}
            </select></label
          >
          <label
            >Add a parameter
            <select data-testid="sensitivity-add" @change=${(e: Event) => {
              const sel = e.target as HTMLSelectElement;
              if (sel.value) app.setSensitivityChoice({ paths: [...new Set([...(choice.paths ?? planned), sel.value])] });
              sel.value = '';
            }}>
              <option value="">a field of the scenario…</option>
              ${numericPaths(scenario).filter((f) => !planned.includes(f.path)).map((f) => html`<option value=${f.path}>${f.label} (${f.path})</option>`)}
            </select></label
          >
        </div>
        ${planned.length
          ? html`<fieldset class="params" data-testid="sensitivity-params">
              <legend>Parameters, and their own low and high values (empty: ±${pct}%)</legend>
              ${repeat(planned, (p) => p, (p, i) => {
                const on = chosen.has(p);
                const range = ranges[p] ?? {};
                const issues = (sensitivity.issues ?? []).filter((x) => x.path === p);
                const used = r?.parameters.find((x) => x.path === p);
                // the relative move's value as a hint, when this end is not set
                const hint = (end: 'low' | 'high') => (used && range[end] === undefined && !ranged(p) ? String(+used[end].toPrecision(6)) : `${end === 'low' ? '−' : '+'}${pct}%`);
                const errId = `sens-range-err-${i}`;
                const input = (end: 'low' | 'high') =>
                  html`<label class="end"
                    >${end}
                    <input
                      type="number"
                      step="any"
                      inputmode="decimal"
                      data-testid=${`sensitivity-${end}`}
                      data-path=${p}
                      aria-label=${`${labelForPath(p)}: ${end} value`}
                      aria-invalid=${issues.length ? 'true' : 'false'}
                      aria-describedby=${issues.length ? errId : ''}
                      placeholder=${hint(end)}
                      .value=${range[end] === undefined ? '' : String(range[end])}
                      @change=${(e: Event) => setEnd(p, end, (e.target as HTMLInputElement).value)}
                  /></label>`;
                return html`<div class="param" data-path=${p}>
                  <label class="name"><input type="checkbox" .checked=${on} ?disabled=${sensitivity.running} @change=${(e: Event) => toggle(p, (e.target as HTMLInputElement).checked)} /> ${labelForPath(p)}</label>
                  ${on ? html`<span class="ends">${input('low')}${input('high')}</span>` : null}
                  ${issues.length ? html`<small class="error range-error" id=${errId} data-testid="sensitivity-range-error">${issues.map((x) => x.message).join('; ')}</small>` : null}
                </div>`;
              })}
            </fieldset>`
          : null}
      </section>
      <sim-chart
        data-testid="tornado"
        data-done=${r && !sensitivity.running && !sensitivity.error ? 'true' : 'false'}
        heading=${`Tornado: mean ${output}, each parameter low → high`}
        filename="tornado"
        caption=${r?.base ? `Base: mean ${formatMoney(r.base.mean)}, P(plan) ${r.base.planProbability === null ? '–' : formatPct(r.base.planProbability)}, ± ${formatMoney(r.base.stdError)} (SE), from ${r.trials.toLocaleString('en-US')} trials a point (so it can differ a little from Results). Largest swing first.` : ''}
        .legend=${r?.base ? [{ label: 'at the low value', color: TORNADO_LOW }, { label: 'at the high value', color: TORNADO_HIGH }] : []}
        empty="Run the sensitivity analysis to see the tornado."
        .draw=${r && r.parameters.length ? (w: number) => tornadoChart(r, { width: w, outputLabel: `Mean ${output}` }) : null}
      ></sim-chart>
      ${r?.precision ? html`<p data-testid="sensitivity-precision"><small>${precisionNote(r.precision)} Each low and high run took the trials the base used.</small></p>` : null}
      ${r
        ? html`<section class="panel" aria-label="Sensitivity table">
            <table class="cards">
              <thead>
                <tr><th scope="col">Parameter</th><th scope="col">Low → high</th><th scope="col">Swing, mean ± SE</th><th scope="col">Swing, P50</th><th scope="col">Swing, P(plan), points</th></tr>
              </thead>
              <tbody>
                ${r.parameters.map(
                  (p) => html`<tr>
                    <th scope="row">${labelForPath(p.path)}<br /><small>${p.path}</small></th>
                    <td data-label="Low → high" data-testid="sensitivity-low-high"><div>${formatValue(p.low, unitForPath(p.path))} → ${formatValue(p.high, unitForPath(p.path))} <small>${rangeNote(p.path)}</small></div></td>
                    <td data-label="Swing, mean ± SE"><div>${formatMoney(p.swing.mean)} <small>± ${formatMoney(p.swingStdError)}</small></div></td>
                    <td data-label="Swing, P50"><div>${formatMoney(p.swing.p50)}</div></td>
                    <td data-label="Swing, P(plan)"><div>${p.swing.planProbability === null ? '–' : formatPts(p.swing.planProbability)}</div></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </section>`
        : null}
      <sim-sobol></sim-sobol>
      <sim-goal></sim-goal>
    `;
  }
}
customElements.define('sim-sensitivity', SimSensitivity);
