/**
 * A comparison while it runs: trials done per design (the baseline first; the designs run one after
 * another on the same seed, or, to a precision, together block by block up to the cap), each with a bar, so the user sees how far it is and which design is
 * running, not only a busy button. The counts are the run's own (the server's stream or the workers').
 */
import { LitElement, html, css } from 'lit';
import type { CompareProgress } from '../api.js';
import { base, view, tables } from '../theme.js';
import { formatPct } from '../format.js';

export class SimCompareProgress extends LitElement {
  static properties = { progress: { attribute: false } };
  declare progress: CompareProgress | null;

  static styles = [
    base,
    view,
    tables,
    css`
      td:first-child,
      th:first-child {
        text-align: left;
        overflow-wrap: anywhere;
      }
      .bar {
        height: 0.55rem;
        background: #e6edf5;
        border-radius: 3px;
        overflow: hidden;
        min-width: 4rem;
      }
      .bar > span {
        display: block;
        height: 100%;
        background: #1d4f91;
      }
    `,
  ];

  constructor() {
    super();
    this.progress = null;
  }

  render() {
    const p = this.progress;
    if (!p) return null;
    const running = p.designs.findIndex((d) => d.done < p.trials);
    return html`<section class="panel" aria-label="Comparison in progress" data-testid="compare-progress" role="status">
      ${p.precise
        ? html`<p>
            ${p.designs[0].done.toLocaleString('en-US')} trials per design so far, of at most ${p.trials.toLocaleString('en-US')}: every design on the same blocks of trials until the precision holds
            (Trials: auto).
          </p>`
        : html`<p>
            ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} trials (${formatPct(p.total > 0 ? p.done / p.total : 0, 0)}):
            ${running < 0 ? 'every design done; comparing them trial by trial…' : `running ${p.designs[running].name}.`}
          </p>`}
      <table>
        <thead><tr><th scope="col">Design</th><th scope="col">Trials done</th><th scope="col"></th></tr></thead>
        <tbody>
          ${p.designs.map(
            (d, i) => html`<tr data-testid="compare-progress-row">
              <td>${d.name}${i === 0 ? ' (baseline)' : ''}</td>
              <td>${d.done.toLocaleString('en-US')} of ${p.trials.toLocaleString('en-US')}</td>
              <td><div class="bar"><span style="width:${p.trials > 0 ? ((100 * d.done) / p.trials).toFixed(1) : 0}%"></span></div></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}
customElements.define('sim-compare-progress', SimCompareProgress);
