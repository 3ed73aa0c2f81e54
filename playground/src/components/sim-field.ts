/**
 * One numeric scenario field: a labelled slider and number box kept in step, the unit shown, an
 * optional "null" toggle (e.g. unlimited potential), and the server's error for this path inline.
 * Emits `field-change` with `{ path, value }` (stored units: shares in [0, 1], not percent).
 */
import { LitElement, html, css } from 'lit';
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
    const isNull = this.value === null || this.value === undefined;
    const shown = isNull ? null : toDisplay(this.value as number, this.unit);
    const dMin = toDisplay(this.min, this.unit);
    const dMax = toDisplay(this.max, this.unit);
    const dStep = this.unit === 'pct' ? this.step * 100 : this.step;
    const unit = UNIT_LABEL[this.unit];
    const errId = `${this.fid}-err`;
    const desc = this.error ? errId : undefined;
    return html`
      <div class="top">
        <label class="name" for=${this.fid}>${this.label}</label>
        ${this.nullLabel
          ? html`<label class="null"
              ><input
                type="checkbox"
                .checked=${isNull}
                @change=${(e: Event) => this.emit((e.target as HTMLInputElement).checked ? null : (this.nullDefault ?? this.min))}
              />${this.nullLabel}</label
            >`
          : null}
        <span class="box">
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
        </span>
      </div>
      <input
        type="range"
        aria-label="${this.label}${unit ? ` (${unit})` : ''} slider"
        min=${dMin}
        max=${dMax}
        step=${dStep}
        .value=${shown === null ? String(dMin) : String(Math.min(dMax, Math.max(dMin, shown)))}
        ?disabled=${isNull}
        @input=${this.onRange}
      />
      ${this.help ? html`<div class="help">${this.help}</div>` : null}
      ${this.error ? html`<div class="error" id=${errId} role="alert">${this.error}</div>` : null}
    `;
  }
}
customElements.define('sim-field', SimField);
