/**
 * Calibrate view (issue 8): upload a CRM opportunity export (file input or drag-and-drop), fit a
 * scenario to it on the server (/api/calibrate), read the fit report (each parameter with its standard
 * error and method, rows used and rejected, warnings) and load the fitted scenario into the editor; then
 * back-test the editor's scenario against the export over chosen months (/api/backtest): actual monthly
 * revenue against the simulated P10-P90 band, and the share of months inside it; and score forecasts made
 * at past dates (the rolling-origin back-test, /api/backtest with asOf) against what was booked.
 */
import { LitElement, html, css } from 'lit';
import { base, view, tables, cardTable } from '../theme.js';
import { getApp, editable } from '../app.js';
import { ApiError, IN_BROWSER } from '../api.js';
import { calibrateApi, type BacktestResult, type CalibrateApi, type CalibrateRequestOptions, type CalibrationWithLeads as CalibrationResult, type RollingResult } from '../calibrate-api.js';
import { backtestChart, INSIDE_COLOR, OUTSIDE_COLOR } from '../charts/backtest.js';
import { labelForPath } from '../fields.js';
import { formatMoney, formatPct } from '../format.js';
import './sim-chart.js';
import './sim-pit-histogram.js';
import './sim-leads-report.js';

function messages(e: unknown): string[] {
  if (e instanceof ApiError) return e.errors.map((x) => x.message);
  return [e instanceof Error ? e.message : String(e)];
}

/** A fitted value for the table: shares as %, counts and money with a few significant digits. */
function shown(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(3)));
}

/** What the view shows, kept while the user visits other tabs (the element is re-created each time). */
interface Kept {
  fileName: string | null;
  rosterName: string | null;
  leadsName: string | null;
  csv: string | null;
  roster: string | null;
  leads: string | null;
  fit: CalibrationResult | null;
  fitErrors: string[];
  from: string;
  to: string;
  result: BacktestResult | null;
  btErrors: string[];
  options: FitOptions;
  rollingDates: string;
  rollingHorizon: number;
  rolling: RollingResult | null;
  rollingErrors: string[];
}
let kept: Kept | null = null;

/** The fit's options as typed ('' = not given): salesim calibrate --as-of, --from/--to, --point, --trend. */
export interface FitOptions {
  asOf: string;
  from: string;
  to: string;
  point: boolean;
  trend: boolean;
  /** the column / stage mapping as YAML or JSON text ('' = the default columns; --map), and its file's name */
  mapping: string;
  mappingName: string;
  /** drop malformed rows (counted in the report) instead of refusing the export (--skip-invalid) */
  skipInvalid: boolean;
}
const NO_OPTIONS: FitOptions = { asOf: '', from: '', to: '', point: false, trend: false, mapping: '', mappingName: '', skipInvalid: false };

/** The options every read of the export carries (calibrate, back-test, rolling back-test): its mapping and what to do with bad rows. */
function readOptions(o: FitOptions): { mapping?: string; invalidRows?: 'skip' } {
  return { ...(o.mapping ? { mapping: o.mapping } : {}), ...(o.skipInvalid ? { invalidRows: 'skip' as const } : {}) };
}

/**
 * The options a calibrate request carries: only those given.
 * @example fitRequestOptions({ ...NO_OPTIONS, asOf: '2025-06-30', point: true }) // { asOf: '2025-06-30', point: true }
 */
export function fitRequestOptions(o: FitOptions): CalibrateRequestOptions {
  return { ...(o.asOf ? { asOf: o.asOf } : {}), ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}), ...(o.point ? { point: true } : {}), ...(o.trend ? { trend: true } : {}), ...readOptions(o) };
}

/** Forgets the kept view state (tests). */
export function resetCalibrateView(): void {
  kept = null;
}

