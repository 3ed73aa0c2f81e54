/**
 * One numeric scenario field: a labelled slider and number box kept in step, the unit shown, an
 * optional "null" toggle (e.g. unlimited potential), and the server's error for this path inline.
 * Emits `field-change` with `{ path, value }` (stored units: shares in [0, 1], not percent).
 *
 * A field can be uncertain: the "fixed / uniform / triangular / PERT / normal / lognormal / beta" select
 * switches it between a number and a distribution, drawn once per trial by the engine. An uncertain
 * field is marked and shows its distribution's parameters, not a number. Its value is written in place
 * (`{ pert: [lo, mode, hi] }`, the scenario format's own syntax); a field the scenario lists in
 * `uncertainty.parameters` (the server's resolved form) is taken out of that list first, so every edit
 * changes what runs (the engine refuses a field given both ways).
 */
import { LitElement, html, css, nothing } from 'lit';
import type { Distribution } from '../../../engine/index.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { base } from '../theme.js';
import { fromDisplay, toDisplay, UNIT_LABEL, type Unit } from '../format.js';

let uid = 0;

export class SimField extends LitElement {
  static properties = {
    path: { type: String },
    label: { type: String },
    unit: { type: String },
    min: { type: Number },
    max: { type: Number },
    step: { type: Number },
    value: { attribute: false },
    error: { type: String },
    nullLabel: { type: String, attribute: 'null-label' },
    nullDefault: { attribute: false },
    help: { type: String },
    uncertainParams: { attribute: false },
  };
  declare path: string;
  declare label: string;
  declare unit: Unit;
  declare min: number;
  declare max: number;
  declare step: number;
  declare value: number | null | undefined;
  declare error: string;
  declare nullLabel: string;
  declare nullDefault: number | null;
  declare help: string;
  /** the scenario's `uncertainty.parameters` (its resolved form lists uncertain fields there), or null */
  declare uncertainParams: { path: string; distribution: Distribution }[] | null;
  private readonly fid = `f${++uid}`;

  static styles = [
    base,
    css`
      :host {
        display: block;
        margin: 0.45rem 0 0.6rem;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.5rem;
      }
      label.name {
        flex: 1 1 6rem;
        min-width: 0;
        font-size: 0.82rem;
        color: #2d3d4e;
      }
      .box {
        margin-left: auto;
        display: flex;
        align-items: center;
        gap: 0.25rem;
      }
      input[type='number'] {
        width: 6.6rem;
        text-align: right;
      }
      .unit {
        font-size: 0.75rem;
        color: #4f5f70;
        min-width: 2.7rem;
      }
      input[type='range'] {
        width: 100%;
        margin: 0.2rem 0 0;
        accent-color: #1d4f91;
      }
      .null {
        font-size: 0.75rem;
        color: #4f5f70;
        display: flex;
        align-items: center;
        gap: 0.25rem;
      }
      .error {
        color: #b91c1c;
        font-size: 0.78rem;
        margin-top: 0.15rem;
      }
      :host([invalid]) input[type='number'] {
        border-color: #b91c1c;
        background: #fff5f5;
      }
      .help {
        font-size: 0.72rem;
        color: #5b6b7c;
      }
      select.kind {
        font-size: 0.72rem;
        width: 4.9rem;
        padding-left: 0.15rem;
        padding-right: 0.1rem;
      }
      .row2 {
        display: flex;
        align-items: center;
        gap: 0.4rem;
      }
      .row2 input[type='range'] {
        flex: 1;
        min-width: 0;
      }
      .row2 .dist {
        flex: 1;
      }
      .uncertain {
        font-size: 0.68rem;
        font-weight: 600;
        border-radius: 999px;
        padding: 0.05rem 0.45rem;
        background: #fdf0d5;
        color: #7a4b00;
      }
      .dist {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 0.6rem;
        margin-top: 0.25rem;
      }
      .param {
        display: flex;
        align-items: center;
        gap: 0.25rem;
        font-size: 0.75rem;
        color: #4f5f70;
      }
      .param input {
        width: 5.2rem;
        text-align: right;
      }
    `,
  ];

