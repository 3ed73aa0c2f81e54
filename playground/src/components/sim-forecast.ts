/**
 * "As of today" view (issue 17): upload the CRM opportunity export (and optionally a rep roster), pick the
 * as-of date (and optionally the year's plan, the last month forecast, and rates taken as fitted), add interventions ("hire N now"), and forecast the rest of
 * the plan year with the editor's scenario on the server (/api/forecast): bookings to date against the
 * plan, P(plan | bookings to date) with its interval beside P(plan) as it stood at the year's start, the
 * expected gap, the fan of cumulative bookings, each intervention's paired effect on P(plan), the team and
 * open pipeline the forecast starts from, and the engine's warnings. Every number is the engine's.
 */
import { LitElement, html, css, unsafeCSS } from 'lit';
import { base, view, tables, cards } from '../theme.js';
import { choiceScenario, getApp, runChoice } from '../app.js';
import { precisionNote } from './sim-progress.js';
import { numericPaths } from '../numeric-paths.js';
import { patchFor } from '../merge-patch.js';
import { getIn } from '../path.js';
import { ApiError, IN_BROWSER } from '../api.js';
import { forecastApi, type ForecastAction, type ForecastApi, type ForecastReport, type SampleRequest } from '../forecast-api.js';
import { forecastChart, ACTUAL_COLOR } from '../charts/forecast.js';
import { COLORS } from '../theme.js';
import { formatMoney, formatPct, formatPts } from '../format.js';
import './sim-chart.js';

function messages(e: unknown): string[] {
  if (e instanceof ApiError) return e.errors.map((x) => x.message);
  return [e instanceof Error ? e.message : String(e)];
}

const interval = (i: [number, number]) => `${formatPct(i[0])} to ${formatPct(i[1])}`;
const ptsInterval = (i: [number, number]) => `${formatPts(i[0])} to ${formatPts(i[1])}`;

/** Trials of a forecast from the playground with a set count: the toolbar's, capped (each intervention is one more run). With Trials: auto it runs to the toolbar's precision instead. */
export const FORECAST_MAX_TRIALS = 2000;

/**
 * The sample export's options as typed (salesim synth's; '' = its default): months, first month, seed
 * ('' = the toolbar's), prospects per rep-month, resolution chance by age (comma-separated), quarter-end win
 * factor and arrival drift.
 */
export interface SampleOptions {
  months: string;
  start: string;
  seed: string;
  prospects: string;
  resolveByAge: string;
  quarterEndWin: string;
  arrivalDrift: string;
}
export const NO_SAMPLE_OPTIONS: SampleOptions = { months: '', start: '', seed: '', prospects: '', resolveByAge: '', quarterEndWin: '', arrivalDrift: '' };

/** A typed number ('' = not given); text that is no number is sent as it is, for the engine to name the field. */
const typed = (t: string): number | string | undefined => (t.trim() === '' ? undefined : Number.isFinite(Number(t)) ? Number(t) : t.trim());

/**
 * The body of POST /api/forecast/sample from the options as typed: only what was given (the seed is the
 * toolbar's unless typed); the server, or the engine in this page, checks every value and names the field.
 * @example sampleRequest({ reps: {} }, 7, { ...NO_SAMPLE_OPTIONS, months: '18', resolveByAge: '0.3, 0.2,0' }) // { scenario: { reps: {} }, seed: 7, months: 18, resolveByAge: [0.3, 0.2, 0] }
 */
export function sampleRequest(scenario: unknown, seed: number, o: SampleOptions): SampleRequest {
  const out: Record<string, unknown> = { scenario, seed: typed(o.seed) ?? seed };
  for (const k of ['months', 'prospects', 'quarterEndWin', 'arrivalDrift'] as const) {
    const v = typed(o[k]);
    if (v !== undefined) out[k] = v;
  }
  if (o.start.trim() !== '') out.start = o.start.trim();
  if (o.resolveByAge.trim() !== '') out.resolveByAge = o.resolveByAge.split(',').map((x) => typed(x) ?? x);
  return out as unknown as SampleRequest;
}

/** What the view shows, kept while the user visits other tabs (the element is re-created each time). */
interface Kept {
  fileName: string | null;
  rosterName: string | null;
  csv: string | null;
  roster: string | null;
  asOf: string;
  plan: string;
  through: string;
  point: boolean;
  mapping: string;
  mappingName: string;
  skipInvalid: boolean;
  actions: ForecastAction[];
  hireSeats: number;
  hireTerritory: string;
  report: ForecastReport | null;
  errors: string[];
  sampleOptions: SampleOptions;
  sampleErrors: string[];
}
let kept: Kept | null = null;