export class SimCalibrate extends LitElement {
  static properties = {
    fileName: { state: true },
    rosterName: { state: true },
    leadsName: { state: true },
    fit: { state: true },
    fitErrors: { state: true },
    fitting: { state: true },
    from: { state: true },
    to: { state: true },
    result: { state: true },
    btErrors: { state: true },
    testing: { state: true },
    dragging: { state: true },
    options: { state: true },
    rollingDates: { state: true },
    rollingHorizon: { state: true },
    rolling: { state: true },
    rollingErrors: { state: true },
    scoring: { state: true },
  };
  declare fileName: string | null;
  declare rosterName: string | null;
  declare leadsName: string | null;
  declare fit: CalibrationResult | null;
  declare fitErrors: string[];
  declare fitting: boolean;
  declare from: string;
  declare to: string;
  declare result: BacktestResult | null;
  declare btErrors: string[];
  declare testing: boolean;
  declare dragging: boolean;
  /** the fit's options (as salesim calibrate's --as-of, --from/--to, --point, --trend) */
  declare options: FitOptions;
  /** the rolling-origin back-test's as-of dates as typed (comma separated month ends), months scored after each, its answer */
  declare rollingDates: string;
  declare rollingHorizon: number;
  declare rolling: RollingResult | null;
  declare rollingErrors: string[];
  declare scoring: boolean;
  /** the HTTP calls (tests substitute them) */
  api: CalibrateApi = calibrateApi;
  private csv: string | null = null;
  private roster: string | null = null;
  private leads: string | null = null;
  /** the fit or back-test in flight: leaving the view aborts it (the static build terminates its workers) */
  private controller: AbortController | null = null;

  constructor() {
    super();
    this.fileName = null;
    this.rosterName = null;
    this.leadsName = null;
    this.fit = null;
    this.fitErrors = [];
    this.fitting = false;
    this.from = '';
    this.to = '';
    this.result = null;
    this.btErrors = [];
    this.testing = false;
    this.dragging = false;
    this.options = NO_OPTIONS;
    this.rollingDates = '';
    this.rollingHorizon = 3;
    this.rolling = null;
    this.rollingErrors = [];
    this.scoring = false;
    if (kept) Object.assign(this, kept);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.controller?.abort();
    this.controller = null;
  }

  private keep() {
    const { fileName, rosterName, leadsName, csv, roster, leads, fit, fitErrors, from, to, result, btErrors, options, rollingDates, rollingHorizon, rolling, rollingErrors } = this;
    kept = { fileName, rosterName, leadsName, csv, roster, leads, fit, fitErrors, from, to, result, btErrors, options, rollingDates, rollingHorizon, rolling, rollingErrors };
  }

  static styles = [
    base,
    view,
    tables,
    css`
      th small {
        overflow-wrap: anywhere;
      }
      fieldset.options {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1rem;
        align-items: center;
        border: 1px solid #dde4ec;
        border-radius: 8px;
        margin: 0.5rem 0;
        min-width: 0;
      }
      fieldset.options input[type='date'],
      fieldset.options input[type='month'] {
        max-width: 100%;
      }
      h3 {
        font-size: 0.85rem;
        margin: 0.6rem 0 0.2rem;
      }
      .drop {
        border: 2px dashed #9fb3c8;
        border-radius: 10px;
        padding: 1rem;
        text-align: center;
        font-size: 0.85rem;
        color: #4a5a6b;
      }
      .drop.over {
        border-color: #1d4f91;
        background: #eef4fb;
      }
      th:first-child,
      td:first-child,
      td.method {
        text-align: left;
      }
      tbody th {
        font-weight: 500;
      }
      small,
      td.method {
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
      .row {
        display: flex;
        align-items: end;
        gap: 0.75rem;
        flex-wrap: wrap;
      }
      label {
        display: grid;
        gap: 0.15rem;
        font-size: 0.78rem;
        color: #4a5a6b;
      }
      .share {
        font-size: 1.05rem;
        font-weight: 600;
      }
      fieldset.options label:has(input[type='checkbox']) {
        display: flex;
        align-items: center;
        gap: 0.3rem;
      }
    `,
    // the rolling back-test's nine columns as cards below a laptop width (tables' cardTable does it below 700 px)
    cardTable(1100, 'table.rolling'),
  ];