  constructor() {
    super();
    this.path = '';
    this.label = '';
    this.unit = 'none';
    this.min = 0;
    this.max = 100;
    this.step = 1;
    this.value = null;
    this.error = '';
    this.nullLabel = '';
    this.nullDefault = null;
    this.help = '';
    this.uncertainParams = null;
  }

  /** The field's distribution: written in place, or listed in uncertainty.parameters; null when fixed. */
  get distribution(): Distribution | null {
    if (isDistribution(this.value)) return this.value as unknown as Distribution;
    return this.uncertainParams?.find((p) => p.path === this.path)?.distribution ?? null;
  }

  /** The field's central value: the number, or the distribution's centre (its mode, mean or median). */
  private centre(): number {
    const d = this.distribution;
    if (!d) return typeof this.value === 'number' ? this.value : (this.nullDefault ?? this.min);
    if (typeof this.value === 'number') return this.value; // the resolved form holds the median in place
    return distributionCentre(d);
  }

  /** Writes a distribution (or, with null, the number `fixed`) and takes the field out of uncertainty.parameters when listed. */
  private emitDistribution(d: Distribution | null, fixed?: number) {
    const listed = this.uncertainParams?.some((p) => p.path === this.path);
    if (listed)
      this.dispatchEvent(
        new CustomEvent('field-change', { detail: { path: 'uncertainty.parameters', value: this.uncertainParams!.filter((p) => p.path !== this.path) }, bubbles: true, composed: true }),
      );
    this.dispatchEvent(new CustomEvent('field-change', { detail: { path: this.path, value: d ?? fixed }, bubbles: true, composed: true }));
  }

  private onKind(e: Event) {
    const kind = (e.target as HTMLSelectElement).value as Kind | 'fixed';
    const c = this.centre();
    if (kind === 'fixed') return this.emitDistribution(null, c);
    this.emitDistribution(defaultDistribution(kind, c, this.min, this.max));
  }

