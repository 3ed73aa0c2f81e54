/**
 * The stopping rule of a precision-targeted run. Blocks of trials arrive in trial order (every scenario
 * of the run for the same trials); after each block the tracker computes, from every trial so far, the
 * half-width of each target's 95% interval exactly as the Summary (or the comparison) reports it, and the
 * run stops as soon as every target holds. The figures depend only on the trials, never on how they were
 * chunked or spread over workers.
 *
 * - p_plan: half the Wilson interval of P(plan) (the Summary's `plan.ci`), against the first scenario's plan
 *   (a comparison judges every variant against the baseline's plan).
 * - revenue / arr: 1.96 x the standard error of the mean (`diagnostics.revenueStdError`, or the
 *   outcome's own, engine/outcomes.ts: ARR's `arrStdError`) over |mean|.
 * - diff: 1.96 x the standard error of the mean paired revenue difference (`difference.stdError.total`).
 * With several scenarios each target is the worst over them (every scenario must reach it).
 */
import { InputError, issue } from '../errors.js';
import type { Scenario } from '../scenario.js';
import type { TrialResults } from '../types.js';
import { planTargets } from '../plan.js';
import { mechanismOutcome } from '../outcomes.js';
import { stats, wilson } from '../stats/stats.js';
import { subtract, variance } from '../paired.js';
import type { PrecisionTarget, TargetName } from './targets.js';
import type { PrecisionReport } from './report.js';

export type { PrecisionReport, TargetReached } from './report.js';

/** The two-sided 95% normal quantile (the one `wilson` uses). */
export const Z95 = 1.959963984540054;

export interface PrecisionTracker {
  readonly trials: number;
  /** adds the next block: one TrialResults per scenario, all for the same trials */
  add(blocks: TrialResults[]): void;
  /** every target met */
  met(): boolean;
  /** the report at the trials so far */
  report(spec: string, maxTrials: number): PrecisionReport;
  /** everything the tracker holds, as plain data (a browser's engine worker hands it from block to block) */
  state(): TrackerState;
}

/** A tracker's data: per scenario the trials' totals, end-of-horizon ARR (with an arr target) and plan hits. */
export interface TrackerState {
  n: number;
  totals: Float64Array[];
  arrEnd: Float64Array[];
  hits: number[];
}

/**
 * The trials a run is expected to need: a half-width shrinks as 1/sqrt(n), so each target needs about
 * n (reached / asked)^2 trials; the worst target decides, capped at maxTrials (the trials so far once every
 * target holds; null when no target has a half-width, e.g. a goal seek's bracket alone).
 * @example projectedTrials(1000, 1e5, false, [{ name: 'p_plan', target: 0.01, reached: 0.02, met: false }]) // 4000
 */
export function projectedTrials(n: number, maxTrials: number, met: boolean, list: { target: number; reached: number }[]): number | null {
  if (list.length === 0) return null;
  if (met) return n;
  let need = n;
  for (const t of list) need = Math.max(need, Number.isFinite(t.reached) ? Math.ceil(n * (t.reached / t.target) ** 2) : Infinity);
  return Math.min(maxTrials, need);
}

/** A Float64Array that grows (doubling) as trials arrive. */
class Column {
  data = new Float64Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.data.length) {
      const d = new Float64Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.n++] = v;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.n);
  }
}

export interface TrackerOptions {
  /** the field errors name (default 'precision') */
  field?: string;
  /** the plan P(plan) is judged against; default the first scenario's (`planTargets`) */
  plan?: number;
  /** each trial's total (p_plan and revenue); default total revenue, summed month by month from 0 */
  total?: (r: TrialResults, t: number) => number;
  /** resume from a tracker's `state()` (same scenarios and targets) */
  state?: TrackerState;
}

/**
 * A tracker for `scenarios` (a run: one; a comparison: the baseline first). `allowed` lists the targets
 * the calling command can honour; any other, or one the scenario cannot measure, is an InputError naming
 * `field`.
 * @example const tr = createPrecisionTracker([scenario], parsePrecision('p_plan=0.01'), ['p_plan', 'revenue', 'arr']);
 */