  private async readFile(file: File | null | undefined) {
    if (!file) return;
    this.fileName = file.name;
    await this.upload(await file.text());
  }

  private async readRoster(file: File | null | undefined) {
    if (!file) return;
    this.rosterName = file.name;
    this.roster = await file.text();
    this.keep();
    if (this.csv) await this.upload(this.csv);
  }

  /** A lead export (Created Date, Converted Date, optional Lead Status): refits with a demand block. */
  private async readLeads(file: File | null | undefined) {
    if (!file) return;
    this.leadsName = file.name;
    this.leads = await file.text();
    this.keep();
    if (this.csv) await this.upload(this.csv);
  }

  private async readMapping(file: File | null | undefined) {
    if (!file) return;
    this.setOption({ mapping: await file.text(), mappingName: file.name });
  }

  private setOption(patch: Partial<FitOptions>) {
    this.options = { ...this.options, ...patch };
    this.keep();
  }

  /** Sends the export to /api/calibrate and, on success, loads the fitted scenario into the editor. */
  async upload(csv: string) {
    this.csv = csv;
    this.fitting = true;
    const activity = getApp().startActivity('Fitting a scenario to the export…');
    this.fitErrors = [];
    this.fit = null;
    this.result = null;
    this.btErrors = [];
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    try {
      const fit = await this.api.calibrate(csv, this.roster, controller.signal, this.leads, fitRequestOptions(this.options));
      this.fit = fit;
      this.from = fit.report.window.from;
      this.to = fit.report.window.to;
      const app = getApp();
      app.replaceScenario(editable(fit.scenario));
      app.store.set({ presetId: null, savedId: null, errors: [] });
    } catch (e) {
      if (!controller.signal.aborted) this.fitErrors = messages(e);
    } finally {
      if (this.controller === controller) this.controller = null;
      this.fitting = false;
      activity.end();
      this.keep();
    }
  }

  /** Back-tests the editor's scenario (the fitted one, or as edited since) against the export. */
  async backtest() {
    if (!this.csv) return;
    this.testing = true;
    const activity = getApp().startActivity(`Back-testing ${this.from} to ${this.to}…`);
    this.btErrors = [];
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    try {
      const st = getApp().store.get();
      this.result = await this.api.backtest({ csv: this.csv, scenario: st.scenario, from: this.from, to: this.to, trials: Math.min(st.trials, 2000), seed: st.seed, ...readOptions(this.options) }, controller.signal);
    } catch (e) {
      this.result = null;
      if (!controller.signal.aborted) this.btErrors = messages(e);
    } finally {
      if (this.controller === controller) this.controller = null;
      this.testing = false;
      activity.end();
      this.keep();
    }
  }

  /**
   * The rolling-origin back-test (salesim backtest --as-of D1,D2,... --horizon N): at each date the export
   * is cut as the CRM showed it that day, calibrated on the cut, and the next months forecast and scored
   * against what was booked, beside two analyst forecasts. The fit options' point estimates apply.
   */
  async scoreRolling() {
    if (!this.csv) return;
    const asOf = this.rollingDates.split(/[\s,]+/).filter(Boolean);
    this.scoring = true;
    this.rollingErrors = [];
    const activity = getApp().startActivity(`Scoring forecasts made at ${asOf.length} past date${asOf.length === 1 ? '' : 's'}…`);
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    try {
      const st = getApp().store.get();
      const call = this.api.rollingBacktest ?? calibrateApi.rollingBacktest;
      this.rolling = await call({ csv: this.csv, asOf, horizon: this.rollingHorizon, trials: Math.min(Math.max(st.trials, 10), 1000), seed: st.seed, point: this.options.point, roster: this.roster, ...readOptions(this.options) }, controller.signal);
    } catch (e) {
      this.rolling = null;
      if (!controller.signal.aborted) this.rollingErrors = messages(e);
    } finally {
      if (this.controller === controller) this.controller = null;
      this.scoring = false;
      activity.end();
      this.keep();
    }
  }