  private onParam(i: number, e: Event) {
    const raw = (e.target as HTMLInputElement).value;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) return;
    const d = this.distribution!;
    const kind = kindOf(d);
    const scaled = PARAMS[kind][i].scaled ? fromDisplay(n, this.unit) : n;
    this.emitDistribution(withParam(d, i, scaled));
  }

  private renderDistribution(d: Distribution) {
    const kind = kindOf(d);
    const values = paramsOf(d);
    const unit = UNIT_LABEL[this.unit];
    return html`<div class="dist" data-testid="distribution">
      ${PARAMS[kind].map(
        (p, i) => html`<label class="param"
          >${p.label}
          <input
            type="number"
            aria-label="${this.label}: ${p.label}"
            .value=${String(+(p.scaled ? toDisplay(values[i], this.unit) : values[i]).toPrecision(6))}
            step="any"
            @change=${(e: Event) => this.onParam(i, e)}
          />${p.scaled && unit ? html`<span class="unit" aria-hidden="true">${unit}</span>` : nothing}</label
        >`,
      )}
    </div>`;
  }

  updated() {
    this.toggleAttribute('invalid', !!this.error);
  }

  /** `preview`: a slider drag, which the app answers with a quick small run first */
  private emit(value: number | null, preview = false) {
    this.dispatchEvent(new CustomEvent('field-change', { detail: { path: this.path, value, ...(preview ? { preview } : {}) }, bubbles: true, composed: true }));
  }

  private onNumber(e: Event) {
    const raw = (e.target as HTMLInputElement).value;
    if (raw.trim() === '') return;
    const n = Number(raw);
    if (Number.isFinite(n)) this.emit(fromDisplay(n, this.unit));
  }

  private onRange(e: Event) {
    this.emit(fromDisplay(Number((e.target as HTMLInputElement).value), this.unit), true);
  }

  render() {
    const dist = this.distribution;
    const isNull = !dist && (this.value === null || this.value === undefined);
    const shown = isNull || dist ? null : toDisplay(this.value as number, this.unit);
    const dMin = toDisplay(this.min, this.unit);
    const dMax = toDisplay(this.max, this.unit);
    const dStep = this.unit === 'pct' ? this.step * 100 : this.step;
    const unit = UNIT_LABEL[this.unit];
    const errId = `${this.fid}-err`;
    const desc = this.error ? errId : undefined;
    return html`
      <div class="top">
        <label class="name" for=${dist ? `${this.fid}-kind` : this.fid}>${this.label}</label>
        ${this.nullLabel
          ? html`<label class="null"
              ><input
                type="checkbox"
                .checked=${isNull}
                @change=${(e: Event) => this.emit((e.target as HTMLInputElement).checked ? null : (this.nullDefault ?? this.min))}
              />${this.nullLabel}</label
            >`
          : null}
        ${dist ? html`<span class="uncertain" data-testid="uncertain" title="drawn once per trial">uncertain</span>` : nothing}
        ${dist
          ? nothing
          : html`<span class="box">
          <input
            id=${this.fid}
            type="number"
            .value=${shown === null ? '' : String(shown)}
            step=${dStep}
            ?disabled=${isNull}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${ifDefined(desc)}
            @change=${this.onNumber}
          />
          <span class="unit" aria-hidden="true">${unit}</span>
        </span>`}
      </div>
      <div class="row2">
      ${dist
        ? this.renderDistribution(dist)
        : html`<input
        type="range"
        aria-label="${this.label}${unit ? ` (${unit})` : ''} slider"
        min=${dMin}
        max=${dMax}
        step=${dStep}
        .value=${shown === null ? String(dMin) : String(Math.min(dMax, Math.max(dMin, shown)))}
        ?disabled=${isNull}
        @input=${this.onRange}
      />`}
      ${FIXED_FIELDS.has(this.path)
          ? nothing
          : html`<select id="${this.fid}-kind" class="kind" aria-label="${this.label}: fixed or a distribution" data-testid="kind" ?disabled=${isNull} @change=${this.onKind}>
              ${(['fixed', ...KINDS] as const).map((k) => html`<option value=${k} ?selected=${(dist ? kindOf(dist) : 'fixed') === k}>${KIND_LABEL[k]}</option>`)}
            </select>`}
      </div>
      ${this.help ? html`<div class="help">${this.help}</div>` : null}
      ${this.error ? html`<div class="error" id=${errId} role="alert">${this.error}</div>` : null}
    `;
  }
}
customElements.define('sim-field', SimField);

/** Fields that shape the run, not the model: never uncertain (the engine refuses them). */
const FIXED_FIELDS = new Set(['horizonMonths', 'trials', 'seed']);

