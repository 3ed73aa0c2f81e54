/**
 * The scenario editor: every block of the scenario format in collapsible sections (fields.ts), each
 * optional block with an on/off switch, list blocks with add/remove, and the server's 400 errors shown
 * next to the field they name (or listed at the top when no field shows that path).
 */
import { LitElement, html, css, type TemplateResult } from 'lit';
import { base } from '../theme.js';
import { getApp } from '../app.js';
import { StoreController } from '../store-controller.js';
import { SECTIONS, sectionForPath, sectionLists, type FieldSpec, type ListSpec, type SectionSpec } from '../fields.js';
import { getIn } from '../path.js';
import { ruleInUnits } from '../format.js';
import './sim-field.js';
import type { Distribution } from '../../../engine/index.js';

let uid = 0;
const nextId = () => `e${++uid}`;

export class SimEditor extends LitElement {
  static properties = { open: { state: true } };
  declare open: Set<string>;
  private state = new StoreController(this);
  private shown = new Set<string>();

  static styles = [
    base,
    css`
      :host {
        display: block;
      }
      details {
        border-bottom: 1px solid #e3e9ef;
      }
      summary {
        cursor: pointer;
        padding: 0.6rem 0.25rem;
        font-weight: 600;
        font-size: 0.9rem;
        display: flex;
        align-items: center;
        gap: 0.5rem;
        list-style: none;
      }
      summary::-webkit-details-marker {
        display: none;
      }
      summary::before {
        content: '▸';
        color: #5b6b7c;
        transition: transform 0.15s;
      }
      details[open] > summary::before {
        transform: rotate(90deg);
      }
      .badge {
        font-size: 0.68rem;
        font-weight: 600;
        border-radius: 999px;
        padding: 0.05rem 0.5rem;
        background: #e7edf4;
        color: #3d4d5e;
      }
      .badge.on {
        background: #dcfce7;
        color: #14532d;
      }
      .badge.err {
        background: #fee2e2;
        color: #991b1b;
      }
      .body {
        padding: 0 0.25rem 0.75rem 1.1rem;
      }
      .switch {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        font-size: 0.82rem;
        margin: 0.2rem 0 0.4rem;
      }
      .row {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        margin: 0.45rem 0;
        font-size: 0.82rem;
      }
      .row label {
        flex: 1;
        color: #2d3d4e;
      }
      .row input[type='text'] {
        width: 12rem;
      }
      .item {
        border: 1px solid #e3e9ef;
        border-radius: 8px;
        padding: 0.3rem 0.6rem 0.2rem;
        margin: 0.5rem 0;
        background: #fbfcfd;
      }
      .item-head {
        display: flex;
        align-items: center;
        font-size: 0.8rem;
        font-weight: 600;
        color: #3d4d5e;
      }
      .item-head span {
        flex: 1;
      }
      .sub {
        border-left: 3px solid #e3e9ef;
        padding-left: 0.6rem;
        margin: 0.6rem 0;
      }
      .sub-title {
        font-size: 0.82rem;
        font-weight: 600;
      }
      .help {
        font-size: 0.75rem;
        color: #4f5f70;
        margin: 0.1rem 0 0.4rem;
      }
      .errors {
        background: #fff5f5;
        border: 1px solid #fecaca;
        color: #991b1b;
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
        font-size: 0.8rem;
        margin-bottom: 0.5rem;
      }
      .errors ul {
        margin: 0.25rem 0 0;
        padding-left: 1.1rem;
      }
      .field-error {
        color: #b91c1c;
        font-size: 0.78rem;
      }
      button.small {
        font-size: 0.75rem;
        padding: 0.15rem 0.5rem;
      }
      .hint {
        font-size: 0.75rem;
        color: #4f5f70;
        margin: 0.1rem 0 0.4rem;
      }
      .months {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(4.2rem, 1fr));
        gap: 0.3rem;
      }
      .month {
        display: grid;
        font-size: 0.72rem;
        gap: 0.1rem;
      }
      .month input {
        width: 100%;
        min-width: 0;
        box-sizing: border-box;
      }
    `,
  ];

  constructor() {
    super();
    this.open = new Set(['general', 'reps']);
  }

