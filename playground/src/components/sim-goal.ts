/**
 * "Which uncertainty matters?" and "What does it take?": the variance-contribution tornado of the shown
 * run's uncertain inputs (the engine's SRRC², from the Summary) and a goal-seek form (POST /api/solve)
 * for the editor's scenario: the smallest value of one lever that meets a target, on common random numbers.
 */
import { LitElement, html, css } from 'lit';
import type { SolvePoint, SolveResult } from '../../../engine/index.js';
import { base, view, tables } from '../theme.js';
import { api, ApiError } from '../api.js';
import { StoreController } from '../store-controller.js';
import { getApp } from '../app.js';
import { numericPaths } from '../numeric-paths.js';
import { contributionChart } from '../charts/contribution.js';
import { labelForPath } from '../fields.js';
import { formatMoney, formatPct } from '../format.js';
import './sim-chart.js';
import './sim-goal-progress.js';
import type { PrecisionReport } from '../../../engine/precision/report.js';

/** The cap of a goal seek until decided (its trials per value). */
export const GOAL_MAX_TRIALS = 16000;

/**
 * The goal-seek target as the API takes it: a bare share ("80%", "0.8") means P(plan) at least that;
 * anything else is passed on as written (the server names what is wrong with it).
 * @example goalTarget('80%') // 'P(plan) >= 0.8'
 */
export function goalTarget(text: string): string {
  const t = text.trim();
  const m = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (m) return `P(plan) >= ${Number(m[1]) / 100}`;
  if (/^(0(\.\d+)?|1(\.0+)?)$/.test(t)) return `P(plan) >= ${Number(t)}`;
  return t;
}

/**
 * The levers a goal seek can vary for a scenario: "hire now" (the next hiring-plan entry) and every
 * numeric field the scenario sets.
 * @example leverOptions({ hiring: { plan: [] }, reps: { seats: 4 } })[0].path // 'hiring.plan[0].seats'
 */
export function leverOptions(scenario: Record<string, unknown>): { path: string; label: string }[] {
  const plan = (scenario.hiring as { plan?: unknown[] } | null | undefined)?.plan;
  const hire = Array.isArray(plan) ? [{ path: `hiring.plan[${plan.length}].seats`, label: 'Seats to hire now (a new hiring-plan entry)' }] : [];
  return [...hire, ...numericPaths(scenario)];
}

export class SimGoal extends LitElement {
  private state = new StoreController(this);
  static properties = {
    vary: { state: true },
    target: { state: true },
    min: { state: true },
    max: { state: true },
    running: { state: true },
    result: { state: true },
    points: { state: true },
    error: { state: true },
    untilDecided: { state: true },
  };
  /** rerun the search at more trials until its answer is decided (salesim solve --precision bracket) */
  declare untilDecided: boolean;
  declare vary: string;
  declare target: string;
  declare min: string;
  declare max: string;
  declare running: boolean;
  declare result: SolveResult | null;
  /** the values run so far by the search in flight */
  declare points: SolvePoint[];
  declare error: string | null;
  /** a search until decided: its precision report (the trials it took, decided or stopped at the cap) */
  private precision: PrecisionReport | null = null;
  private controller: AbortController | null = null;

  constructor() {
    super();
    this.vary = 'hiring.plan[0].seats';
    this.target = 'P(plan) >= 0.8';
    this.min = '';
    this.max = '';
    this.running = false;
    this.result = null;
    this.points = [];
    this.error = null;
    this.untilDecided = false;
  }

  static styles = [
    base,
    view,
    tables,
    css`
      form {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: 0.6rem 0.9rem;
        align-items: end;
      }
      label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.85rem;
        min-width: 0;
      }
      input,
      select {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        max-width: 100%;
        padding: 0.35rem 0.5rem;
        min-width: 0;
      }
      .answer {
        font-size: 1.1rem;
        font-weight: 600;
      }
      .error {
        color: #b91c1c;
        font-size: 0.85rem;
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
    `,
  ];

