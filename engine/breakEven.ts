/**
 * Break-even of an assumption: the value at which a variant ties its baseline on a metric (mean
 * revenue, mean margin, mean ARR at the horizon, or P(plan)), every other input at the value the
 * scenarios hold. Goal seek on common random numbers: at every candidate value both scenarios run the
 * same trials with the same seed, so the difference moves with the assumption, not with noise.
 *
 * The search starts on the assumed range: the difference at its two ends. A sign change there brackets
 * the break-even, found by regula falsi (Illinois variant) to 1/200 of the range. Without one, the
 * search looks two range-widths beyond the end where the difference is nearer 0 (within the field's
 * valid range), so a break-even just outside the assumed range is still reported, as such; beyond
 * that the answer is "holds (or fails) for every value searched". Whole-number fields take whole values.
 */
import type { Scenario } from './scenario.js';
import { runTrials } from './simulate.js';
import { numericRange, parsePath } from './schema-walk.js';
import { formatPath } from './errors.js';
import { scenarioAt } from './uncertainty/sobol/scenarioAt.js';
import { trialOutcome, type OutcomeMetric } from './uncertainty/sobol/outcome.js';

export interface BreakEvenOptions {
  metric: OutcomeMetric;
  /** the plan total (metric 'plan') */
  plan: number | null;
  trials: number;
  seed: number;
}

export interface BreakEven {
  path: string;
  /** the assumed range searched first */
  assumed: [number, number];
  /** the value at which the variant ties the baseline; null when it does not within the field's valid range */
  value: number | null;
  /** whether the tie lies inside the assumed range */
  insideAssumed: boolean;
  /** where the variant beats the baseline: above the break-even, below it, everywhere searched, or nowhere */
  holds: 'above' | 'below' | 'everywhere' | 'nowhere';
  /** the range searched (the assumed range, or the field's valid range when widened) */
  searched: [number, number];
  /** the mean difference (variant - baseline) at the ends of the assumed range, and its standard error there */
  atAssumed: { low: number; high: number; stdError: number };
  /** the differences at both ends of the assumed range are within 2 standard errors of 0: a tie anywhere is noise */
  withinNoise: boolean;
  evaluations: number;
  /** "holds if X > b (assumed range a-c)" */
  text: string;
}

/**
 * The break-even of `path` for `variant` against `baseline` over the assumed range.
 * @example // breakEven(base, variant, 'coverage.paddingQuality', [0, 0.4], { metric: 'revenue', plan: null, trials: 400, seed: 1 }).text
 */