/** Forgets the kept view state (tests). */
export function resetForecastView(): void {
  kept = null;
}

/**
 * Whether the forecast carries parameter uncertainty (the engine's `parameterUncertainty`), in words.
 * @example paramNote({ parameterUncertainty: { paths: ['reps.winRate.mean'] } }) // 'includes parameter uncertainty: 1 fitted rate drawn in every trial'
 */
export function paramNote(r: Pick<ForecastReport, 'parameterUncertainty'>): string {
  const n = r.parameterUncertainty?.paths.length ?? 0;
  return n
    ? `includes parameter uncertainty: ${n} fitted rate${n === 1 ? '' : 's'} drawn in every trial (the interval is the simulation's own around it)`
    : "no parameter uncertainty: the scenario's rates are taken as known (a calibrated scenario draws them)";
}

export class SimForecast extends LitElement {
  static properties = {
    fileName: { state: true },
    rosterName: { state: true },
    asOf: { state: true },
    plan: { state: true },
    through: { state: true },
    point: { state: true },
    mapping: { state: true },
    mappingName: { state: true },
    skipInvalid: { state: true },
    actions: { state: true },
    hireSeats: { state: true },
    hireTerritory: { state: true },
    patchPath: { state: true },
    patchValue: { state: true },
    patchText: { state: true },
    patchError: { state: true },
    report: { state: true },
    errors: { state: true },
    running: { state: true },
    progress: { state: true },
    loadingSample: { state: true },
    sampleOptions: { state: true },
    sampleErrors: { state: true },
  };
  declare fileName: string | null;
  declare rosterName: string | null;
  declare asOf: string;
  /** the plan override as typed ('' = the scenario's) */
  declare plan: string;
  /** the last month forecast, YYYY-MM ('' = the plan year's last, salesim forecast --through) */
  declare through: string;
  /** the scenario's rates as fitted, no parameter uncertainty drawn (salesim forecast --point) */
  declare point: boolean;
  /** the export's column mapping as YAML or JSON text ('' = the default columns; salesim forecast --map), and its file's name */
  declare mapping: string;
  declare mappingName: string;
  /** drop malformed rows instead of refusing the export (salesim forecast --skip-invalid) */
  declare skipInvalid: boolean;
  declare actions: ForecastAction[];
  declare hireSeats: number;
  /** the territory of a "hire N now" ('' = as the scenario places hires) */
  declare hireTerritory: string;
  /** a "set a field" intervention being composed: the field, its new value, or a whole merge patch as JSON */
  declare patchPath: string;
  declare patchValue: string;
  declare patchText: string;
  declare patchError: string | null;
  declare report: ForecastReport | null;
  declare errors: string[];
  declare running: boolean;
  /** trials done over every scenario while a forecast runs (the in-browser engine reports it; the server answers once) */
  declare progress: { done: number; total: number } | null;
  declare loadingSample: boolean;
  /** the sample export's options as typed, and why the last sample could not be made */
  declare sampleOptions: SampleOptions;
  declare sampleErrors: string[];
  /** the HTTP calls (tests substitute them) */
  api: ForecastApi = forecastApi;
  private csv: string | null = null;
  private roster: string | null = null;
  /** the forecast or sample in flight: leaving the view aborts it (the static build terminates its workers) */
  private controller: AbortController | null = null;

  constructor() {
    super();
    this.fileName = null;
    this.rosterName = null;
    this.asOf = '';
    this.plan = '';
    this.through = '';
    this.point = false;
    this.mapping = '';
    this.mappingName = '';
    this.skipInvalid = false;
    this.actions = [];
    this.hireSeats = 5;
    this.hireTerritory = '';
    this.patchPath = '';
    this.patchValue = '';
    this.patchText = '';
    this.patchError = null;
    this.report = null;
    this.errors = [];
    this.running = false;
    this.progress = null;
    this.loadingSample = false;
    this.sampleOptions = NO_SAMPLE_OPTIONS;
    this.sampleErrors = [];
    if (kept) Object.assign(this, kept);
  }

  /** Reads a column-mapping file (YAML or JSON text, sent as it is; the engine parses and checks it). */
  private async readMapping(file: File | null | undefined) {
    if (!file) return;
    this.mapping = await file.text();
    this.mappingName = file.name;
    this.keep();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.controller?.abort();
    this.controller = null;
  }

