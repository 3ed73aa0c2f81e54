import { parseScenario, simulate, type Scenario, type TrialResults } from '../../engine/index.js';

/** A scenario from a reps block and other blocks, with test-friendly defaults. */
export function scenario(blocks: Record<string, unknown>, reps: Record<string, unknown> = {}): Scenario {
  return parseScenario({ ...blocks, reps: { seats: 20, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1, ...reps } });
}

/** Per-trial totals of revenue. */
export function totals(r: TrialResults): Float64Array {
  const out = new Float64Array(r.trials);
  for (let t = 0; t < r.trials; t++) for (let m = 0; m < r.months; m++) out[t] += r.revenue[t * r.months + m];
  return out;
}

/** Column m (1-based) of a monthly array. */
export function month(a: Float64Array, r: TrialResults, m: number): Float64Array {
  return Float64Array.from({ length: r.trials }, (_, t) => a[t * r.months + m - 1]);
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

export { simulate };