  private errorFor(path: string): string {
    this.shown.add(path);
    const e = this.state.value.errors.find((x) => x.path === path);
    return e ? e.rule || e.message : '';
  }

  private set(path: string, value: unknown) {
    getApp().setField(path, value);
  }

  /** Whether a field or sub-block applies given a sibling field's value (e.g. the multiple only under a global policy). */
  private applies(when: { key: string; in: string[] } | undefined, prefix: string): boolean {
    return !when || when.in.includes(String(getIn(this.state.value.scenario, prefix + when.key) ?? ''));
  }

  private renderField(f: FieldSpec, prefix: string): TemplateResult | null {
    if (!this.applies(f.when, prefix)) return null;
    const path = prefix + f.key;
    const value = getIn(this.state.value.scenario, path);
    // the server's rule is about the stored value; say it in the box's units (a % box: "between 0% and 100%")
    const err = ruleInUnits(this.errorFor(path), f.unit);
    switch (f.kind) {
      case 'number':
        return html`<sim-field
          data-path=${path}
          .path=${path}
          .label=${f.label}
          .unit=${f.unit ?? 'none'}
          .min=${f.min ?? 0}
          .max=${f.max ?? 100}
          .step=${f.step ?? 1}
          .value=${value as number | null}
          .uncertainParams=${(this.state.value.scenario.uncertainty as { parameters?: { path: string; distribution: Distribution }[] } | undefined)?.parameters ?? null}
          .error=${err}
          .help=${f.help ?? ''}
          .nullLabel=${f.nullable?.label ?? ''}
          .nullDefault=${(f.nullable?.default as number) ?? null}
        ></sim-field>`;
      case 'text': {
        const id = nextId();
        return html`<div class="row">
            <label for=${id}>${f.label}</label>
            <input id=${id} type="text" .value=${String(value ?? '')} @change=${(e: Event) => this.set(path, (e.target as HTMLInputElement).value)} />
          </div>
          ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}`;
      }
      case 'select': {
        const id = nextId();
        // a nullable select offers null; a value the form cannot edit (an object set in the file) shows as such
        const custom = value !== null && typeof value === 'object';
        const v = custom ? 'custom' : value === null && f.nullable ? 'null' : String(value ?? f.options?.[0] ?? '');
        const pick = (x: string) => this.set(path, x === 'null' && f.nullable ? null : x);
        return html`<div class="row">
            <label for=${id}>${f.label}</label>
            <select id=${id} @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}>
              ${f.nullable ? html`<option value="null" ?selected=${v === 'null'}>${f.nullable.label}</option>` : null}
              ${custom ? html`<option value="custom" selected disabled>as set in the file</option>` : null}
              ${f.options?.map((o) => html`<option value=${o} ?selected=${o === v}>${o}</option>`)}
            </select>
          </div>
          ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}`;
      }
      case 'territory': {
        // hiring-plan seats go to a named territory; absent = the first one
        const names = ((this.state.value.scenario.territories as { name: string }[] | undefined) ?? []).map((t) => t.name);
        if (names.length === 0) return null;
        const id = nextId();
        const v = typeof value === 'string' ? value : '';
        return html`<div class="row">
            <label for=${id}>${f.label}</label>
            <select id=${id} @change=${(e: Event) => this.set(path, (e.target as HTMLSelectElement).value || undefined)}>
              <option value="" ?selected=${v === ''}>first (${names[0]})</option>
              ${names.map((n) => html`<option value=${n} ?selected=${n === v}>${n}</option>`)}
              ${v && !names.includes(v) ? html`<option value=${v} selected>${v} (unknown)</option>` : null}
            </select>
          </div>
          ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}`;
      }
      case 'bool': {
        const id = nextId();
        return html`<div class="row">
          <label for=${id}>${f.label}</label>
          <input id=${id} type="checkbox" .checked=${value !== false} @change=${(e: Event) => this.set(path, (e.target as HTMLInputElement).checked)} />
        </div>`;
      }
      case 'winRate':
        return this.renderWinRate(f, path, value, err);
      case 'dealSize':
        if (value && typeof value === 'object' && Array.isArray((value as { empirical?: unknown }).empirical)) {
          // won amounts as they are (a calibrated scenario): shown, not edited; the select replaces them
          const amounts = (value as { empirical: number[] }).empirical;
          const id = nextId();
          return html`<div class="sub">
            <div class="row">
              <label for=${id} class="sub-title">${f.label}</label>
              <select id=${id} @change=${(e: Event) => this.set(path, (e.target as HTMLSelectElement).value === 'fixed' ? 25000 : { median: 25000, sigma: 0.8 })}>
                <option value="empirical" selected>empirical</option>
                <option value="fixed">fixed</option>
                <option value="lognormal">lognormal</option>
              </select>
            </div>
            <p class="hint" data-testid="deal-empirical">${amounts.length.toLocaleString('en-US')} won amounts as they are (the calibration's empirical deal sizes)</p>
            ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}
          </div>`;
        }
        return this.renderShape(f, path, value, err, 'lognormal', { median: 25000, sigma: 0.8 }, 25000, [
          { key: 'median', label: 'Median deal', kind: 'number', unit: 'usd', min: 1000, max: 500_000, step: 1000 },
          { key: 'sigma', label: 'Deal-size spread (σ)', kind: 'number', unit: 'none', min: 0, max: 2, step: 0.05 },
        ], { key: '', label: 'Deal size', kind: 'number', unit: 'usd', min: 1000, max: 500_000, step: 1000 });
      case 'month': {
        // a calendar month YYYY-MM, or null (the nullable label says what null means)
        const id = nextId();
        return html`<div class="row">
            <label for=${id}>${f.label}</label>
            <input id=${id} type="month" placeholder=${f.nullable?.label ?? ''} .value=${typeof value === 'string' ? value : ''} @change=${(e: Event) => this.set(path, (e.target as HTMLInputElement).value || null)} />
          </div>
          ${f.nullable && !value ? html`<p class="hint">empty: ${f.nullable.label}</p>` : null}
          ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}`;
      }
      case 'seasonality':
        return this.renderSeasonality(f, path, value, err);
      case 'leads':
        return this.renderNullableShape(f, path, value, err, 'from the budget', 500, { mean: 500, sd: 100 }, [
          { key: 'mean', label: 'Mean leads / month', kind: 'number', unit: 'count', min: 0, max: 20_000, step: 10 },
          { key: 'sd', label: 'Month-to-month sd', kind: 'number', unit: 'count', min: 0, max: 10_000, step: 10 },
        ], { key: '', label: 'Leads / month', kind: 'number', unit: 'count', min: 0, max: 20_000, step: 10 });
      case 'initialBase':
        return this.renderInitialBase(f, path, value, err);
      case 'arr':
        return this.renderShape(f, path, value, err, 'lognormal', { median: 30000, sigma: 0.6 }, 30000, [
          { key: 'median', label: 'Median ARR / customer', kind: 'number', unit: 'usd', min: 1000, max: 500_000, step: 1000 },
          { key: 'sigma', label: 'ARR spread (σ)', kind: 'number', unit: 'none', min: 0, max: 2, step: 0.05 },
        ], { key: '', label: 'ARR / customer', kind: 'number', unit: 'usd', min: 1000, max: 500_000, step: 1000 });
      case 'routing':
        return this.renderRouting(f, path, value, err);
      case 'timeToFill':
        return this.renderShape(f, path, value, err, 'random', { mean: 3, sd: 1 }, 2, [
          { key: 'mean', label: 'Mean time to fill', kind: 'number', unit: 'months', min: 0, max: 12, step: 0.5 },
          { key: 'sd', label: 'Spread (sd)', kind: 'number', unit: 'months', min: 0, max: 6, step: 0.5 },
        ], { key: '', label: 'Time to fill', kind: 'number', unit: 'months', min: 0, max: 12, step: 0.5 });
    }
  }