  private keep() {
    const { fileName, rosterName, csv, roster, asOf, plan, through, point, mapping, mappingName, skipInvalid, actions, hireSeats, hireTerritory, report, errors, sampleOptions, sampleErrors } = this;
    kept = { fileName, rosterName, csv, roster, asOf, plan, through, point, mapping, mappingName, skipInvalid, actions, hireSeats, hireTerritory, report, errors, sampleOptions, sampleErrors };
  }

  static styles = [
    base,
    view,
    tables,
    cards,
    css`
      .root {
        display: grid;
        gap: 0.75rem;
        min-width: 0;
      }
      .root > *,
      .facts > *,
      .kpis > * {
        min-width: 0;
      }
      code {
        overflow-wrap: anywhere;
      }
      h3.sub-h {
        font-size: 0.85rem;
        margin: 0.6rem 0 0.2rem;
        text-transform: none;
        letter-spacing: 0;
        color: inherit;
      }
      .inputs {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.6rem 1rem;
      }
      .row {
        display: flex;
        align-items: end;
        gap: 0.6rem 0.75rem;
        flex-wrap: wrap;
      }
      label {
        display: grid;
        gap: 0.15rem;
        font-size: 0.78rem;
        color: #4a5a6b;
        min-width: 0;
      }
      /* a checkbox and its words on one line (the other labels stack a caption over their field) */
      label:has(> input[type='checkbox']) {
        display: flex;
        align-items: center;
        gap: 0.3rem;
      }
      input[type='file'] {
        max-width: 100%;
      }
      input[type='number'] {
        width: 9rem;
      }
      small {
        color: #4a5a6b;
      }
      .error {
        color: #b91c1c;
        font-size: 0.85rem;
      }
      ul {
        margin: 0.2rem 0;
        padding-left: 1.2rem;
        font-size: 0.82rem;
      }
      .sample {
        display: flex;
        flex-wrap: wrap;
        align-items: start;
        gap: 0.5rem 0.75rem;
      }
      .sample-options {
        flex: 1 1 18rem;
        min-width: 0;
        border: 1px solid #dde4ec;
        border-radius: 8px;
        padding: 0.35rem 0.6rem;
      }
      .sample-options summary {
        cursor: pointer;
        font-size: 0.85rem;
      }
      .sample-options p {
        margin: 0.3rem 0;
      }
      .sample-grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: 0.5rem 0.75rem;
      }
      /* the caption at the top and the box at the bottom of each cell, so a row's boxes line up when a caption wraps */
      .sample-grid label {
        grid-template-rows: 1fr auto;
      }
      .sample-grid label.wide {
        grid-column: span 2;
      }
      .sample-grid input {
        width: 100%;
        min-width: 0;
        box-sizing: border-box;
      }
      .sample-grid input[aria-invalid='true'] {
        border-color: #b91c1c;
        outline: 1px solid #b91c1c;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        margin: 0.3rem 0;
        padding: 0;
        list-style: none;
      }
      .chips li {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        background: #eef4fb;
        border: 1px solid #c8d8ec;
        border-radius: 999px;
        padding: 0.1rem 0.2rem 0.1rem 0.6rem;
        font-size: 0.8rem;
      }
      .chips button {
        padding: 0 0.45rem;
        font-size: 0.75rem;
      }
      .kpis {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 0.6rem;
        --card-value-size: 1.45rem;
      }
      .card.now {
        --card-accent: ${unsafeCSS(COLORS.median)};
      }
      .card.start {
        --card-accent: ${unsafeCSS(COLORS.muted)};
      }
      .card.booked {
        --card-accent: ${unsafeCSS(ACTUAL_COLOR)};
      }
      .card.gap {
        --card-accent: ${unsafeCSS(COLORS.plan)};
      }
      .facts {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.75rem;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2rem 0.75rem;
        margin: 0;
        font-size: 0.82rem;
      }
      dt {
        color: #4a5a6b;
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .table-wrap {
        overflow-x: auto;
      }
      td.up {
        color: ${unsafeCSS(COLORS.good)};
      }
      td.down {
        color: ${unsafeCSS(COLORS.bad)};
      }
      @media (max-width: 1099px) {
        .kpis {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
      @media (max-width: 640px) {
        .inputs,
        .facts {
          grid-template-columns: minmax(0, 1fr);
        }
        .kpis {
          gap: 0.45rem;
          --card-value-size: 1.2rem;
        }
        .card {
          padding: 0.5rem 0.6rem;
        }
      }
    `,
  ];

  private async readExport(file: File | null | undefined) {
    if (!file) return;
    this.fileName = file.name;
    this.csv = await file.text();
    this.report = null;
    this.errors = [];
    this.keep();
  }