  /** Leaving the view cancels a goal seek in flight (the static build terminates its worker). */
  disconnectedCallback() {
    super.disconnectedCallback();
    this.controller?.abort();
    this.controller = null;
    this.running = false;
  }

  private async solve(e: Event) {
    e.preventDefault();
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const { scenario, seed, trials } = this.state.value;
    const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
    this.running = true;
    this.error = null;
    const target = goalTarget(this.target);
    const label = `Goal seek: ${this.vary} for ${target}`;
    const activity = getApp().startActivity(`${label}…`);
    this.points = [];
    const onPoint = (p: SolvePoint) => {
      if (this.controller !== controller) return;
      this.points = [...this.points, p];
      activity.relabel(`${label}: ${this.points.length} ${this.points.length === 1 ? 'value' : 'values'} tried, the last ${p.x} (${p.met ? 'meets' : 'misses'})…`);
    };
    try {
      // until decided: the search reruns at 500, 1,000, 2,000, ... trials up to the cap (no value-by-value progress)
      const run = this.untilDecided ? { precision: 'bracket', maxTrials: GOAL_MAX_TRIALS } : { trials: Math.min(trials, 2000) };
      const body = { scenario, seed, ...run, vary: this.vary, target, min: num(this.min), max: num(this.max) };
      const r = await api.solve(body, controller.signal, this.untilDecided ? undefined : onPoint);
      if (this.controller === controller) {
        this.precision = (r as SolveResult & { precision?: PrecisionReport }).precision ?? null;
        this.result = r;
      }
    } catch (err) {
      if (controller.signal.aborted) return;
      this.result = null;
      this.error = err instanceof ApiError ? err.errors.map((x) => x.message).join('; ') : String(err);
    } finally {
      if (this.controller === controller) this.running = false;
      activity.end();
    }
  }