  /** A field that may be null, a number, or an object form (leads a month: from the budget, fixed, varying). */
  private renderNullableShape(f: FieldSpec, path: string, value: unknown, err: string, nullLabel: string, scalarDefault: number, objDefault: object, objFields: FieldSpec[], scalarField: FieldSpec) {
    const mode = value === null || value === undefined ? 'null' : typeof value === 'object' ? 'varying' : 'fixed';
    const id = nextId();
    return html`<div class="sub">
      <div class="row">
        <label for=${id} class="sub-title">${f.label}</label>
        <select id=${id} @change=${(e: Event) => {
          const m = (e.target as HTMLSelectElement).value;
          this.set(path, m === 'null' ? null : m === 'fixed' ? scalarDefault : objDefault);
        }}>
          <option value="null" ?selected=${mode === 'null'}>${nullLabel}</option>
          <option value="fixed" ?selected=${mode === 'fixed'}>fixed</option>
          <option value="varying" ?selected=${mode === 'varying'}>varying ({ mean, sd })</option>
        </select>
      </div>
      ${f.help ? html`<p class="hint">${f.help}</p>` : null}
      ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}
      ${mode === 'varying' ? objFields.map((x) => this.renderField(x, path + '.')) : mode === 'fixed' ? this.renderField({ ...scalarField, key: '' }, path) : null}
    </div>`;
  }

