/**
 * The run's progress bar, fed by the SSE `progress` events (trials done of total). A precision run
 * (trials: auto) shows the trials done, the precision reached so far against the target, and a bar to
 * the trials the engine projects the run will need.
 */
import { LitElement, html, css } from 'lit';
import type { PrecisionReport } from '../../../engine/precision/report.js';
import { base } from '../theme.js';

/**
 * A precision report's targets as text: `P(plan) ±0.014 of ±0.010 · revenue ±0.31% of ±0.50%`.
 * @example precisionText({ targets: [{ name: 'p_plan', target: 0.01, reached: 0.014, met: false }] } as never) // 'P(plan) ±0.014 of ±0.010'
 */
export function precisionText(r: PrecisionReport): string {
  const name = { p_plan: 'P(plan)', revenue: 'revenue', arr: 'ARR', diff: 'difference', bracket: 'bracket' } as const;
  const f = (t: PrecisionReport['targets'][number], v: number | null) =>
    v === null || !Number.isFinite(v) ? '–' : t.name === 'p_plan' ? `±${v.toFixed(3)}` : t.name === 'revenue' || t.name === 'arr' ? `±${(v * 100).toFixed(2)}%` : `±${Math.round(v).toLocaleString('en-US')}`;
  return r.targets.map((t) => `${name[t.name]} ${f(t, t.reached)} of ${f(t, t.target)}`).join(' · ');
}

/**
 * What a result run to a precision (trials: auto) rests on: the trials used, whether the targets held or
 * the run stopped at its cap, and the precision reached against each target.
 * @example precisionNote({ trials: 7600, maxTrials: 100000, met: true, targets: [...] } as never) // 'Auto: 7,600 trials, to the precision asked (P(plan) ±0.010 of ±0.010).'
 */
export function precisionNote(r: PrecisionReport): string {
  const n = `${r.trials.toLocaleString('en-US')} trials`;
  const how = r.met ? `to the ${r.default ? 'default ' : ''}precision asked` : `stopped at the cap of ${r.maxTrials.toLocaleString('en-US')} before the ${r.default ? 'default ' : ''}precision asked`;
  return `Auto: ${n}, ${how} (${precisionText(r)}).`;
}

export class SimProgress extends LitElement {
  static properties = { done: { type: Number }, total: { type: Number }, running: { type: Boolean }, activity: { attribute: false }, precision: { attribute: false } };
  /** a precision run's report so far (trials: auto) */
  declare precision: PrecisionReport | null;
  /** a long action other than the run: the header says what it is, with its progress when it has one */
  declare activity: { label: string; done: number | null; total: number | null } | null;
  declare done: number;
  declare total: number;
  declare running: boolean;

  static styles = [
    base,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        font-size: 0.78rem;
        color: #4a5a6b;
      }
      .track {
        flex: 1;
        /* a precision run's label is long: the bar keeps some room */
        min-width: 4rem;
        height: 6px;
        background: #e3e9ef;
        border-radius: 999px;
        overflow: hidden;
      }
      .bar {
        height: 100%;
        background: #1d4f91;
        transition: width 0.15s linear;
      }
      .busy .bar {
        animation: slide 1.2s ease-in-out infinite;
      }
      @keyframes slide {
        from {
          transform: translateX(-100%);
        }
        to {
          transform: translateX(340%);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .busy .bar {
          animation: none;
        }
      }
      .label {
        min-width: 11rem;
        overflow: hidden;
        text-overflow: ellipsis;
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  constructor() {
    super();
    this.done = 0;
    this.total = 0;
    this.running = false;
    this.activity = null;
    this.precision = null;
  }

  render() {
    const a = this.activity;
    if (a) {
      const counted = a.total !== null && a.total > 0 && a.done !== null;
      const p = counted ? Math.round((100 * a.done!) / a.total!) : null;
      return html`
        <div class="track ${counted ? '' : 'busy'}" role="progressbar" data-testid="progress" data-running="true" data-activity=${a.label} aria-label=${a.label} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${p ?? ''}>
          <div class="bar" style="width:${p ?? 30}%"></div>
        </div>
        <span class="label" data-testid="activity">${a.label}${counted ? ` ${a.done} of ${a.total}` : ''}</span>
        <span class="sr-only" role="status">${a.label}</span>
      `;
    }
    const pct = this.total > 0 ? Math.min(100, Math.round((100 * this.done) / this.total)) : 0;
    const r = this.precision;
    const label = r
      ? this.running
        ? `Simulating… ${this.done.toLocaleString('en-US')} trials · ${precisionText(r)}`
        : `${r.trials.toLocaleString('en-US')} trials · ${precisionText(r)}${r.met ? '' : ' (cap reached)'}`
      : this.running
        ? this.total > 0
          ? `Simulating… ${this.done.toLocaleString('en-US')} / ${this.total.toLocaleString('en-US')} trials`
          : 'Simulating… to the default precision'
        : this.total
          ? `${this.total.toLocaleString('en-US')} trials done`
          : 'Idle';
    return html`
      <div
        class="track"
        role="progressbar"
        data-testid="progress"
        data-running=${this.running ? 'true' : 'false'}
        aria-label="Simulation progress"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${pct}
      >
        <div class="bar" style="width:${pct}%"></div>
      </div>
      <span class="label" data-testid="progress-label" title=${label}>${label}</span>
      <span class="sr-only" role="status">${this.running ? 'Simulating' : this.total ? `Run finished: ${this.total.toLocaleString('en-US')} trials` : ''}</span>
    `;
  }
}
customElements.define('sim-progress', SimProgress);
