/**
 * Goal seek: "what does it take?" The smallest (or largest) value of one decision parameter that meets a
 * target such as `P(plan) >= 0.8`, `mean(revenue) >= 4e7`, `P50(margin) >= 0` or `P10(arr) >= 2e7`.
 *
 * Every candidate value runs with the same seed and trial count, so the candidates share their random
 * draws (common random numbers) and the target moves with the parameter, not with noise. The plan is
 * the scenario's own plan as given (more reps do not move the bar), as in a comparison. The target is
 * assumed monotone in the parameter over the search range: the ends of the range are run first, the
 * direction follows from which end meets it, then bisection (whole numbers: to adjacent values; real
 * numbers: to `tolerance`). The answer is reported with the target's value and 95% interval there and
 * at its neighbours; when no value in range meets it, the message says so with the best value reached.
 */
import { InputError, formatPath, issue } from './errors.js';
import { parseScenario, type Scenario } from './scenario.js';
import { simulate } from './simulate.js';
import { planTargets, type PlanTargets } from './plan.js';
import { numericRange, parsePath, type PathSegment } from './schema-walk.js';
import { setField } from './uncertainty/resolve.js';
import { valueAtPath } from './uncertainty/pathValue.js';
import { quantileSorted } from './stats/quantile.js';
import { wilson } from './stats/stats.js';
import type { TrialResults } from './types.js';
import { mechanismOutcome, outcomeUnavailable } from './outcomes.js';
import { MECHANISMS } from './mechanisms/registry.js';
import { drawnParameters } from './drawn.js';

export interface SolveTarget {
  /** P = probability of hitting plan; mean; or a percentile (P10, P50, P90, ...) */
  stat: 'P' | 'mean' | `P${number}`;
  metric: 'plan' | 'revenue' | 'margin' | 'arr';
  op: '>=' | '<=';
  value: number;
  /** as written */
  text: string;
}

/**
 * Parses a target: `P(plan) >= 0.8`, `mean(revenue) >= 40000000`, `P50(margin) >= 0`, `P90(arr) <= 3e7`.
 * @example parseTarget('P(plan) >= 0.8').metric // 'plan'
 */
export function parseTarget(text: string): SolveTarget {
  const m = /^\s*(P|mean|P\d{1,2})\s*\(\s*(plan|revenue|margin|arr)\s*\)\s*(>=|<=)\s*([-+]?[\d_.]+(?:e[-+]?\d+)?)\s*$/i.exec(text);
  const bad = (rule: string) => new InputError([issue('target', rule)]);
  if (!m) throw bad(`must read like "P(plan) >= 0.8", "mean(revenue) >= 40000000" or "P50(margin) >= 0" (got '${text}')`);
  const stat = (m[1].toLowerCase() === 'mean' ? 'mean' : m[1].toUpperCase()) as SolveTarget['stat'];
  const metric = m[2].toLowerCase() as SolveTarget['metric'];
  const value = Number(m[4].replace(/_/g, ''));
  if (!Number.isFinite(value)) throw bad(`must compare with a number (got '${m[4]}')`);
  if ((stat === 'P') !== (metric === 'plan')) throw bad(stat === 'P' ? 'P(...) is the probability of plan: write P(plan), or a percentile such as P50(revenue)' : 'plan takes P: write P(plan) >= 0.8');
  if (stat === 'P' && !(value >= 0 && value <= 1)) throw bad('a probability target must be between 0 and 1');
  const pct = stat.startsWith('P') && stat !== 'P' ? Number(stat.slice(1)) : null;
  if (pct !== null && !(pct >= 1 && pct <= 99)) throw bad('a percentile must be P1 to P99');
  return { stat, metric, op: m[3] as '>=' | '<=', value, text: text.trim() };
}

/** The target's statistic on one run: value and 95% interval. */
export interface TargetValue {
  value: number;
  ci: [number, number];
  met: boolean;
}

/**
 * The target's statistic of a run, judged against `plan`.
 * @example // targetValue(parseTarget('P(plan) >= 0.8'), results, planTargets(s)).value
 */