  /** Twelve month-of-year multipliers; their average is shown, and one click scales them to average 1. */
  private renderSeasonality(f: FieldSpec, path: string, value: unknown, err: string) {
    const m = Array.isArray(value) && value.length === 12 ? (value as number[]) : Array.from({ length: 12 }, () => 1);
    const mean = m.reduce((a, b) => a + b, 0) / 12;
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return html`<div class="sub" data-testid="seasonality">
      <div class="sub-title">${f.label}</div>
      <div class="months">
        ${m.map(
          (x, i) => html`<label class="month"
            >${names[i]}<input type="number" step="0.01" min="0.01" aria-label="${f.label}: ${names[i]}" .value=${String(x)} @change=${(e: Event) => {
              const v = Number((e.target as HTMLInputElement).value);
              if (Number.isFinite(v)) this.set(path, m.map((y, j) => (j === i ? v : y)));
            }}
          /></label>`,
        )}
      </div>
      <p class="hint">Average ${mean.toFixed(4)} (must be 1)
        ${Math.abs(mean - 1) > 1e-3 ? html`<button class="small" @click=${() => this.set(path, m.map((x) => Math.round((x / mean) * 1e6) / 1e6))}>Scale to average 1</button>` : null}</p>
      ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}
    </div>`;
  }

  /** The customer base at the start: none, the steady state, or a given count with their ARR. */
  private renderInitialBase(f: FieldSpec, path: string, value: unknown, err: string) {
    const mode = value === null || value === undefined ? 'none' : value === 'steady-state' ? 'steady-state' : 'given';
    const id = nextId();
    return html`<div class="sub">
      <div class="row">
        <label for=${id} class="sub-title">${f.label}</label>
        <select id=${id} @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.set(path, v === 'none' ? null : v === 'steady-state' ? 'steady-state' : { count: 100, arr: 30000 });
        }}>
          <option value="none" ?selected=${mode === 'none'}>none</option>
          <option value="steady-state" ?selected=${mode === 'steady-state'}>steady-state</option>
          <option value="given" ?selected=${mode === 'given'}>given count and ARR</option>
        </select>
      </div>
      ${f.help ? html`<p class="hint">${f.help}</p>` : null}
      ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}
      ${mode === 'given'
        ? html`${this.renderField({ key: 'count', label: 'Customers at the start', kind: 'number', unit: 'count', min: 0, max: 5000, step: 1 }, path + '.')}
          ${this.renderField({ key: 'arr', label: 'ARR per customer', kind: 'arr' }, path + '.')}`
        : null}
    </div>`;
  }