  private renderRolling() {
    const r = this.rolling;
    const s = r?.summary;
    return html`<section class="panel" aria-labelledby="roll-h" data-testid="rolling">
        <h2 id="roll-h">Score forecasts made at past dates (rolling origin)</h2>
        <p>
          At each as-of date (a month end) the export is cut as the CRM showed it that day, calibrated on the cut, and the next months forecast from that day's team and open book; each forecast is
          scored against what was booked, beside two analyst forecasts (the open pipeline weighted by age, plus a run rate; and last quarter's run rate).
        </p>
        <div class="row">
          <label style="flex:1 1 16rem;min-width:0"
            >As-of dates <input type="text" style="width:100%" placeholder="2025-03-31, 2025-06-30" aria-label="As-of dates (month ends, comma separated)" data-testid="rolling-dates" .value=${this.rollingDates} @change=${(e: Event) => {
              this.rollingDates = (e.target as HTMLInputElement).value;
              this.keep();
            }}
          /></label>
          <label>Months scored <input type="number" min="1" max="24" step="1" style="width:4.5rem" aria-label="Months forecast and scored after each date" data-testid="rolling-horizon" .value=${String(this.rollingHorizon)} @change=${(e: Event) => {
              this.rollingHorizon = Math.round(Number((e.target as HTMLInputElement).value)) || 3;
              this.keep();
            }} /></label>
          <button class="primary" data-testid="rolling-run" ?disabled=${this.scoring || this.rollingDates.trim() === ''} @click=${() => this.scoreRolling()}>${this.scoring ? 'Scoring…' : 'Score forecasts'}</button>
        </div>
        ${this.rollingErrors.length ? html`<div class="error" role="alert" data-testid="rolling-errors">${this.rollingErrors.map((m) => html`<div>${m}</div>`)}</div>` : null}
        ${r && s
          ? html`<p class="share" role="status" data-testid="rolling-summary">
                ${s.inside80} of ${s.cuts} actuals inside P10-P90 (${formatPct(s.inside80Share, 0)}; 80% expected ± ${formatPct(s.inside80Se, 0)}), inside P25-P75 ${formatPct(s.inside50Share, 0)} (50% expected)
              </p>
              <p data-testid="rolling-verdict">${s.verdict}</p>
              <p>
                Mean CRPS (lower is better): salesim ${formatMoney(s.meanCrps.salesim)}, pipeline ${formatMoney(s.meanCrps.pipeline)}, run rate ${formatMoney(s.meanCrps.runRate)}; mean bias (actual / forecast):
                salesim ${s.meanBias.salesim.toFixed(2)}, pipeline ${s.meanBias.pipeline.toFixed(2)}, run rate ${s.meanBias.runRate.toFixed(2)}. ${r.horizon}-month horizon, ${r.trials.toLocaleString('en-US')} trials, seed
                ${r.seed}${r.point ? ', point estimates' : ', parameter uncertainty drawn per trial'}.
              </p>
              <table class="cards rolling" data-testid="rolling-cuts" aria-label="Forecasts at each as-of date">
                <thead><tr><th scope="col">As of (months)</th><th scope="col">Actual</th><th scope="col">P10</th><th scope="col">P50</th><th scope="col">P90</th><th scope="col">PIT</th><th scope="col">CRPS</th><th scope="col">Pipeline</th><th scope="col">Run rate</th></tr></thead>
                <tbody>
                  ${r.cuts.map((c) => {
                    const cell = (label: string, v: string) => html`<td data-label=${label}><div>${v}</div></td>`;
                    return html`<tr>
                      <th scope="row">${c.asOf} <small>(${c.from}–${c.to})</small></th>
                      ${cell('Actual', formatMoney(c.salesim.actual))} ${cell('P10', formatMoney(c.salesim.p10))} ${cell('P50', formatMoney(c.salesim.p50))} ${cell('P90', formatMoney(c.salesim.p90))}
                      ${cell('PIT', c.salesim.pit.toFixed(2))} ${cell('CRPS', formatMoney(c.salesim.crps))} ${cell('Pipeline', formatMoney(c.baselines.pipeline.forecast))}
                      ${cell('Run rate', formatMoney(c.baselines.runRate.forecast))}
                    </tr>`;
                  })}
                </tbody>
              </table>
              ${r.warnings.length ? html`<ul>${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : null}`
          : null}
      </section>
      ${s ? html`<sim-pit-histogram data-testid="rolling-pit" .pit=${{ histogram: s.pitHistogram, ks: s.ks }}></sim-pit-histogram>` : null}`;
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.dragging = false;
    void this.readFile(e.dataTransfer?.files?.[0]);
  }

  private renderReport(fit: CalibrationResult) {
    const r = fit.report;
    return html`<section class="panel" aria-labelledby="fit-h" data-testid="calibrate-report">
      <h2 id="fit-h">Fit report</h2>
      <p>
        ${r.rows.used.toLocaleString('en-US')} rows used, ${r.rows.rejected.toLocaleString('en-US')} rejected, ${r.rows.open.toLocaleString('en-US')} open,
        <span data-testid="calibrate-prepipeline">${(r.rows.prePipeline ?? 0).toLocaleString('en-US')} pre-pipeline excluded</span>
        (of ${r.rows.total.toLocaleString('en-US')}); window ${r.window.from} to ${r.window.to} (${r.window.months} months). The fitted scenario is now in the editor.
      </p>
      <table class="cards" aria-label="Fitted parameters with standard errors and methods">
        <thead>
          <tr><th scope="col">Parameter</th><th scope="col">Value</th><th scope="col">SE</th><th scope="col" style="text-align:left">Method</th></tr>
        </thead>
        <tbody>
          ${r.parameters.map(
            (p) => html`<tr>
              <th scope="row">${labelForPath(p.path)}<br /><small>${p.path}</small></th>
              <td data-label="Value"><div>${shown(p.value)}</div></td>
              <td data-label="SE"><div>${shown(p.se)}</div></td>
              <td class="method" data-label="Method"><div>${p.method}</div></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${r.warnings.length
        ? html`<h3>Warnings</h3>
            <ul data-testid="calibrate-warnings">
              ${r.warnings.map((w) => html`<li>${w}</li>`)}
            </ul>`
        : null}
      ${r.rows.rejections.length
        ? html`<h3>Rejected rows</h3>
            <ul>
              ${r.rows.rejections.slice(0, 20).map((x) => html`<li>${x.message}</li>`)}
              ${r.rows.rejections.length > 20 ? html`<li>… and ${r.rows.rejections.length - 20} more</li>` : null}
            </ul>`
        : null}
    </section>`;
  }

  private renderBacktest() {
    const r = this.result;
    return html`<section class="panel" aria-labelledby="bt-h">
        <h2 id="bt-h">Back-test</h2>
        <p>Simulates the editor's scenario over the chosen months and sets the revenue the export actually booked (won deals by close month) against the P10-P90 band. A well-calibrated scenario puts about 80% of months inside.</p>
        <div class="row">
          <label>From <input type="month" aria-label="Back-test from month" data-testid="backtest-from" .value=${this.from} @change=${(e: Event) => {
              this.from = (e.target as HTMLInputElement).value;
              this.keep();
            }} /></label>
          <label>To <input type="month" aria-label="Back-test to month" data-testid="backtest-to" .value=${this.to} @change=${(e: Event) => {
              this.to = (e.target as HTMLInputElement).value;
              this.keep();
            }} /></label>
          <button class="primary" data-testid="backtest-run" ?disabled=${this.testing} @click=${() => this.backtest()}>${this.testing ? 'Back-testing…' : 'Run back-test'}</button>
        </div>
        ${this.btErrors.length ? html`<div class="error" role="alert">${this.btErrors.map((m) => html`<div>${m}</div>`)}</div>` : null}
        ${r
          ? html`<p class="share" data-testid="backtest-share" role="status">${r.inside} of ${r.months.length} months inside P10-P90 (${formatPct(r.insideShare, 0)})</p>
              <p>Total over the period: actual ${formatMoney(r.total.actual)}, simulated P10 ${formatMoney(r.total.p10)} to P90 ${formatMoney(r.total.p90)} (${r.total.inside ? 'inside' : 'outside'}); ${r.trials.toLocaleString('en-US')} trials, seed ${r.seed}.</p>
              ${r.scores
                ? html`<p data-testid="backtest-scores">Bias (actual total / simulated P50): ${r.scores.bias.ratio.toFixed(2)}, 80% interval ${r.scores.bias.interval[0].toFixed(2)} to ${r.scores.bias.interval[1].toFixed(2)}; mean PIT ${r.scores.meanPit.toFixed(2)} (0.5 when centred); mean interval score ${formatMoney(r.scores.meanIntervalScore)} a month (${formatPct(r.scores.relativeIntervalScore, 0)} of the mean actual month).</p>`
                : null}
              ${r.warnings.length ? html`<ul>${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : null}`
          : null}
      </section>
      <sim-chart
        data-testid="backtest-chart"
        heading="Actual monthly revenue against the simulated P10-P90 band"
        filename="backtest"
        .legend=${r
          ? [
              { label: 'P10-P90 band', color: '#bcd3ee' },
              { label: 'inside the band', color: INSIDE_COLOR },
              { label: 'outside the band', color: OUTSIDE_COLOR },
            ]
          : []}
        empty="Run the back-test to see actual revenue against the band."
        .draw=${r && r.months.length ? (w: number) => backtestChart(r.months, { width: w }) : null}
      ></sim-chart>
      <sim-pit-histogram .pit=${r?.scores?.pit ?? null}></sim-pit-histogram>`;
  }

  render() {
    return html`<div data-testid="calibrate-view" style="display:grid;gap:0.75rem">
      <section class="panel" aria-labelledby="cal-h">
        <h2 id="cal-h">Calibrate from your CRM</h2>
        <p>
          Upload an opportunity export (one row per opportunity; columns <code>Opportunity Owner</code>, <code>Created Date</code>, <code>Close Date</code>,
          <code>Stage</code>, <code>Amount</code>). ${IN_BROWSER ? 'This page reads the file and fits (it is never uploaded)' : 'The server fits'} win rates, deal sizes, cycle and opportunity rate, and the fitted scenario replaces the one in
          the editor (Undo brings the old one back).
        </p>
        <div
          class="drop ${this.dragging ? 'over' : ''}"
          data-testid="calibrate-drop"
          @dragover=${(e: DragEvent) => {
            e.preventDefault();
            this.dragging = true;
          }}
          @dragleave=${() => (this.dragging = false)}
          @drop=${(e: DragEvent) => this.onDrop(e)}
        >
          <label style="display:inline-grid">
            <span>Drop a CSV here, or choose a file</span>
            <input type="file" accept=".csv,text/csv" aria-label="Opportunity export (CSV)" data-testid="calibrate-file" @change=${(e: Event) => this.readFile((e.target as HTMLInputElement).files?.[0])} />
          </label>
          ${this.fileName ? html`<div><small>${this.fileName}</small></div>` : null}
        </div>
        <p>
          <label style="display:inline-grid">
            <span>Optional rep roster (Name, Territory, Hire Date, Exit Date): fits attrition, ramp and backfill</span>
            <input type="file" accept=".csv,text/csv" aria-label="Rep roster (CSV, optional)" data-testid="calibrate-roster" @change=${(e: Event) => this.readRoster((e.target as HTMLInputElement).files?.[0])} />
          </label>
          ${this.rosterName ? html`<small>${this.rosterName}</small>` : null}
        </p>
        <p>
          <label style="display:inline-grid">
            <span>Optional lead export (Created Date, Converted Date, optional Lead Status): fits the demand block (leads a month, qualified share, delay, not-ready share)</span>
            <input type="file" accept=".csv,text/csv" aria-label="Lead export (CSV, optional)" data-testid="calibrate-leads" @change=${(e: Event) => this.readLeads((e.target as HTMLInputElement).files?.[0])} />
          </label>
          ${this.leadsName ? html`<small data-testid="calibrate-leads-name">${this.leadsName}</small>` : null}
        </p>
        <fieldset class="options" data-testid="calibrate-options">
          <legend>Options (as salesim calibrate's)</legend>
          <label title="Fit only what the CRM knew at the end of that day: rows created later are dropped, deals decided later are taken as open"
            >As of <input type="date" aria-label="Calibrate as of (optional)" data-testid="calibrate-asof" .value=${this.options.asOf} @change=${(e: Event) => this.setOption({ asOf: (e.target as HTMLInputElement).value })}
          /></label>
          <label title="The window: every rate uses only deals created or decided in it"
            >Window from <input type="month" aria-label="Fit window from month (optional)" data-testid="calibrate-from" .value=${this.options.from} @change=${(e: Event) => this.setOption({ from: (e.target as HTMLInputElement).value })}
          /></label>
          <label>to <input type="month" aria-label="Fit window to month (optional)" data-testid="calibrate-to" .value=${this.options.to} @change=${(e: Event) => this.setOption({ to: (e.target as HTMLInputElement).value })} /></label>
          <label title="Point estimates only: no uncertainty block, so the fitted rates are taken as known"
            ><input type="checkbox" data-testid="calibrate-point" .checked=${this.options.point} @change=${(e: Event) => this.setOption({ point: (e.target as HTMLInputElement).checked })} /> Point estimates</label
          >
          <label title="A win-rate or deal-size trend over the window is always reported; this also writes it as the drift block (a past trend need not continue)"
            ><input type="checkbox" data-testid="calibrate-trend" .checked=${this.options.trend} @change=${(e: Event) => this.setOption({ trend: (e.target as HTMLInputElement).checked })} /> Extrapolate a trend</label
          >
          <label title="A YAML or JSON mapping of your export's columns, stages and date order (as salesim calibrate --map reads): columns: { owner, created, closed, stage, amount }, stages: { won: [..], lost: [..] }, dateOrder: mdy | dmy"
            >Column mapping (optional)
            <input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" aria-label="Column mapping (YAML or JSON, optional)" data-testid="calibrate-mapping" @change=${(e: Event) => this.readMapping((e.target as HTMLInputElement).files?.[0])} />
            ${this.options.mappingName ? html`<small data-testid="calibrate-mapping-name">${this.options.mappingName}</small>` : null}</label
          >
          <label title="Drop malformed rows (they are counted and listed in the report) instead of refusing the export"
            ><input type="checkbox" data-testid="calibrate-skip-invalid" .checked=${this.options.skipInvalid} @change=${(e: Event) => this.setOption({ skipInvalid: (e.target as HTMLInputElement).checked })} /> Skip malformed rows</label
          >
          ${this.csv ? html`<button data-testid="calibrate-refit" ?disabled=${this.fitting} @click=${() => this.upload(this.csv!)}>Fit again with these options</button>` : null}
        </fieldset>
        ${this.fitting ? html`<p role="status">Calibrating…</p>` : null}
        ${this.fitErrors.length
          ? html`<div class="error" role="alert" data-testid="calibrate-errors">
              The export could not be calibrated:
              <ul>
                ${this.fitErrors.map((m) => html`<li>${m}</li>`)}
              </ul>
            </div>`
          : null}
      </section>
      ${this.fit ? this.renderReport(this.fit) : null}
      ${this.fit?.demandReport ? html`<sim-leads-report .fit=${this.fit}></sim-leads-report>` : null}
      ${this.fit ? this.renderBacktest() : null}
      ${this.fit ? this.renderRolling() : null}
    </div>`;
  }
}
customElements.define('sim-calibrate', SimCalibrate);