  private async readRoster(file: File | null | undefined) {
    if (!file) return;
    this.rosterName = file.name;
    this.roster = await file.text();
    this.report = null;
    this.keep();
  }

  /** Loads a synthetic export (and roster) of the editor's scenario, with the sample options, and its as-of date. */
  async useSample() {
    this.loadingSample = true;
    this.sampleErrors = [];
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    try {
      const st = getApp().store.get();
      const req = sampleRequest(st.scenario, st.seed, this.sampleOptions);
      const s = await this.api.sample(req, controller.signal);
      this.csv = s.opportunities;
      this.roster = s.roster || null;
      this.fileName = `sample export (synthetic, from the scenario: ${req.months ?? 12} months${req.start ? ` from ${req.start}` : ''})`;
      this.rosterName = s.roster ? 'sample roster' : null;
      this.asOf = s.asOf;
      this.report = null;
      this.errors = [];
    } catch (e) {
      if (!controller.signal.aborted) this.sampleErrors = messages(e);
    } finally {
      if (this.controller === controller) this.controller = null;
      this.loadingSample = false;
      this.keep();
    }
  }

  private setSampleOption(key: keyof SampleOptions, value: string) {
    this.sampleOptions = { ...this.sampleOptions, [key]: value };
    this.keep();
  }

  /** The "Sample export" options group: salesim synth's options, each empty for its default. */
  private renderSampleOptions() {
    const o = this.sampleOptions;
    const given = (Object.keys(o) as (keyof SampleOptions)[]).filter((k) => o[k].trim() !== '').length;
    const bad = (field: string) => this.sampleErrors.some((m) => m.startsWith(`${field}:`) || m.startsWith(`${field}[`));
    const field = (key: keyof SampleOptions, label: string, title: string, attrs: { type?: string; min?: string; max?: string; step?: string; placeholder: string; wide?: boolean }) =>
      html`<label title=${title} class=${attrs.wide ? 'wide' : ''}
        >${label}
        <input
          type=${attrs.type ?? 'number'}
          min=${attrs.min ?? ''}
          max=${attrs.max ?? ''}
          step=${attrs.step ?? 'any'}
          inputmode=${attrs.type === 'text' ? 'decimal' : attrs.type === 'month' ? '' : 'decimal'}
          placeholder=${attrs.placeholder}
          aria-invalid=${bad(key) ? 'true' : 'false'}
          data-testid=${`sample-${key}`}
          .value=${o[key]}
          @change=${(e: Event) => this.setSampleOption(key, (e.target as HTMLInputElement).value)}
      /></label>`;
    return html`<details class="sample-options" data-testid="sample-options" ?open=${given > 0 || this.sampleErrors.length > 0}>
      <summary>Sample export options${given ? ` (${given} set)` : ''}</summary>
      <p><small>As <code>salesim synth</code> takes them; leave a box empty for its default. The export is made ${IN_BROWSER ? 'in this page' : 'on the server'} with the editor's scenario.</small></p>
      <div class="sample-grid">
        ${field('months', 'Months', 'months of history, 1 to 120 (--months)', { min: '1', max: '120', step: '1', placeholder: '12' })}
        ${field('start', 'First month', "the history's first month, YYYY-MM (--start; default the scenario's market start, else 2025-01)", { type: 'month', placeholder: 'YYYY-MM' })}
        ${field('seed', 'Seed', "the history's seed (--seed; default the toolbar's)", { min: '0', step: '1', placeholder: String(getApp().store.get().seed) })}
        ${field('prospects', 'Prospects per rep-month', 'pre-pipeline rows (stage Prospecting, no created date) per seated rep-month, 0 to 1000 (--prospects)', { min: '0', max: '1000', placeholder: '0' })}
        ${field('resolveByAge', 'Resolve by age', 'the monthly chance an open opportunity resolves by its age in month-ends, comma-separated, the last for every older age; ending in 0 leaves stale deals (--resolve-by-age)', { type: 'text', placeholder: 'e.g. 0.3,0.3,0.2,0', wide: true })}
        ${field('quarterEndWin', 'Quarter-end win factor', 'the win rate is multiplied by this in March, June, September and December, above 0 up to 10 (--quarter-end-win)', { min: '0', max: '10', placeholder: '1' })}
        ${field('arrivalDrift', 'Arrival drift (SD/month)', "the standard deviation per month of a random walk of the opportunity rate's log, 0 to 1 (--drift)", { min: '0', max: '1', placeholder: '0' })}
      </div>
      ${this.sampleErrors.length
        ? html`<div class="error" role="alert" data-testid="sample-errors">
            The sample export could not be made:
            <ul>
              ${this.sampleErrors.map((m) => html`<li>${m}</li>`)}
            </ul>
          </div>`
        : null}
    </details>`;
  }