export function createPrecisionTracker(scenarios: Scenario[], targets: PrecisionTarget[], allowed: readonly TargetName[], opts: TrackerOptions = {}): PrecisionTracker {
  const field = opts.field ?? 'precision';
  const plan = opts.plan !== undefined ? { total: opts.plan } : planTargets(scenarios[0]);
  const trialTotal = opts.total;
  for (const t of targets) {
    const bad = (rule: string) => new InputError([issue(field, rule)]);
    if (!allowed.includes(t.name)) throw bad(`${t.name} is not a target of this command (it takes ${allowed.join(', ')})`);
    if (t.name === 'p_plan' && !plan) throw bad('p_plan needs a plan: the scenario has no quota block');
    const o = mechanismOutcome(t.name);
    if (o && scenarios.some((s) => !o.on(s))) throw bad(`${o.name} needs ${o.needs} in every scenario`);
    if (t.name === 'diff' && scenarios.length < 2) throw bad('diff needs a baseline and at least one variant');
  }
  // a mechanism's outcome among the targets (ARR at the horizon): its per-trial values are kept (`arrEnd`)
  const outcome = targets.map((t) => mechanismOutcome(t.name)).find((o) => o !== undefined);
  const totals = scenarios.map(() => new Column());
  const arrEnd = scenarios.map(() => new Column());
  const hits = scenarios.map(() => 0);
  let n = 0;
  if (opts.state) {
    const st = opts.state;
    if (st.totals.length !== scenarios.length || st.totals.some((c) => c.length !== st.n)) throw new RangeError('precision tracker: a state of other scenarios or trials');
    n = st.n;
    st.totals.forEach((c, j) => c.forEach((v) => totals[j].push(v)));
    st.arrEnd.forEach((c, j) => c.forEach((v) => arrEnd[j].push(v)));
    st.hits.forEach((h, j) => (hits[j] = h));
  }

  function reached(name: TargetName): number {
    let worst = 0;
    if (n === 0) return Infinity;
    for (let j = 0; j < scenarios.length; j++) {
      let r: number;
      if (name === 'p_plan') {
        const ci = wilson(hits[j], n);
        r = (ci[1] - ci[0]) / 2;
      } else if (name === 'revenue' || name === outcome?.name) {
        const st = stats((name === 'revenue' ? totals : arrEnd)[j].view());
        r = st.mean !== 0 ? (Z95 * (st.sd / Math.sqrt(n))) / Math.abs(st.mean) : Infinity;
      } else if (name === 'diff') {
        if (j === 0) continue;
        const d = subtract(totals[j].view(), totals[0].view());
        r = Z95 * (n > 1 ? Math.sqrt(variance(d) / n) : Infinity);
      } else continue;
      if (!(r <= worst)) worst = r;
    }
    return worst;
  }

  const tracker: PrecisionTracker = {
    get trials() {
      return n;
    },
    add(blocks: TrialResults[]): void {
      if (blocks.length !== scenarios.length) throw new RangeError(`precision tracker: expected ${scenarios.length} blocks, got ${blocks.length}`);
      const b = blocks[0].trials;
      for (let j = 0; j < blocks.length; j++) {
        const r = blocks[j];
        if (r.from !== n || r.trials !== b) throw new RangeError(`precision tracker: expected trials from ${n}, got ${r.from} (${r.trials})`);
        const H = r.months;
        for (let t = 0; t < b; t++) {
          // summed month by month from 0, as the Summary's running total
          let s = 0;
          if (trialTotal) s = trialTotal(r, t);
          else for (let m = 0, o = t * H; m < H; m++, o++) s += r.revenue[o];
          totals[j].push(s);
          if (plan && s >= plan.total) hits[j]++;
          if (outcome) arrEnd[j].push(outcome.trial(r, t));
        }
      }
      n += b;
    },
    met(): boolean {
      return targets.every((t) => t.name === 'bracket' || reached(t.name) <= t.value);
    },
    report(spec: string, maxTrials: number): PrecisionReport {
      const list = targets.filter((t) => t.name !== 'bracket').map((t) => {
        const r = reached(t.name);
        return { name: t.name, target: t.value, reached: r, met: r <= t.value };
      });
      const met = list.every((t) => t.met);
      return { spec, trials: n, maxTrials, met, targets: list, projected: projectedTrials(n, maxTrials, met, list) };
    },
    state(): TrackerState {
      return { n, totals: totals.map((c) => c.view().slice()), arrEnd: arrEnd.map((c) => c.view().slice()), hits: [...hits] };
    },
  };
  return tracker;
}