type Kind = 'uniform' | 'triangular' | 'pert' | 'normal' | 'lognormal' | 'beta';
const KINDS: readonly Kind[] = ['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'beta'];
const KIND_LABEL: Record<Kind | 'fixed', string> = { fixed: 'fixed', uniform: 'uniform', triangular: 'triangular', pert: 'PERT', normal: 'normal', lognormal: 'lognormal', beta: 'beta' };
/** Each distribution's parameters, in order; `scaled`: in the field's units (a % field shows 30 for 0.3). */
const PARAMS: Record<Kind, { label: string; scaled: boolean }[]> = {
  uniform: [
    { label: 'low', scaled: true },
    { label: 'high', scaled: true },
  ],
  triangular: [
    { label: 'low', scaled: true },
    { label: 'mode', scaled: true },
    { label: 'high', scaled: true },
  ],
  pert: [
    { label: 'low', scaled: true },
    { label: 'mode', scaled: true },
    { label: 'high', scaled: true },
  ],
  normal: [
    { label: 'mean', scaled: true },
    { label: 'sd', scaled: true },
  ],
  lognormal: [
    { label: 'median', scaled: true },
    { label: 'sigma', scaled: false },
  ],
  beta: [
    { label: 'mean', scaled: true },
    { label: 'concentration', scaled: false },
  ],
};

/**
 * Whether a value is a distribution object (one key naming a distribution).
 * @example isDistribution({ pert: [1, 2, 3] }) // true
 */
export function isDistribution(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const k = Object.keys(v);
  return k.length === 1 && (KINDS as readonly string[]).includes(k[0]);
}

function kindOf(d: Distribution): Kind {
  return Object.keys(d)[0] as Kind;
}

function paramsOf(d: Distribution): number[] {
  if ('uniform' in d) return [...d.uniform];
  if ('triangular' in d) return [...d.triangular];
  if ('pert' in d) return [...d.pert];
  if ('normal' in d) return [d.normal.mean, d.normal.sd];
  if ('lognormal' in d) return [d.lognormal.median, d.lognormal.sigma];
  return [d.beta.mean, d.beta.concentration];
}

function withParam(d: Distribution, i: number, v: number): Distribution {
  const p = paramsOf(d);
  p[i] = v;
  const kind = kindOf(d);
  if (kind === 'uniform') return { uniform: [p[0], p[1]] };
  if (kind === 'triangular') return { triangular: [p[0], p[1], p[2]] };
  if (kind === 'pert') return { pert: [p[0], p[1], p[2]] };
  if (kind === 'normal') return { normal: { mean: p[0], sd: p[1] } };
  if (kind === 'lognormal') return { lognormal: { median: p[0], sigma: p[1] } };
  return { beta: { mean: p[0], concentration: p[1] } };
}

/**
 * A distribution's centre, for switching back to a number: the mode of a triangular or PERT, the
 * midpoint of a uniform, the mean of a normal or beta, the median of a lognormal.
 * @example distributionCentre({ uniform: [2, 4] }) // 3
 */
export function distributionCentre(d: Distribution): number {
  if ('uniform' in d) return (d.uniform[0] + d.uniform[1]) / 2;
  if ('triangular' in d) return d.triangular[1];
  if ('pert' in d) return d.pert[1];
  if ('normal' in d) return d.normal.mean;
  if ('lognormal' in d) return d.lognormal.median;
  return d.beta.mean;
}

/**
 * A starting distribution around the value c, inside the field's [min, max]: ±20% for the bounded ones,
 * a 10% sd, a 0.2 sigma, a beta of concentration 20 (a share's value; 0.5 when c is not inside (0, 1)).
 * @example defaultDistribution('pert', 10, 0, 100) // { pert: [8, 10, 12] }
 */
export function defaultDistribution(kind: Kind, c: number, min: number, max: number): Distribution {
  const clamp = (x: number) => Math.min(max, Math.max(min, x));
  const r = (x: number) => +x.toPrecision(6);
  const spread = Math.abs(c) > 0 ? 0.2 * Math.abs(c) : 0.1 * (max - min);
  let lo = r(clamp(c - spread));
  let hi = r(clamp(c + spread));
  if (!(lo < hi)) [lo, hi] = [r(min), r(max)];
  const mode = Math.min(hi, Math.max(lo, c));
  if (kind === 'uniform') return { uniform: [lo, hi] };
  if (kind === 'triangular') return { triangular: [lo, mode, hi] };
  if (kind === 'pert') return { pert: [lo, mode, hi] };
  if (kind === 'normal') return { normal: { mean: c, sd: r(Math.max(spread / 2, 1e-9)) } };
  if (kind === 'lognormal') return { lognormal: { median: c > 0 ? c : r(Math.max(hi, 1e-9)), sigma: 0.2 } };
  return { beta: { mean: c > 0 && c < 1 ? c : 0.5, concentration: 20 } };
}