  /** Adds "set <field> to <value>" (a merge patch on the forecast scenario, as the API and CLI take). */
  private addFieldPatch() {
    const scenario = getApp().store.get().scenario;
    const v = Number(this.patchValue);
    if (!this.patchPath || this.patchValue.trim() === '' || !Number.isFinite(v)) {
      this.patchError = 'Pick a field and give it a number.';
      return;
    }
    this.patchError = null;
    this.actions = [...this.actions, { name: `${this.patchPath} = ${v}`, patch: patchFor(scenario, this.patchPath, v) }];
    this.keep();
  }

  /** Adds any merge patch written as JSON, named by its text. */
  private addJsonPatch() {
    try {
      const patch = JSON.parse(this.patchText) as unknown;
      if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw new Error('the patch must be a JSON object, e.g. {"reps": {"winRate": 0.3}}');
      this.patchError = null;
      this.actions = [...this.actions, { name: `patch ${this.patchText.replace(/\s+/g, ' ').slice(0, 60)}`, patch: patch as Record<string, unknown> }];
      this.keep();
    } catch (e) {
      this.patchError = `Patch: ${(e as Error).message}`;
    }
  }

  private addHire() {
    const n = Math.round(this.hireSeats);
    if (!(n >= 1)) return;
    const t = this.territories().includes(this.hireTerritory) ? this.hireTerritory : '';
    this.actions = [...this.actions, t ? { name: `hire ${n} now in ${t}`, hire: { seats: n, territory: t } } : { name: `hire ${n} now`, hire: { seats: n } }];
    this.keep();
  }

  /** The names of the editor's scenario's territories (none: a single team). */
  private territories(): string[] {
    const t = (getApp().store.get().scenario as { territories?: unknown }).territories;
    return Array.isArray(t) ? t.map((x) => (x && typeof x === 'object' ? (x as { name?: unknown }).name : null)).filter((n): n is string => typeof n === 'string') : [];
  }

  private removeAction(i: number) {
    this.actions = this.actions.filter((_, j) => j !== i);
    this.keep();
  }

  /**
   * Forecasts the rest of the plan year with the editor's scenario, the toolbar's seed and trials: a set
   * count (capped), or with Trials: auto until the forecast from today holds the toolbar's precision targets
   * (the engine's default when none: salesim forecast without --trials), the interventions taking as many.
   */
  async run() {
    if (!this.csv || !this.asOf) return;
    this.running = true;
    this.progress = null;
    this.errors = [];
    const st = getApp().store.get();
    const choice = runChoice(st, FORECAST_MAX_TRIALS);
    const how = 'trials' in choice ? '' : ` until ${choice.precision ? `${choice.precision} holds` : 'the default precision holds'}`;
    const activity = getApp().startActivity(`Forecasting the rest of the year as of ${this.asOf}${this.actions.length ? ` with ${this.actions.length} intervention${this.actions.length > 1 ? 's' : ''}` : ''}${how}…`);
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    try {
      const plan = this.plan.trim() === '' ? undefined : Number(this.plan);
      const onProgress = (p: { done: number; total: number }) => {
        if (this.controller !== controller) return;
        this.progress = p;
        activity.update(p.done, p.total);
      };
      this.report = await this.api.forecast({
        opportunities: this.csv,
        roster: this.roster,
        scenario: choiceScenario(st.scenario, choice),
        asOf: this.asOf,
        ...(plan !== undefined ? { plan } : {}),
        ...(this.through ? { through: this.through } : {}),
        ...(this.point ? { point: true } : {}),
        ...(this.mapping ? { mapping: this.mapping } : {}),
        ...(this.skipInvalid ? { invalidRows: 'skip' as const } : {}),
        actions: this.actions,
        ...choice,
        seed: st.seed,
      }, controller.signal, onProgress);
    } catch (e) {
      this.report = null;
      if (!controller.signal.aborted) this.errors = messages(e);
    } finally {
      if (this.controller === controller) this.controller = null;
      this.running = false;
      this.progress = null;
      activity.end();
      this.keep();
    }
  }