  /** Demand routing: by seats, by potential, or a share per territory (adding to 100%). */
  private renderRouting(f: FieldSpec, path: string, value: unknown, err: string) {
    const names = ((this.state.value.scenario.territories as { name: string }[] | undefined) ?? []).map((t) => t.name);
    const mode = Array.isArray(value) ? 'shares' : String(value ?? 'seats');
    const shares = Array.isArray(value) ? (value as { territory: string; share: number }[]) : [];
    const id = nextId();
    return html`<div class="sub">
      <div class="row">
        <label for=${id} class="sub-title">${f.label}</label>
        <select id=${id} @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.set(path, v === 'shares' ? names.map((territory) => ({ territory, share: Math.round(1e6 / names.length) / 1e6 })) : v);
        }}>
          <option value="seats" ?selected=${mode === 'seats'}>seats</option>
          <option value="potential" ?selected=${mode === 'potential'}>potential</option>
          <option value="shares" ?selected=${mode === 'shares'} ?disabled=${names.length === 0}>shares${names.length ? '' : ' (list territories first)'}</option>
        </select>
      </div>
      ${f.help ? html`<p class="hint">${f.help}</p>` : null}
      ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}
      ${shares.map((r, i) => this.renderField({ key: 'share', label: `Share to ${r.territory}`, kind: 'number', unit: 'pct', min: 0, max: 1, step: 0.01 }, `${path}[${i}].`))}
    </div>`;
  }

  /** A field that is either a scalar or an object form (deal size, time to fill). */
  private renderShape(f: FieldSpec, path: string, value: unknown, err: string, objName: string, objDefault: object, scalarDefault: number, objFields: FieldSpec[], scalarField: FieldSpec) {
    const isObj = value !== null && typeof value === 'object';
    const id = nextId();
    return html`<div class="sub">
      <div class="row">
        <label for=${id} class="sub-title">${f.label}</label>
        <select id=${id} @change=${(e: Event) => this.set(path, (e.target as HTMLSelectElement).value === 'fixed' ? scalarDefault : objDefault)}>
          <option value="fixed" ?selected=${!isObj}>fixed</option>
          <option value=${objName} ?selected=${isObj}>${objName}</option>
        </select>
      </div>
      ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}
      ${isObj ? objFields.map((x) => this.renderField(x, path + '.')) : this.renderField({ ...scalarField, key: '' }, path)}
    </div>`;
  }

  private renderWinRate(f: FieldSpec, path: string, value: unknown, err: string) {
    const id = nextId();
    if (f.nullable && (value === null || value === undefined)) {
      return html`<div class="row">
        <label for=${id}>${f.label}</label>
        <select id=${id} @change=${(e: Event) => this.set(path, (e.target as HTMLSelectElement).value === 'null' ? null : f.nullable!.default)}>
          <option value="null" selected>${f.nullable.label}</option>
          <option value="beta">Beta (mean, concentration)</option>
        </select>
      </div>`;
    }
    const mode = typeof value === 'number' ? 'fixed' : value && typeof value === 'object' && 'tiers' in value ? 'tiers' : 'beta';
    const tiers = mode === 'tiers' ? ((value as { tiers: unknown[] }).tiers ?? []) : [];
    const choose = (m: string) => {
      if (m === 'null') return this.set(path, null);
      if (m === 'fixed') return this.set(path, 0.25);
      if (m === 'beta') return this.set(path, { mean: 0.25, concentration: 8 });
      this.set(path, { tiers: [{ share: 0.2, mean: 0.4 }, { share: 0.8, mean: 0.1 }] });
    };
    return html`<div class="sub">
      <div class="row">
        <label for=${id} class="sub-title">${f.label}</label>
        <select id=${id} @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
          ${f.nullable ? html`<option value="null">${f.nullable.label}</option>` : null}
          <option value="fixed" ?selected=${mode === 'fixed'}>same for everyone</option>
          <option value="beta" ?selected=${mode === 'beta'}>Beta (mean, concentration)</option>
          <option value="tiers" ?selected=${mode === 'tiers'}>tiers</option>
        </select>
      </div>
      ${err ? html`<div class="field-error" role="alert">${err}</div>` : null}
      ${mode === 'fixed' ? this.renderField({ key: '', label: 'Win rate', kind: 'number', unit: 'pct', min: 0, max: 1, step: 0.01 }, path) : null}
      ${mode === 'beta'
        ? html`${this.renderField({ key: 'mean', label: 'Mean win rate', kind: 'number', unit: 'pct', min: 0, max: 1, step: 0.01 }, path + '.')}
          ${this.renderField({ key: 'concentration', label: 'Concentration (higher = more alike)', kind: 'number', unit: 'none', min: 0.5, max: 100, step: 0.5 }, path + '.')}`
        : null}
      ${mode === 'tiers'
        ? html`${this.errorFor(path + '.tiers') ? html`<div class="field-error" role="alert">${this.errorFor(path + '.tiers')}</div>` : null}
          ${tiers.map(
            (_t, i) => html`<div class="item">
              <div class="item-head"><span>Tier ${i + 1}</span>
                <button class="small" aria-label="Remove tier ${i + 1}" ?disabled=${tiers.length <= 1} @click=${() => this.set(`${path}.tiers`, tiers.filter((_, j) => j !== i))}>Remove</button>
              </div>
              ${this.renderField({ key: 'share', label: 'Share of reps', kind: 'number', unit: 'pct', min: 0, max: 1, step: 0.05 }, `${path}.tiers[${i}].`)}
              ${this.renderField({ key: 'mean', label: 'Win rate', kind: 'number', unit: 'pct', min: 0, max: 1, step: 0.01 }, `${path}.tiers[${i}].`)}
              ${this.renderField({ key: 'concentration', label: 'Concentration', kind: 'number', unit: 'none', min: 0.5, max: 100, step: 0.5, nullable: { label: 'every rep exactly the mean', default: 8 } }, `${path}.tiers[${i}].`)}
            </div>`,
          )}
          <button class="small" @click=${() => this.set(`${path}.tiers`, [...tiers, { share: 0, mean: 0.2 }])}>Add tier</button>`
        : null}
    </div>`;
  }