  render() {
    const u = this.state.value.summary?.uncertainty;
    const levers = leverOptions(this.state.value.scenario);
    const r = this.result;
    const fmt = (v: number) => (r?.target.metric === 'plan' ? formatPct(v) : formatMoney(v));
    const rows = r ? [...(r.answer ? [r.answer] : []), ...r.neighbours].sort((a, b) => a.x - b.x) : [];
    return html`
      <section class="panel" aria-labelledby="unc-h">
        <h2 id="unc-h">Which uncertainty matters?</h2>
        ${u
          ? html`<p>
              Share of the variance of total revenue due to each uncertain input in the last run (squared standardised rank regression coefficients, SRRC²; together they explain
              R² = ${formatPct(u.contribution.r2)}). ${u.sampling === 'lhs' ? 'Latin hypercube' : 'Random'} sampling over ${u.designTrials.toLocaleString('en-US')} trials.
            </p>`
          : html`<p>Write a field as a distribution, e.g. <code>winRate: { pert: [0.2, 0.3, 0.35] }</code>, and run: the inputs that drive revenue most show here.</p>`}
      </section>
      ${u
        ? html`<sim-chart
              data-testid="contribution"
              heading="Variance contribution to total revenue (SRRC²)"
              filename="variance-contribution"
              caption="Blue: revenue rises with the input; red: it falls."
              .draw=${(w: number) => contributionChart(u, { width: w })}
            ></sim-chart>
            ${u.correlations.length
              ? html`<section class="panel" aria-label="Rank correlations">
                  <table class="cards">
                    <thead><tr><th scope="col">Inputs</th><th scope="col">Target ρ</th><th scope="col">Realised</th><th scope="col">SE</th></tr></thead>
                    <tbody>
                      ${u.correlations.map(
                        (c) => html`<tr>
                          <th scope="row">${labelForPath(c.between[0])} ~ ${labelForPath(c.between[1])}</th>
                          <td data-label="Target ρ"><div>${c.target}</div></td>
                          <td data-label="Realised"><div>${c.realised.toFixed(3)}</div></td>
                          <td data-label="SE"><div>${c.stdError.toFixed(3)}</div></td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                </section>`
              : null}`
        : null}
      <section class="panel" aria-labelledby="goal-h">
        <h2 id="goal-h">What does it take?</h2>
        <p>The smallest value of one lever that meets a target, every value on the same random draws, judged against the scenario's own plan.</p>
        <form @submit=${this.solve} data-testid="goal-form">
          <label
            >Lever
            <select name="vary-pick" data-testid="goal-lever" @change=${(e: Event) => (this.vary = (e.target as HTMLSelectElement).value)}>
              ${levers.map((f) => html`<option value=${f.path} ?selected=${f.path === this.vary}>${f.label}</option>`)}
              ${levers.some((f) => f.path === this.vary) ? null : html`<option value=${this.vary} selected>${this.vary}</option>`}
            </select></label
          >
          <label>Field path<input name="vary" .value=${this.vary} @input=${(e: Event) => (this.vary = (e.target as HTMLInputElement).value)} /></label>
          <label title="80% means P(plan) at least 80%; or e.g. mean(revenue) >= 2e7, P10(margin) >= 0">Target<input name="target" .value=${this.target} @input=${(e: Event) => (this.target = (e.target as HTMLInputElement).value)} /></label>
          <label>From (optional)<input name="min" inputmode="decimal" .value=${this.min} @input=${(e: Event) => (this.min = (e.target as HTMLInputElement).value)} /></label>
          <label>To (optional)<input name="max" inputmode="decimal" .value=${this.max} @input=${(e: Event) => (this.max = (e.target as HTMLInputElement).value)} /></label>
          <label class="check" title="Rerun the search at 500, 1,000, 2,000, ... trials (up to ${GOAL_MAX_TRIALS.toLocaleString('en-US')}) until the answer's interval and its failing neighbour's exclude the target (salesim solve --precision bracket)"
            ><input type="checkbox" data-testid="goal-until-decided" .checked=${this.untilDecided} @change=${(e: Event) => (this.untilDecided = (e.target as HTMLInputElement).checked)} /> Until decided</label
          >
          <button class="primary" type="submit" data-testid="goal-run" ?disabled=${this.running}>${this.running ? 'Searching…' : 'Find it'}</button>
        </form>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        ${this.running && this.points.length ? html`<sim-goal-progress .points=${this.points} metric=${/P\(plan\)/i.test(goalTarget(this.target)) ? 'plan' : 'money'}></sim-goal-progress>` : null}
        ${r
          ? html`<p class="answer" data-testid="goal-answer" role="status">${r.answer ? `${labelForPath(r.vary)} (${r.vary}) = ${r.answer.x}` : 'No value in range meets the target'}</p>
              <p>${r.message}</p>
              ${rows.length
                ? html`<table class="cards">
                    <thead><tr><th scope="col">${r.vary}</th><th scope="col">${r.target.stat}(${r.target.metric})</th><th scope="col">95% interval</th><th scope="col">Meets target</th></tr></thead>
                    <tbody>
                      ${rows.map(
                        (p) => html`<tr>
                          <th scope="row">${p.x}${r.answer && p.x === r.answer.x ? ' (answer)' : ''}</th>
                          <td data-label="Value"><div>${fmt(p.value)}</div></td>
                          <td data-label="95% interval"><div>${fmt(p.ci[0])} – ${fmt(p.ci[1])}</div></td>
                          <td data-label="Meets target"><div>${p.met ? 'yes' : 'no'}</div></td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>`
                : null}
              <p><small>${r.trials.toLocaleString('en-US')} trials per value, seed ${r.seed}; values run: ${r.evaluations.map((p) => p.x).join(', ')}.</small></p>
              ${this.precision
                ? html`<p data-testid="goal-precision"><small>${this.precision.met ? `Decided at ${this.precision.trials.toLocaleString('en-US')} trials.` : `Not decided at the cap of ${this.precision.maxTrials.toLocaleString('en-US')} trials: the answer is within the noise.`}</small></p>`
                : null}`
          : null}
      </section>
    `;
  }
}
customElements.define('sim-goal', SimGoal);

