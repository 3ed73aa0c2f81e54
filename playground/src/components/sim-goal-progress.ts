/**
 * A goal seek while it runs: the values tried so far (the engine's own points, as the server's stream
 * or the workers report them), sorted, each with its figure and whether it meets the target, and the
 * bracket so far: the largest value that misses and the smallest that meets (for a "smallest" search).
 */
import { LitElement, html, css } from 'lit';
import type { SolvePoint } from '../../../engine/index.js';
import { base, view, tables } from '../theme.js';
import { formatMoney, formatPct } from '../format.js';

/**
 * The bracket of the points so far: the largest value missing and the smallest meeting the target
 * (null when no point yet misses / meets).
 * @example bracketSoFar([{ x: 1, met: false }, { x: 9, met: true }, { x: 5, met: true }]) // { miss: 1, meet: 5 }
 */
export function bracketSoFar(points: readonly Pick<SolvePoint, 'x' | 'met'>[]): { miss: number | null; meet: number | null } {
  let miss: number | null = null;
  let meet: number | null = null;
  for (const p of points) {
    if (p.met) meet = meet === null ? p.x : Math.min(meet, p.x);
    else miss = miss === null ? p.x : Math.max(miss, p.x);
  }
  return { miss, meet };
}

export class SimGoalProgress extends LitElement {
  static properties = { points: { attribute: false }, metric: {} };
  declare points: SolvePoint[];
  /** the target's metric: 'plan' shows shares, others money */
  declare metric: string;

  static styles = [base, view, tables];

  constructor() {
    super();
    this.points = [];
    this.metric = 'plan';
  }

  render() {
    const pts = [...this.points].sort((a, b) => a.x - b.x);
    const fmt = (v: number) => (this.metric === 'plan' ? formatPct(v) : formatMoney(v));
    const { miss, meet } = bracketSoFar(pts);
    return html`<section class="panel" aria-label="Goal seek in progress" role="status" data-testid="goal-progress">
      <p>
        ${pts.length} ${pts.length === 1 ? 'value' : 'values'} tried so far.
        ${miss !== null && meet !== null ? `The answer lies between ${miss} (misses) and ${meet} (meets) so far.` : meet !== null ? `${meet} meets the target so far.` : miss !== null ? `No value tried meets the target yet (up to ${miss}).` : ''}
      </p>
      <table>
        <thead><tr><th scope="col">Value</th><th scope="col">Figure</th><th scope="col">95% interval</th><th scope="col">Meets</th></tr></thead>
        <tbody>
          ${pts.map((p) => html`<tr data-testid="goal-progress-row"><td>${p.x}</td><td>${fmt(p.value)}</td><td>${fmt(p.ci[0])} – ${fmt(p.ci[1])}</td><td>${p.met ? 'yes' : 'no'}</td></tr>`)}
        </tbody>
      </table>
    </section>`;
  }
}
customElements.define('sim-goal-progress', SimGoalProgress);