export function breakEven(baseline: Scenario, variant: Scenario, path: string, assumed: [number, number], opts: BreakEvenOptions): BreakEven {
  const segs = parsePath(path)!;
  const key = formatPath(segs);
  const range = numericRange(segs);
  const integer = range?.integer ?? false;
  let evaluations = 0;
  const at = (x: number): { d: number; se: number } => {
    evaluations++;
    const v = integer ? Math.round(x) : x;
    const a = runTrials(scenarioAt(baseline, [segs], [v]), opts.seed, 0, opts.trials, opts.trials);
    const b = runTrials(scenarioAt(variant, [segs], [v]), opts.seed, 0, opts.trials, opts.trials);
    let s = 0,
      s2 = 0;
    for (let t = 0; t < opts.trials; t++) {
      const d = trialOutcome(b, t, opts.metric, opts.plan) - trialOutcome(a, t, opts.metric, opts.plan);
      s += d;
      s2 += d * d;
    }
    const n = opts.trials;
    const mean = s / n;
    return { d: mean, se: n > 1 ? Math.sqrt(Math.max(0, s2 / n - mean * mean) / (n - 1)) : 0 };
  };
  const [lo, hi] = assumed;
  const fLo = at(lo);
  const fHi = at(hi);
  const se = Math.max(fLo.se, fHi.se);
  const withinNoise = Math.abs(fLo.d) <= 2 * se && Math.abs(fHi.d) <= 2 * se;
  let a = lo,
    b = hi,
    fa = fLo.d,
    fb = fHi.d;
  let searched: [number, number] = [lo, hi];
  if (Math.sign(fa) === Math.sign(fb) && fa !== 0) {
    // no tie inside the assumed range: look beyond it, two range-widths on the side where the difference shrinks, within the field's valid range
    const width = hi - lo;
    const towardHigh = Math.abs(fb) < Math.abs(fa);
    let far = towardHigh ? hi + 2 * width : lo - 2 * width;
    if (range) {
      const step = integer ? 1 : Math.max(Math.abs(far) * 1e-9, 1e-12);
      const min = range.exclusiveMin ? range.min + step : range.min;
      const max = range.exclusiveMax ? range.max - step : range.max;
      far = Math.min(max, Math.max(min, far));
    }
    if (integer) far = Math.round(far);
    searched = [Math.min(lo, far), Math.max(hi, far)];
    const fFar = far === (towardHigh ? hi : lo) ? (towardHigh ? fb : fa) : at(far).d;
    if (Math.sign(fFar) === Math.sign(fa)) return done(null, fa > 0 ? 'everywhere' : 'nowhere', searched);
    if (towardHigh) [a, fa, b, fb] = [hi, fb, far, fFar];
    else [a, fa, b, fb] = [far, fFar, lo, fa];
  }
  // a sign change between a and b (a < b)
  const increasing = fb > fa;
  const tol = (hi - lo) / 200;
  let side = 0;
  let x = a;
  for (let it = 0; it < 40 && (integer ? b - a > 1 : b - a > tol); it++) {
    x = fa === fb ? (a + b) / 2 : b - (fb * (b - a)) / (fb - fa);
    if (!(x > a && x < b)) x = (a + b) / 2;
    if (integer) x = Math.min(b - 1, Math.max(a + 1, Math.round(x)));
    const fx = at(x).d;
    if (fx === 0) {
      a = b = x;
      break;
    }
    if (Math.sign(fx) === Math.sign(fa)) {
      a = x;
      fa = fx;
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      b = x;
      fb = fx;
      if (side === 1) fa /= 2;
      side = 1;
    }
  }
  const root = integer ? (increasing ? b : a) : fa === fb ? (a + b) / 2 : b - (fb * (b - a)) / (fb - fa);
  const value = Number.isFinite(root) ? root : (a + b) / 2;
  // a tie at the edge of the field's valid range, holding only beyond it, is no break-even: it fails (or holds) for every valid value
  const edge = Math.max(tol, 1e-9);
  const validMin = range ? range.min : -Infinity;
  const validMax = range ? range.max : Infinity;
  if (!increasing && Math.abs(value - validMin) <= edge) return done(null, 'nowhere', searched, value);
  if (increasing && Math.abs(value - validMax) <= edge) return done(null, 'everywhere', searched, value);
  return done(value, increasing ? 'above' : 'below', searched);

  function done(value: number | null, holds: BreakEven['holds'], searchedRange: [number, number], tieAtEdge?: number): BreakEven {
    const insideAssumed = value !== null && value >= lo && value <= hi;
    const show = (v: number) => (Math.abs(v) < 1e-6 ? '0' : String(+v.toPrecision(3)));
    const rangeText = `assumed range ${show(lo)}–${show(hi)}`;
    let text: string;
    if (value !== null) text = `holds if ${key} ${holds === 'above' ? '>' : '<'} ${show(value)} (${rangeText}${insideAssumed ? '' : '; the break-even lies outside it'})`;
    else {
      const diff = (d: number) => (opts.metric === 'plan' ? `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)} points` : `${d >= 0 ? '+' : '-'}${Math.round(Math.abs(d)).toLocaleString('en-US')}`);
      const ends = `the difference is ${diff(fLo.d)} at ${show(lo)} and ${diff(fHi.d)} at ${show(hi)}`;
      text = `${holds === 'everywhere' ? 'holds' : 'fails'} for every ${key} in ${show(searchedRange[0])}–${show(searchedRange[1])} (${rangeText}; ${ends}${tieAtEdge !== undefined ? `; it ties only at the edge of the field's valid range, ${show(tieAtEdge)}` : ''})`;
    }
    if (withinNoise) text += `; the difference is within 2 standard errors of 0 across the assumed range, so the break-even is noise`;
    return { path: key, assumed, value, insideAssumed, holds, searched: searchedRange, atAssumed: { low: fLo.d, high: fHi.d, stdError: se }, withinNoise, evaluations, text };
  }
}