  private renderInputs() {
    const ready = !!this.csv && !!this.asOf;
    const territories = this.territories();
    return html`<section class="panel" aria-labelledby="fc-h">
      <h2 id="fc-h">Forecast from today</h2>
      <p>
        Upload your opportunity export (one row per opportunity: <code>Opportunity Owner</code>, <code>Created Date</code>, <code>Close Date</code>, <code>Stage</code>,
        <code>Amount</code>)${IN_BROWSER ? ', read by this page and never uploaded' : ''}. Deals won up to the as-of date are booked; the open deals and the team carry on under the editor's scenario for the rest of the plan year.
      </p>
      <div class="inputs">
        <label>
          <span>Opportunity export (CSV)</span>
          <input type="file" accept=".csv,text/csv" aria-label="Opportunity export (CSV)" data-testid="forecast-file" @change=${(e: Event) => this.readExport((e.target as HTMLInputElement).files?.[0])} />
          ${this.fileName ? html`<small data-testid="forecast-file-name">Loaded: ${this.fileName}</small>` : null}
        </label>
        <label>
          <span>Rep roster (optional: Name, Territory, Hire Date, Exit Date)</span>
          <input type="file" accept=".csv,text/csv" aria-label="Rep roster (CSV, optional)" data-testid="forecast-roster" @change=${(e: Event) => this.readRoster((e.target as HTMLInputElement).files?.[0])} />
          ${this.rosterName ? html`<small>Loaded: ${this.rosterName}</small>` : null}
        </label>
      </div>
      <div class="sample" style="margin-top:0.6rem">
        <button data-testid="forecast-sample" ?disabled=${this.loadingSample} @click=${() => this.useSample()} title="A synthetic export of the editor's scenario, made ${IN_BROWSER ? 'in this page' : 'on the server'}, with the sample export options">
          ${this.loadingSample ? 'Making a sample…' : 'Use a sample export'}
        </button>
        ${this.renderSampleOptions()}
      </div>
      <div class="row" style="margin-top:0.6rem">
        <label>As of <input type="date" aria-label="As-of date" data-testid="forecast-asof" .value=${this.asOf} @change=${(e: Event) => {
            this.asOf = (e.target as HTMLInputElement).value;
            this.keep();
          }} /></label>
        <label>Plan for the year (optional) <input type="number" min="0" step="any" inputmode="decimal" placeholder="the scenario's" aria-label="Plan for the year (optional)" data-testid="forecast-plan" .value=${this.plan} @change=${(e: Event) => {
            this.plan = (e.target as HTMLInputElement).value;
            this.keep();
          }} /></label>
        <label>Through (optional) <input type="month" aria-label="Last month forecast (optional)" title="the last month forecast; the plan year's last by default" data-testid="forecast-through" .value=${this.through} @change=${(e: Event) => {
            this.through = (e.target as HTMLInputElement).value;
            this.keep();
          }} /></label>
        <label title="The scenario's fitted rates taken as known: no parameter uncertainty is drawn (a calibrated scenario's uncertainty block is ignored)"
          ><input type="checkbox" data-testid="forecast-point" .checked=${this.point} @change=${(e: Event) => {
            this.point = (e.target as HTMLInputElement).checked;
            this.keep();
          }} /> Rates as fitted (no parameter uncertainty)</label
        >
        <label title="A YAML or JSON mapping of your export's columns, stages and date order (as salesim forecast --map reads): columns: { owner, created, closed, stage, amount }, stages: { won: [..], lost: [..] }, dateOrder: mdy | dmy"
          >Column mapping (optional)
          <input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" aria-label="Column mapping (YAML or JSON, optional)" data-testid="forecast-mapping" @change=${(e: Event) => this.readMapping((e.target as HTMLInputElement).files?.[0])} />
          ${this.mappingName ? html`<small data-testid="forecast-mapping-name">${this.mappingName}</small>` : null}</label
        >
        <label title="Malformed rows are left out and counted in the warnings, instead of refusing the export (salesim forecast --skip-invalid)"
          ><input type="checkbox" data-testid="forecast-skip-invalid" .checked=${this.skipInvalid} @change=${(e: Event) => {
            this.skipInvalid = (e.target as HTMLInputElement).checked;
            this.keep();
          }} /> Skip malformed rows</label
        >
      </div>
      <h3 class="sub-h">Interventions, acting now</h3>
      <div class="row">
        <label>Seats <input type="number" min="1" step="1" aria-label="Seats to hire now" data-testid="forecast-hire-seats" .value=${String(this.hireSeats)} @change=${(e: Event) => {
            this.hireSeats = Number((e.target as HTMLInputElement).value);
            this.keep();
          }} /></label>
        ${territories.length > 1
          ? html`<label>Territory <select aria-label="Territory of the hires" data-testid="forecast-hire-territory" @change=${(e: Event) => {
                this.hireTerritory = (e.target as HTMLSelectElement).value;
                this.keep();
              }}>
                <option value="" ?selected=${!territories.includes(this.hireTerritory)}>as the scenario places hires</option>
                ${territories.map((t) => html`<option value=${t} ?selected=${t === this.hireTerritory}>${t}</option>`)}
              </select></label>`
          : null}
        <button data-testid="forecast-add-hire" @click=${() => this.addHire()}>Add "hire ${Math.round(this.hireSeats) || 'N'} now"</button>
      </div>
      <div class="row">
        <label style="flex:1 1 14rem;min-width:0"
          >Set a field
          <select aria-label="Field to set" style="max-width:100%;width:100%" data-testid="forecast-patch-path" @change=${(e: Event) => {
            this.patchPath = (e.target as HTMLSelectElement).value;
            const cur = getIn(getApp().store.get().scenario, this.patchPath);
            if (typeof cur === 'number') this.patchValue = String(cur);
          }}>
            <option value="" ?selected=${this.patchPath === ''}>a field of the scenario…</option>
            ${numericPaths(getApp().store.get().scenario).map((f) => html`<option value=${f.path} ?selected=${f.path === this.patchPath}>${f.label} (${f.path})</option>`)}
          </select></label
        >
        <label>to <input type="number" step="any" aria-label="New value" data-testid="forecast-patch-value" .value=${this.patchValue} @change=${(e: Event) => (this.patchValue = (e.target as HTMLInputElement).value)} /></label>
        <button data-testid="forecast-add-patch" @click=${() => this.addFieldPatch()}>Add</button>
      </div>
      <details>
        <summary>Any change, as a JSON merge patch</summary>
        <div class="row">
          <label style="flex:1 1 16rem">Merge patch <textarea rows="2" aria-label="Merge patch (JSON)" data-testid="forecast-patch-json" placeholder='{"reps": {"winRate": 0.3}}' .value=${this.patchText} @input=${(e: Event) => (this.patchText = (e.target as HTMLTextAreaElement).value)}></textarea></label>
          <button data-testid="forecast-add-json" @click=${() => this.addJsonPatch()}>Add patch</button>
        </div>
      </details>
      ${this.patchError ? html`<p role="alert" class="error">${this.patchError}</p>` : null}
      ${this.actions.length
        ? html`<ul class="chips" aria-label="Interventions" data-testid="forecast-actions">
            ${this.actions.map((a, i) => html`<li>${a.name} <button aria-label="Remove ${a.name}" @click=${() => this.removeAction(i)}>×</button></li>`)}
          </ul>`
        : html`<p><small>None yet: each is run on the same random draws as the forecast, so its effect on P(plan) is paired.</small></p>`}
      <div class="row" style="margin-top:0.5rem">
        <button class="primary" data-testid="forecast-run" ?disabled=${!ready || this.running} @click=${() => this.run()}>${this.running ? 'Forecasting…' : 'Run forecast'}</button>
        ${this.running && this.progress
          ? html`<progress max=${this.progress.total} .value=${this.progress.done} aria-label="Forecast progress"></progress>
              <small data-testid="forecast-progress" role="status">${this.progress.done.toLocaleString('en-US')} of ${this.progress.total.toLocaleString('en-US')} trials</small>`
          : null}
        ${!ready ? html`<small>${!this.csv ? 'Upload an export or use a sample first.' : 'Pick the as-of date.'}</small>` : null}
      </div>
      ${this.errors.length
        ? html`<div class="error" role="alert" data-testid="forecast-errors">
            The forecast could not run:
            <ul>
              ${this.errors.map((m) => html`<li>${m}</li>`)}
            </ul>
          </div>`
        : null}
    </section>`;
  }