  private renderList(l: ListSpec, prefix: string) {
    const listPath = prefix + l.key;
    const items = (getIn(this.state.value.scenario, listPath) as unknown[] | undefined) ?? [];
    const listErr = this.errorFor(listPath);
    const remove = (i: number) => {
      const next = items.filter((_, j) => j !== i);
      if (l.key === 'territories' && next.length === 0) {
        const seats = (items as { seats?: number }[]).reduce((a, t) => a + (t.seats ?? 0), 0);
        const scenario = { ...this.state.value.scenario, reps: { ...(this.state.value.scenario.reps as object), seats } };
        delete (scenario as Record<string, unknown>).territories;
        getApp().replaceScenario(scenario);
      } else this.set(listPath, next);
    };
    const add = () => {
      if (l.key === 'territories' && items.length === 0) {
        const reps = { ...(this.state.value.scenario.reps as Record<string, unknown>) };
        const seats = typeof reps.seats === 'number' ? reps.seats : 10;
        delete reps.seats;
        getApp().replaceScenario({ ...this.state.value.scenario, reps, territories: [{ name: 'Territory 1', seats, potential: null }] });
      } else {
        const last = items[items.length - 1] as Record<string, unknown> | undefined;
        const item = last && l.itemAfter ? l.itemAfter(last) : { ...l.itemDefaults, ...(l.key === 'territories' ? { name: `Territory ${items.length + 1}` } : {}) };
        this.set(listPath, [...items, item]);
      }
    };
    return html`
      ${listErr ? html`<div class="field-error" role="alert">${listErr}</div>` : null}
      ${items.map(
        (_it, i) => html`<div class="item">
          <div class="item-head">
            <span>${l.itemTitle} ${i + 1}</span>
            <button class="small" aria-label="Remove ${l.itemTitle.toLowerCase()} ${i + 1}" @click=${() => remove(i)}>Remove</button>
          </div>
          ${l.fields.map((f) => this.renderField(f, `${listPath}[${i}].`))}
        </div>`,
      )}
      <button class="small" ?disabled=${items.length >= (l.max ?? 99)} @click=${add}>Add ${l.itemTitle.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())}</button>
    `;
  }

  /** Switches a block on (at its defaults, with the blocks it requires that are off) or off. */
  private switchBlock(s: SectionSpec, on: boolean) {
    if (!on) return this.set(s.block!, undefined);
    const sc = this.state.value.scenario as Record<string, unknown>;
    const missing = (s.requires ?? []).filter((b) => sc[b] === undefined || sc[b] === null);
    if (!missing.length) return this.set(s.block!, structuredClone(s.defaults));
    const next: Record<string, unknown> = { ...sc };
    for (const b of missing) next[b] = structuredClone(SECTIONS.find((x) => x.block === b)?.defaults);
    next[s.block!] = structuredClone(s.defaults);
    getApp().replaceScenario(next as typeof this.state.value.scenario);
  }