export function targetValue(t: SolveTarget, r: TrialResults, plan: PlanTargets | null): TargetValue {
  const n = r.trials;
  const H = r.months;
  const x = new Float64Array(n);
  // a mechanism's outcome (ARR at the horizon) as its mechanism reads it per trial (engine/outcomes.ts)
  const outcome = mechanismOutcome(t.metric);
  for (let i = 0; i < n; i++) {
    if (outcome) {
      x[i] = outcome.trial(r, i);
      continue;
    }
    let rev = 0,
      cost = 0;
    for (let m = 0; m < H; m++) {
      rev += r.revenue[i * H + m];
      cost += r.cost[i * H + m];
    }
    x[i] = t.metric === 'margin' ? rev - cost : rev;
  }
  let value: number;
  let ci: [number, number];
  if (t.stat === 'P') {
    let hit = 0;
    for (let i = 0; i < n; i++) if (x[i] >= plan!.total) hit++;
    value = hit / n;
    ci = wilson(hit, n);
  } else if (t.stat === 'mean') {
    let s = 0,
      s2 = 0;
    for (let i = 0; i < n; i++) s += x[i];
    value = s / n;
    for (let i = 0; i < n; i++) s2 += (x[i] - value) ** 2;
    const se = n > 1 ? Math.sqrt(s2 / (n - 1) / n) : 0;
    ci = [value - 1.96 * se, value + 1.96 * se];
  } else {
    const p = Number(t.stat.slice(1)) / 100;
    const sorted = x.sort();
    value = quantileSorted(sorted, p);
    // order-statistic interval: ranks n p ± 1.96 sqrt(n p (1 - p))
    const half = 1.96 * Math.sqrt(n * p * (1 - p));
    ci = [sorted[Math.max(0, Math.floor(n * p - half))], sorted[Math.min(n - 1, Math.ceil(n * p + half))]];
  }
  return { value, ci, met: t.op === '>=' ? value >= t.value : value <= t.value };
}

export interface SolveOptions {
  /** the decision parameter's path, e.g. `hiring.plan[0].seats` or `territories[0].seats` */
  vary: string;
  target: string;
  /** search range; default: from the field's minimum (or 0) to max(2 x the current value, current + 10) for whole numbers, 2 x current (or 1) otherwise, within the field's range, doubled (up to 6 times) while the target is not met at either end and the upper end is nearer to it */
  min?: number;
  max?: number;
  /** real-valued parameters: stop when the bracket is this narrow (default (max - min) / 1000) */
  tolerance?: number;
  trials?: number;
  seed?: number;
  /** after each evaluated value, with the number evaluated so far and the point (value, its target figure, met) */
  onProgress?: (evaluated: number, value: number, point: SolvePoint) => void;
}

export interface SolvePoint extends TargetValue {
  x: number;
}

export interface SolveResult {
  vary: string;
  target: SolveTarget;
  trials: number;
  seed: number;
  range: [number, number];
  integer: boolean;
  /** smallest: the target is met from the answer upwards; largest: from the answer downwards */
  direction: 'smallest' | 'largest';
  /** null when no value in range meets the target */
  answer: SolvePoint | null;
  /** the values next to the answer (a whole number either side, or ± tolerance), when in range */
  neighbours: SolvePoint[];
  /** every value run, in the order run */
  evaluations: SolvePoint[];
  /** the answer's interval straddles the target: within the simulation's noise, more trials would sharpen it */
  withinNoise: boolean;
  message: string;
  plan: number | null;
}

/**
 * A scenario with the decision parameter set to x. A path a mechanism's block must grow to hold first gets
 * that entry (its registry entry's `seek`): into the next entry of `hiring.plan` (`hiring.plan[n].seats`
 * with n entries) the entry { month: 1, seats: 0 }, "hire now".
 */
export function withDecision(s: Scenario, segs: PathSegment[], x: number): Scenario {
  return parseScenario(setField(withEntry(s, segs), segs, x));
}

/** The scenario with the entry a decision path needs (a mechanism's `seek`), or as it is. */
function withEntry(s: Scenario, segs: PathSegment[]): Scenario {
  for (const m of MECHANISMS) {
    if (!('seek' in m)) continue;
    const grown = m.seek(s, segs);
    if (grown) return grown;
  }
  return s;
}

/**
 * Goal seek on common random numbers.
 * @example // solve(parseScenario(text), { vary: 'hiring.plan[0].seats', target: 'P(plan) >= 0.8' }).answer?.x
 */