  private renderReport(r: ForecastReport) {
    const sy = r.startOfYear;
    const planToDate = r.fan.filter((m) => m.actual !== null).at(-1)?.plan ?? 0;
    return html`
      <div class="kpis" role="group" aria-label="Forecast headline">
        <div class="card booked" data-testid="forecast-booked">
          <h3>Booked to ${r.asOf}</h3>
          <div class="value">${formatMoney(r.booked)}</div>
          <div class="sub">plan to date ${formatMoney(planToDate)}; year plan ${formatMoney(r.plan)}</div>
        </div>
        <div class="card now" data-testid="forecast-pplan">
          <h3>P(plan | bookings to date)</h3>
          <div class="value" data-testid="forecast-pplan-value">${formatPct(r.now.pPlan)}</div>
          <div class="sub">95% interval ${interval(r.now.pPlanInterval)}</div>
          <div class="sub" data-testid="forecast-parameter-uncertainty">${paramNote(r)}</div>
        </div>
        <div class="card start" data-testid="forecast-start">
          <h3>P(plan) at the year's start</h3>
          <div class="value">${sy ? formatPct(sy.pPlan) : '–'}</div>
          <div class="sub">${sy ? `as of ${sy.asOf}; 95% ${interval(sy.pPlanInterval)}` : (r.startOfYearNote ?? 'not available')}</div>
        </div>
        <div class="card gap" data-testid="forecast-gap">
          <h3>Expected gap to plan</h3>
          <div class="value">${formatMoney(r.now.expectedGap)}</div>
          <div class="sub">year total P50 ${formatMoney(r.now.yearTotal.p50)} (P10 ${formatMoney(r.now.yearTotal.p10)} to P90 ${formatMoney(r.now.yearTotal.p90)})</div>
        </div>
      </div>
      ${r.precision ? html`<p data-testid="forecast-precision"><small>${precisionNote(r.precision)} The forecast from today decided the trials; the interventions ran as many.</small></p>` : null}
      <sim-chart
        data-testid="forecast-chart"
        heading="Cumulative bookings of the plan year: booked to date, then the forecast"
        caption=${`Plan year ${r.yearStart} to ${r.through}; forecast from ${r.start}. ${r.trials.toLocaleString('en-US')} trials, seed ${r.seed}. Plan: ${r.planBasis}.`}
        filename="forecast"
        .legend=${[
          { label: 'booked', color: ACTUAL_COLOR },
          { label: 'P10-P90', color: COLORS.band90 },
          { label: 'P25-P75', color: COLORS.band50 },
          { label: 'median', color: COLORS.median },
          { label: 'plan, pro rata', color: COLORS.plan },
        ]}
        .draw=${(w: number) => forecastChart(r.fan, { width: w })}
      ></sim-chart>
      ${r.variants.length
        ? html`<section class="panel" aria-labelledby="fc-var-h" data-testid="forecast-variants">
            <h2 id="fc-var-h">Interventions</h2>
            <p>Each intervention runs on the same random draws as the forecast (common random numbers): the change in P(plan) is paired trial by trial, with its own 95% interval.</p>
            <div class="table-wrap">
              <table aria-label="Interventions: P(plan) and its change">
                <thead>
                  <tr><th scope="col">Scenario</th><th scope="col">P(plan)</th><th scope="col">ΔP(plan), 95% interval</th><th scope="col">Δ year total ± SE</th></tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">forecast as is</th>
                    <td>${formatPct(r.now.pPlan)}</td>
                    <td>–</td>
                    <td>–</td>
                  </tr>
                  ${r.variants.map(
                    (v) => html`<tr>
                      <th scope="row">${v.name}</th>
                      <td>${formatPct(v.pPlan)}</td>
                      <td class=${v.deltaPPlanInterval[0] > 0 ? 'up' : v.deltaPPlanInterval[1] < 0 ? 'down' : ''} data-testid="forecast-delta">
                        ${formatPts(v.deltaPPlan)}<br /><small>${ptsInterval(v.deltaPPlanInterval)}</small>
                      </td>
                      <td>${formatMoney(v.deltaYearTotal)}<br /><small>± ${formatMoney(v.deltaYearTotalSe)}</small></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </section>`
        : null}
      <div class="facts">
        <section class="panel" aria-labelledby="fc-team-h" data-testid="forecast-team">
          <h2 id="fc-team-h">Where the forecast starts</h2>
          <dl>
            <dt>Team (from the ${r.team.source})</dt>
            <dd>${r.team.seated} seated, ${r.team.ramping} ramping, ${r.team.vacant} vacant</dd>
            <dt>Open pipeline</dt>
            <dd>${r.open.deals.toLocaleString('en-US')} deals, ${r.open.withAmount.toLocaleString('en-US')} with an amount (${formatMoney(r.open.amount)})</dd>
            <dt>Plan</dt>
            <dd>${formatMoney(r.plan)} (${r.planBasis})</dd>
          </dl>
        </section>
        <section class="panel" aria-labelledby="fc-warn-h" data-testid="forecast-warnings">
          <h2 id="fc-warn-h">Warnings</h2>
          ${r.warnings.length ? html`<ul>${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : html`<p>None.</p>`}
        </section>
      </div>
    `;
  }

  render() {
    return html`<div class="root" data-testid="forecast-view">
      ${this.renderInputs()} ${this.report ? this.renderReport(this.report) : null}
    </div>`;
  }
}
customElements.define('sim-forecast', SimForecast);