  private renderSection(s: SectionSpec) {
    const sc = this.state.value.scenario;
    const errors = this.state.value.errors.filter((e) => sectionForPath(e.path) === s.id);
    const present = s.block ? sc[s.block] !== undefined && sc[s.block] !== null : true;
    const prefix = s.block ? `${s.block}.` : '';
    const isOpen = this.open.has(s.id) || errors.length > 0;
    const hasTerritories = Array.isArray(sc.territories) && sc.territories.length > 0;
    const toggle = (e: Event) => {
      const open = (e.target as HTMLDetailsElement).open;
      if (open === this.open.has(s.id)) return;
      const next = new Set(this.open);
      if (open) next.add(s.id);
      else next.delete(s.id);
      this.open = next;
    };
    const switchId = nextId();
    let badge: TemplateResult | null = null;
    if (errors.length) badge = html`<span class="badge err">${errors.length} error${errors.length > 1 ? 's' : ''}</span>`;
    else if (s.block) badge = html`<span class="badge ${present ? 'on' : ''}">${present ? 'on' : 'off'}</span>`;
    else if (s.list && s.id !== 'hiring') {
      const n = ((sc[s.list.key] as unknown[] | undefined) ?? []).length;
      badge = html`<span class="badge ${n ? 'on' : ''}">${n || 'none'}</span>`;
    }
    return html`<details ?open=${isOpen} @toggle=${toggle} data-section=${s.id}>
      <summary>${s.title} ${badge}</summary>
      <div class="body">
        ${s.help ? html`<p class="help">${s.help}</p>` : null}
        ${s.block
          ? html`<div class="switch">
              <input id=${switchId} type="checkbox" .checked=${present} @change=${(e: Event) => this.switchBlock(s, (e.target as HTMLInputElement).checked)} />
              <label for=${switchId}>Model ${s.title.toLowerCase()}</label>
            </div>`
          : null}
        ${present
          ? html`
              ${s.fields.filter((f) => !(f.key === 'reps.seats' && hasTerritories)).map((f) => this.renderField(f, prefix))}
              ${s.subBlocks?.map((b) => {
                const bp = `${prefix}${b.key}`;
                // a sub-block that does not apply stays hidden unless it is on (its error then shows where it can be switched off)
                if (!this.applies(b.when, prefix) && (getIn(sc, bp) === null || getIn(sc, bp) === undefined)) return null;
                const on = getIn(sc, bp) !== null && getIn(sc, bp) !== undefined;
                const id = nextId();
                return html`<div class="sub">
                  <div class="switch">
                    <input id=${id} type="checkbox" .checked=${on} @change=${(e: Event) => this.set(bp, (e.target as HTMLInputElement).checked ? structuredClone(b.defaults) : b.optional ? undefined : null)} />
                    <label for=${id} class="sub-title">${b.title}</label>
                  </div>
                  ${on ? b.fields.map((f) => this.renderField(f, bp + '.')) : null}
                </div>`;
              })}
              ${s.list ? html`${s.block ? html`<div class="sub-title">${s.id === 'hiring' ? 'Hiring plan (extra seats)' : `${s.list.itemTitle}s`}</div>` : null}${this.renderList(s.list, prefix)}` : null}
              ${s.lists?.map((l) => html`<div class="sub-title">${l.itemTitle}s</div>${this.renderList(l, prefix)}`)}
            `
          : null}
      </div>
    </details>`;
  }

  render() {
    this.shown = new Set();
    const sections = SECTIONS.map((s) => this.renderSection(s));
    const unplaced = this.state.value.errors.filter((e) => !e.path || !this.shown.has(e.path));
    return html`
      ${unplaced.length
        ? html`<div class="errors" role="alert">
            <strong>The engine rejected this scenario:</strong>
            <ul>
              ${unplaced.map((e) => html`<li>${e.message}</li>`)}
            </ul>
          </div>`
        : null}
      ${sections}
    `;
  }
}
customElements.define('sim-editor', SimEditor);