export function solve(s: Scenario, opts: SolveOptions): SolveResult {
  const target = parseTarget(opts.target);
  const segs = parsePath(opts.vary);
  if (!segs) throw new InputError([issue('vary', `is not a field path (e.g. hiring.plan[0].seats) (got '${opts.vary}')`)]);
  const path = formatPath(segs);
  const range = numericRange(segs);
  if (!range) throw new InputError([issue('vary', `${path} is not a numeric field of the scenario`)]);
  if (drawnParameters(s).some((p) => p.path === path)) throw new InputError([issue('vary', `${path} is uncertain (drawn per trial): vary a decision parameter instead`)]);
  const probe = valueAtPath(withEntry(s, segs), segs);
  if (typeof probe !== 'number') throw new InputError([issue('vary', `${path} names no number in this scenario (add the field or its block first)`)]);
  const plan = planTargets(s);
  if (target.metric === 'plan' && !plan) throw new InputError([issue('target', 'P(plan) needs a plan: add a quota block (annualPerRep or plan)')]);
  const unavailable = outcomeUnavailable(target.metric, s);
  if (unavailable) throw new InputError([issue('target', unavailable)]);
  const integer = range.integer;
  const lowest = Number.isFinite(range.min) ? (range.exclusiveMin ? range.min + (integer ? 1 : 1e-9) : range.min) : 0;
  const highest = Number.isFinite(range.max) ? (range.exclusiveMax ? range.max - (integer ? 1 : 1e-9) : range.max) : Infinity;
  const cur = probe;
  const lo0 = opts.min ?? lowest;
  let hi0 = opts.max ?? Math.min(highest, integer ? Math.max(2 * cur, cur + 10) : cur > 0 ? 2 * cur : 1);
  const bad = (rule: string) => new InputError([issue('range', rule)]);
  if (!(lo0 >= lowest && hi0 <= highest)) throw bad(`must lie inside ${path}'s valid range [${range.min}, ${range.max}]`);
  if (!(lo0 < hi0)) throw bad(`min must be below max (got ${lo0} and ${hi0})`);
  if (integer && !(Number.isInteger(lo0) && Number.isInteger(hi0))) throw bad(`${path} takes whole numbers: min and max must be whole`);
  const trials = opts.trials ?? s.trials;
  const seed = opts.seed ?? s.seed;
  const evaluations: SolvePoint[] = [];
  const cache = new Map<number, SolvePoint>();
  const at = (x: number): SolvePoint => {
    const hit = cache.get(x);
    if (hit) return hit;
    const pt = { x, ...targetValue(target, simulate(withDecision(s, segs, x), { trials, seed }), plan) };
    cache.set(x, pt);
    evaluations.push(pt);
    opts.onProgress?.(evaluations.length, x, pt);
    return pt;
  };
  const a = at(lo0);
  let b = at(hi0);
  // the default range widens (doubling, up to 6 times) while neither end meets the target and the upper end is nearer to it
  for (let k = 0; opts.max === undefined && !a.met && !b.met && k < 6 && hi0 < highest && (target.op === '>=' ? b.value > a.value : b.value < a.value); k++) {
    hi0 = Math.min(highest, 2 * hi0);
    b = at(hi0);
  }
  const tolerance = opts.tolerance ?? (hi0 - lo0) / 1000;
  const direction: 'smallest' | 'largest' = !a.met && b.met ? 'smallest' : a.met && !b.met ? 'largest' : 'smallest';
  let answer: SolvePoint | null = null;
  let message: string;
  const show = (p: SolvePoint) => `${target.stat}(${target.metric}) = ${fmt(p.value)} [${fmt(p.ci[0])}, ${fmt(p.ci[1])}]`;
  if (a.met && b.met) {
    answer = a;
    message = `${target.text} is met across the whole range; the smallest value tried, ${path} = ${fmt(lo0)}, already meets it (${show(a)})`;
  } else if (!a.met && !b.met) {
    const best = (target.op === '>=' ? a.value > b.value : a.value < b.value) ? a : b;
    message = `no value of ${path} in [${fmt(lo0)}, ${fmt(hi0)}] meets ${target.text}: the closest is at ${fmt(best.x)} (${show(best)}); widen the range or change other levers`;
  } else {
    // invariant: `bad` end does not meet, `good` end does
    let badX = direction === 'smallest' ? lo0 : hi0;
    let goodX = direction === 'smallest' ? hi0 : lo0;
    while (integer ? Math.abs(goodX - badX) > 1 : Math.abs(goodX - badX) > tolerance) {
      const mid = integer ? Math.floor((badX + goodX) / 2) : (badX + goodX) / 2;
      if (mid === badX || mid === goodX) break; // a tolerance below the doubles' spacing: no narrower bracket exists
      if (at(mid).met) goodX = mid;
      else badX = mid;
    }
    answer = at(goodX);
    message = `${direction} ${path} meeting ${target.text}: ${fmt(goodX)} (${show(answer)})`;
  }
  const step = integer ? 1 : tolerance;
  const neighbours = answer ? [answer.x - step, answer.x + step].filter((x) => x >= lo0 && x <= hi0).map(at) : [];
  const withinNoise = answer !== null && answer.ci[0] <= target.value && target.value <= answer.ci[1];
  if (withinNoise) message += '; its interval contains the target, so the answer is within the simulation\'s noise (more trials sharpen it)';
  return { vary: path, target, trials, seed, range: [lo0, hi0], integer, direction, answer, neighbours, evaluations, withinNoise, message, plan: plan?.total ?? null };
}

function fmt(v: number): string {
  return Math.abs(v) >= 1e4 ? Math.round(v).toLocaleString('en-US') : String(+v.toPrecision(4));
}
