/**
 * Variance-based sensitivity of the editor's scenario (salesim sensitivity --sobol, POST /api/sensitivity
 * with sobol): its assumptions (unsourced numbers with plausible ranges, and its uncertain inputs) drawn
 * together with the simulation's random draws; the share of the outcome's variance the assumptions
 * explain against the noise, and each assumption's first-order and total Sobol index with its interval.
 * Every number is the engine's (ScenarioIndices); this only asks and draws the table.
 */
import { LitElement, html, css } from 'lit';
import { base, view, tables } from '../theme.js';
import { getApp } from '../app.js';
import { api as client, ApiError } from '../api.js';
import type { SobolRequest } from '../client/types.js';
import type { ScenarioIndices } from '../../../engine/index.js';
import { formatPct } from '../format.js';

type Metric = '' | 'revenue' | 'margin' | 'arr' | 'plan';
const METRIC: Record<Exclude<Metric, ''>, string> = { revenue: 'total revenue', margin: 'margin', arr: 'ARR at the horizon', plan: 'reaching plan' };
const sig = (x: number) => String(+x.toPrecision(4));

/** The call the view makes (tests substitute it). */
export interface SobolApi {
  sobol(req: SobolRequest, signal?: AbortSignal): Promise<ScenarioIndices>;
}

export class SimSobol extends LitElement {
  static properties = { metric: { state: true }, draws: { state: true }, result: { state: true }, running: { state: true }, error: { state: true } };
  declare metric: Metric;
  declare draws: number;
  declare result: ScenarioIndices | null;
  declare running: boolean;
  declare error: string | null;
  api: SobolApi = client;
  private controller: AbortController | null = null;

  static styles = [
    base,
    view,
    tables,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
      }
      label {
        display: grid;
        gap: 0.15rem;
        font-size: 0.78rem;
        color: #4a5a6b;
      }
      code {
        overflow-wrap: anywhere;
      }
      .error {
        color: #b91c1c;
        font-size: 0.85rem;
      }
    `,
  ];

  constructor() {
    super();
    this.metric = '';
    this.draws = 256;
    this.result = null;
    this.running = false;
    this.error = null;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  /** Asks for the indices of the editor's scenario with the toolbar's seed. */
  async run() {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const { scenario, seed } = getApp().store.get();
    this.running = true;
    this.error = null;
    const activity = getApp().startActivity(`Sobol indices: ${this.draws.toLocaleString('en-US')} draws of the assumptions…`);
    try {
      this.result = await this.api.sobol({ scenario, seed, ...(this.metric ? { metric: this.metric } : {}), ...(this.draws !== 256 ? { draws: this.draws } : {}) }, controller.signal);
    } catch (e) {
      if (controller.signal.aborted) return;
      this.result = null;
      this.error = e instanceof ApiError ? e.errors.map((x) => x.message).join('; ') : e instanceof Error ? e.message : String(e);
    } finally {
      if (this.controller === controller) this.controller = null;
      this.running = false;
      activity.end();
    }
  }

  render() {
    const r = this.result;
    return html`<section class="panel" aria-labelledby="sobol-h" data-testid="sobol">
      <h2 id="sobol-h">How much do the assumptions explain?</h2>
      <p>
        The scenario's assumptions (numbers no source gives, over their plausible ranges, and its uncertain inputs) are drawn together with the simulation's random draws; the Sobol indices
        say how much of the outcome's variance each explains, alone (first order) and with the others (total), and the rest is the simulation's noise.
      </p>
      <div class="row">
        <label
          >Outcome
          <select aria-label="Outcome the indices explain" data-testid="sobol-metric" @change=${(e: Event) => (this.metric = (e.target as HTMLSelectElement).value as Metric)}>
            <option value="" ?selected=${this.metric === ''}>default (ARR with customers, else revenue)</option>
            ${Object.entries(METRIC).map(([v, label]) => html`<option value=${v} ?selected=${this.metric === v}>${label}</option>`)}
          </select></label
        >
        <label
          >Draws
          <input type="number" min="8" max="4096" step="1" style="width:5.5rem" aria-label="Rows of the Sobol plan (draws)" data-testid="sobol-draws" .value=${String(this.draws)} @change=${(e: Event) => {
            const n = Math.round(Number((e.target as HTMLInputElement).value));
            this.draws = Number.isFinite(n) ? Math.min(4096, Math.max(8, n)) : 256;
          }} /></label
        >
        <button data-testid="sobol-run" ?disabled=${this.running} @click=${() => this.run()}>${this.running ? 'Running…' : 'Run Sobol indices'}</button>
      </div>
      ${this.error ? html`<p class="error" role="alert" data-testid="sobol-error">${this.error}</p>` : null}
      ${r
        ? r.assumptions.length === 0
          ? html`<p data-testid="sobol-share">The scenario uses no assumption to vary: all of the variance of ${METRIC[r.metric]} is the simulation's noise.</p>`
          : html`<p data-testid="sobol-share" role="status">
                The ${r.assumptions.length} assumption${r.assumptions.length === 1 ? '' : 's'} explain <strong>${formatPct(r.assumptionsShare)}</strong> (${formatPct(r.assumptionsShareCi[0])}–${formatPct(r.assumptionsShareCi[1])}) of the
                variance of ${METRIC[r.metric]}; the rest is the simulation's noise. <small>${(2 * r.n).toLocaleString('en-US')} draws, seed ${r.seed}, ${Math.round(r.level * 100)}% bootstrap intervals.</small>
              </p>
              <table class="cards" data-testid="sobol-table" aria-label="Sobol indices per assumption">
                <thead><tr><th scope="col">Assumption</th><th scope="col">Plausible range</th><th scope="col">First order</th><th scope="col">Total</th></tr></thead>
                <tbody>
                  ${r.indices.map((x) => {
                    const a = r.assumptions.find((y) => y.path === x.path);
                    return html`<tr>
                      <th scope="row"><code>${x.path}</code></th>
                      <td data-label="Plausible range"><div>${a ? `${sig(a.range[0])} – ${sig(a.range[1])}` : '–'}</div></td>
                      <td data-label="First order"><div>${formatPct(x.first)} <small>(${formatPct(x.firstCi[0])}–${formatPct(x.firstCi[1])})</small></div></td>
                      <td data-label="Total"><div>${formatPct(x.total)} <small>(${formatPct(x.totalCi[0])}–${formatPct(x.totalCi[1])})</small></div></td>
                    </tr>`;
                  })}
                </tbody>
              </table>`
        : null}
    </section>`;
  }
}
customElements.define('sim-sobol', SimSobol);
