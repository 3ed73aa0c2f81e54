/**
 * Sensitivity (tornado): move one parameter at a time to a low and a high value, run both on common
 * random numbers (the base scenario's seed), and rank parameters by the swing in mean total revenue.
 * Plan probabilities are judged against the base scenario's plan target throughout.
 */
import { InputError, formatPath, issue, type InputIssue } from './errors.js';
import { parseScenario, type Scenario } from './scenario.js';
import { simulateEach } from './simulateEach.js';
import { summarize } from './summarize.js';
import { planTargets } from './plan.js';
import { numericRange, parsePath, schemaAt, type PathSegment } from './schema-walk.js';
import { subtract, trialTotals, variance } from './paired.js';
import { cloneJson } from './patch.js';
import { MECHANISMS } from './mechanisms/registry.js';
import { drawnParameters } from './drawn.js';
import { linkedPaths } from './uncertainty/resolve.js';
import { headlineOutcome, type MechanismOutcome } from './outcomes.js';
import type { TrialResults } from './types.js';

/** A parameter to vary: a numeric field path with optional low/high values (default ±`relative`). */
export interface SensitivityParam {
  path: string;
  low?: number;
  high?: number;
}

export interface SensitivityOptions {
  trials?: number;
  seed?: number;
  /** parameters to vary; default `defaultParameters(scenario)` */
  params?: SensitivityParam[];
  /** relative move for parameters without low/high; default 0.2 (±20%) */
  relative?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The output measured at one setting. planProbability is null when the base scenario has no plan. */
export interface SensitivityOutput {
  mean: number;
  p50: number;
  planProbability: number | null;
}

export interface SensitivityParameter {
  path: string;
  /** the parameter's value in the base scenario */
  baseValue: number;
  low: number;
  high: number;
  lowOutput: SensitivityOutput;
  highOutput: SensitivityOutput;
  /** output at high minus output at low */
  swing: { mean: number; p50: number; planProbability: number | null };
  /** standard error of swing.mean from the paired per-trial differences */
  swingStdError: number;
}

export interface SensitivityResult {
  /** what is measured: total revenue (bookings), or ARR at the horizon for a scenario with a customers block */
  output: 'revenue.total' | 'arr.end';
  trials: number;
  seed: number;
  base: SensitivityOutput & { stdError: number };
  /** sorted by |swing.mean|, largest first (ties keep the input order) */
  parameters: SensitivityParameter[];
  meta: { elapsedMs: number };
  /** a precision-targeted tornado: the trials its base scenario used and the precision reached */
  precision?: import('./precision/report.js').PrecisionReport;
}

/** One planned run of a sensitivity analysis (for callers that run scenarios on their own pool). */
export interface SensitivityRun {
  path: string;
  baseValue: number;
  low: number;
  high: number;
  lowScenario: Scenario;
  highScenario: Scenario;
}

/** The mechanisms' default tornado parameters, in their `order` (ties in registry order). */
const TORNADO = MECHANISMS.flatMap((m) => ('tornado' in m ? [m.tornado] : [])).sort((a, b) => a.order - b.order);

function getAt(obj: unknown, path: readonly PathSegment[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/**
 * The default parameter set: each mechanism's that is on (its registry entry's `tornado`, in their `order`:
 * the core's win-rate mean, opportunities per month, deal-size median and cycle months, then attrition rate,
 * ramp months, time to fill, leader tenure mean, each enablement programme's gapClosed, the customers' churn
 * and expansion rates, the demand block's leads or budget, qualified share, hand-off loss, quality, nurture
 * conversion) — those present in the scenario with a non-zero value.
 * @example defaultParameters(parseScenario({ reps: { seats: 5, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1000 } })) // ['reps.winRate', 'reps.opportunitiesPerMonth', 'reps.dealSize', 'reps.cycleMonths']
 */
export function defaultParameters(s: Scenario): string[] {
  const out = TORNADO.flatMap((t) => t.params(s));
  return out.filter((p) => {
    const v = getAt(s, parsePath(p)!);
    return typeof v === 'number' && v !== 0;
  });
}

/**
 * The default low/high of a value: ±relative, clamped to the field's valid range (whole numbers for
 * integer fields, rounded outward).
 * @example defaultRange(['reps', 'winRate'], 0.9, 0.2) // [0.72, 1]
 */
export function defaultRange(path: readonly PathSegment[], value: number, relative = 0.2): [number, number] {
  const r = numericRange(path);
  // 12 significant digits: 3 * 0.8 is 2.4, not 2.4000000000000004
  let lo = +(value * (1 - relative)).toPrecision(12);
  let hi = +(value * (1 + relative)).toPrecision(12);
  if (lo > hi) [lo, hi] = [hi, lo];
  if (r) {
    if (r.integer) {
      lo = Math.floor(lo);
      hi = Math.ceil(hi);
    }
    const clampLo = (x: number) => (r.exclusiveMin ? (x <= r.min ? (r.min + value) / 2 : x) : Math.max(r.min, x));
    const clampHi = (x: number) => (r.exclusiveMax ? (x >= r.max ? (r.max + value) / 2 : x) : Math.min(r.max, x));
    lo = clampHi(clampLo(lo));
    hi = clampHi(clampLo(hi));
  }
  return [lo, hi];
}

/**
 * Reads the `params` of a sensitivity request (HTTP body, the static build's worker): a list of
 * `{ path, low?, high? }`, every bad entry named (`params[2]`). Undefined stays undefined (the default set).
 * @example sensitivityParams([{ path: 'reps.cycleMonths', low: 2, high: 4 }]) // [{ path: 'reps.cycleMonths', low: 2, high: 4 }]
 */
export function sensitivityParams(value: unknown): SensitivityParam[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new InputError([{ path: 'params', rule: 'must be a list', message: 'params: must be a list of { path, low?, high? }' }]);
  const errors: InputIssue[] = [];
  const out = value.map((p: unknown, i: number): SensitivityParam => {
    const o = (p && typeof p === 'object' && !Array.isArray(p) ? p : {}) as Record<string, unknown>;
    const ok = typeof o.path === 'string' && ['low', 'high'].every((k) => o[k] === undefined || (typeof o[k] === 'number' && Number.isFinite(o[k])));
    const extra = Object.keys(o).filter((k) => !['path', 'low', 'high'].includes(k));
    if (!ok || extra.length > 0) errors.push({ path: `params[${i}]`, rule: 'must be { path, low?, high? }', message: `params[${i}]: must be { path: string, low?: number, high?: number }` });
    return { path: String(o.path), ...(o.low !== undefined ? { low: o.low as number } : {}), ...(o.high !== undefined ? { high: o.high as number } : {}) };
  });
  if (errors.length > 0) throw new InputError(errors);
  return out;
}

/** Sets a value at a path of a copy of the scenario and validates it; errors name `at` and which end (`low`, `high`) the value is. */
function withValue(s: Scenario, path: PathSegment[], value: number, at: string, end: 'low' | 'high'): Scenario {
  const copy = cloneJson(s) as unknown as Record<string, unknown>;
  // reps.seats is derived from the territories in a resolved scenario: a single territory's seats move with it
  for (const p of linkedPaths(s, path)) {
    let cur = copy as Record<string | number, unknown>;
    for (const k of p.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
    cur[p[p.length - 1]] = value;
  }
  try {
    return parseScenario(copy);
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(e.errors.map((x) => ({ ...x, path: at, rule: `${end} ${value} is not valid here: ${x.path ? `${x.path} ` : ''}${x.rule}`, message: `${at}: ${end} ${value} is not valid here: ${x.path ? `${x.path} ` : ''}${x.rule}` })));
    throw e;
  }
}

/**
 * Resolves the parameters into low and high scenarios, validating every path and value. Throws an
 * `InputError` naming each bad parameter path.
 * @example planSensitivity(scenario, [{ path: 'reps.cycleMonths', low: 2, high: 4 }])[0].highScenario.reps.cycleMonths // 4
 */
export function planSensitivity(scenario: Scenario, params?: SensitivityParam[], relative = 0.2): SensitivityRun[] {
  // uncertain inputs are drawn per trial (their tornado is the Summary's variance contribution): not moved one at a time
  const uncertain = new Set(drawnParameters(scenario).map((u) => u.path));
  const list: SensitivityParam[] = params ?? defaultParameters(scenario).filter((path) => !uncertain.has(path)).map((path) => ({ path }));
  const errors: InputIssue[] = [];
  const runs: SensitivityRun[] = [];
  const seen = new Set<string>();
  for (const p of list) {
    const path = parsePath(p.path);
    if (!path) {
      errors.push(issue(p.path, 'is not a field path (write it like reps.winRate.mean or enablement[0].gapClosed)'));
      continue;
    }
    if (seen.has(p.path)) {
      errors.push(issue(p.path, 'is given more than once'));
      continue;
    }
    seen.add(p.path);
    if (uncertain.has(formatPath(path))) {
      errors.push(issue(p.path, 'is uncertain (drawn per trial): its contribution is in the run\'s variance-contribution tornado (Summary.uncertainty)'));
      continue;
    }
    if (schemaAt(path).length === 0) {
      errors.push(issue(p.path, 'is not a known field'));
      continue;
    }
    const baseValue = getAt(scenario, path);
    if (typeof baseValue !== 'number') {
      errors.push(issue(p.path, baseValue === undefined || baseValue === null ? 'is not set in this scenario (its block is off or the value is empty)' : 'is not a number in this scenario'));
      continue;
    }
    const [dLo, dHi] = defaultRange(path, baseValue, relative);
    const low = p.low ?? dLo;
    const high = p.high ?? dHi;
    if (!Number.isFinite(low) || !Number.isFinite(high)) {
      errors.push(issue(p.path, 'low and high must be finite numbers'));
      continue;
    }
    // a given end must leave low below high (the swing is high minus low); the default ends may meet (a value of 0)
    if ((p.low !== undefined || p.high !== undefined) && !(low < high)) {
      const which = (given: number | undefined, v: number, sign: string) => (given === undefined ? `${v}, the default: base ${sign} ${+(relative * 100).toPrecision(4)}%` : String(v));
      errors.push(issue(p.path, `low must be below high (low ${which(p.low, low, '-')}; high ${which(p.high, high, '+')})`));
      continue;
    }
    const ends: ['low' | 'high', number][] = [['low', low], ['high', high]];
    const made: Scenario[] = [];
    for (const [end, v] of ends) {
      try {
        made.push(withValue(scenario, path, v, p.path, end));
      } catch (e) {
        if (e instanceof InputError) errors.push(...e.errors);
        else throw e;
      }
    }
    if (made.length === 2) runs.push({ path: p.path, baseValue, low, high, lowScenario: made[0], highScenario: made[1] });
  }
  if (errors.length > 0) throw new InputError(errors);
  return runs;
}

/**
 * The scenarios a tornado runs, in the order `sensitivityPairs` reads their results: the base, then
 * each parameter's low and high.
 * @example sensitivityScenarios(s, planSensitivity(s)).length // 1 + 2 x parameters
 */
export function sensitivityScenarios(scenario: Scenario, runs: SensitivityRun[]): Scenario[] {
  return [scenario, ...runs.flatMap((r) => [r.lowScenario, r.highScenario])];
}

/**
 * Each parameter's low and high results from the results of `sensitivityScenarios` (base first).
 * @example sensitivityPairs(runs, results)[0].high === results[2]
 */
export function sensitivityPairs<T>(runs: SensitivityRun[], results: T[]): { low: T; high: T }[] {
  return runs.map((_, i) => ({ low: results[1 + 2 * i], high: results[2 + 2 * i] }));
}

/**
 * Builds the tornado from results already computed with the base scenario's seed (e.g. by a worker
 * pool): `results[i]` holds the low and high runs of `runs[i]`.
 * @example sensitivityFromResults(s, baseResults, runs, results, { seed: 1 }).parameters[0].path
 */
export function sensitivityFromResults(
  scenario: Scenario,
  baseResults: TrialResults,
  runs: SensitivityRun[],
  results: { low: TrialResults; high: TrialResults }[],
  opts: { seed: number; elapsedMs?: number },
): SensitivityResult {
  const plan = planTargets(scenario);
  // a scenario with a headline outcome is measured on it (a subscription scenario: ARR at the horizon, as
  // churn and expansion move no bookings; engine/outcomes.ts), else on total revenue
  const headline: MechanismOutcome | undefined = headlineOutcome(scenario);
  const output = (s: Scenario, r: TrialResults): SensitivityOutput => {
    const sum = summarize(s, r, { seed: opts.seed, plan });
    const x = headline?.summary(sum)?.stats ?? sum.revenue.total;
    return { mean: x.mean, p50: x.p50, planProbability: sum.plan ? sum.plan.probability : null };
  };
  const measure = (s: Scenario, r: TrialResults) => (headline && headline.on(s) ? Float64Array.from({ length: r.trials }, (_, t) => headline.trial(r, t)) : trialTotals(r).revenue);
  const base = output(scenario, baseResults);
  const baseTotals = measure(scenario, baseResults);
  const n = baseResults.trials;
  const parameters = runs.map((run, i): SensitivityParameter => {
    const lo = output(run.lowScenario, results[i].low);
    const hi = output(run.highScenario, results[i].high);
    const d = subtract(measure(run.highScenario, results[i].high), measure(run.lowScenario, results[i].low));
    return {
      path: run.path,
      baseValue: run.baseValue,
      low: run.low,
      high: run.high,
      lowOutput: lo,
      highOutput: hi,
      swing: {
        mean: hi.mean - lo.mean,
        p50: hi.p50 - lo.p50,
        planProbability: hi.planProbability !== null && lo.planProbability !== null ? hi.planProbability - lo.planProbability : null,
      },
      swingStdError: n > 1 ? Math.sqrt(variance(d) / n) : 0,
    };
  });
  const order = parameters.map((p, i) => ({ p, i }));
  order.sort((a, b) => Math.abs(b.p.swing.mean) - Math.abs(a.p.swing.mean) || a.i - b.i);
  return {
    output: headline ? (`${headline.name}.end` as SensitivityResult['output']) : 'revenue.total',
    trials: n,
    seed: opts.seed,
    base: { ...base, stdError: n > 1 ? Math.sqrt(variance(baseTotals) / n) : 0 },
    parameters: order.map((x) => x.p),
    meta: { elapsedMs: opts.elapsedMs ?? 0 },
  };
}

/**
 * Runs the tornado: the base scenario and, per parameter, its low and high settings, all with the same
 * seed and trials (common random numbers). Trials and seed default to the scenario's.
 * @example sensitivity(scenario, { trials: 1000 }).parameters[0] // the parameter with the largest swing
 */
export function sensitivity(scenario: Scenario, opts: SensitivityOptions = {}): SensitivityResult {
  const started = Date.now();
  const runs = planSensitivity(scenario, opts.params, opts.relative ?? 0.2);
  const trials = opts.trials ?? scenario.trials;
  const seed = opts.seed ?? scenario.seed;
  const { results } = simulateEach(sensitivityScenarios(scenario, runs), { trials, seed, onProgress: opts.onProgress });
  return sensitivityFromResults(scenario, results[0], runs, sensitivityPairs(runs, results), { seed, elapsedMs: Date.now() - started });
}
