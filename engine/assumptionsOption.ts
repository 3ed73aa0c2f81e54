import { InputError, issue } from './errors.js';
import type { AssumptionAnalysisOptions } from './compareAssumptions.js';
import type { Scenario } from './scenario.js';
import { OUTCOME_METRICS, type OutcomeMetric } from './uncertainty/sobol/outcome.js';
import { outcomeUnavailable } from './outcomes.js';

/** A compare request's `assumptions` option: `true`, or which metric to judge and how many rows of the Sobol plan. */
export interface AssumptionsOption {
  metric?: OutcomeMetric;
  draws?: number;
}

/**
 * Takes a compare request body's `assumptions` option out before the comparison is parsed (POST
 * /api/compare and the static build's worker client read it alike): `true`, or `{ metric?: revenue |
 * margin | arr | plan, draws?: 8..4096 }`; `false`, `null` or absent mean no analysis. Bad values throw an
 * InputError naming `assumptions` or `assumptions.<key>`.
 * @example takeAssumptionsOption({ yaml: 'x', assumptions: { metric: 'margin' } }) // { assumptions: { metric: 'margin' }, rest: { yaml: 'x' } }
 */
export function takeAssumptionsOption(body: Record<string, unknown>): { assumptions: AssumptionsOption | null; rest: Record<string, unknown> } {
  if (!('assumptions' in body)) return { assumptions: null, rest: body };
  const { assumptions: a, ...rest } = body;
  if (a === false || a === null) return { assumptions: null, rest };
  if (a === true) return { assumptions: {}, rest };
  const bad = (path: string, rule: string) => new InputError([issue(path, rule)]);
  if (typeof a !== 'object' || Array.isArray(a)) throw bad('assumptions', 'must be true, false or { metric?, draws? }');
  const o = a as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => k !== 'metric' && k !== 'draws');
  if (extra.length > 0) throw bad(`assumptions.${extra[0]}`, 'is not a known option (metric, draws)');
  if (o.metric !== undefined && !OUTCOME_METRICS.includes(o.metric as OutcomeMetric)) throw bad('assumptions.metric', `must be one of ${OUTCOME_METRICS.join(', ')}`);
  if (o.draws !== undefined && !(typeof o.draws === 'number' && Number.isInteger(o.draws) && o.draws >= 8 && o.draws <= 4096)) throw bad('assumptions.draws', 'must be a whole number between 8 and 4096');
  return { assumptions: { ...(o.metric !== undefined ? { metric: o.metric as OutcomeMetric } : {}), ...(o.draws !== undefined ? { draws: o.draws as number } : {}) }, rest };
}

/**
 * The analysis options of an asked-for `assumptions` option, as the server and the CLI run it: 256 rows of
 * the Sobol plan unless `draws` says otherwise, the comparison's seed, break-evens on at most 400 trials.
 * Refuses a metric the baseline cannot give (P(plan) without a plan (`hasPlan`: its Summary has one), ARR without customers),
 * naming `assumptions.metric`.
 * @example assumptionsAnalysisOptions({}, baseline, { seed: 1, trials: 2000, hasPlan: true }) // { metric: undefined, n: 256, seed: 1, breakEvenTrials: 400 }
 */
export function assumptionsAnalysisOptions(ask: AssumptionsOption, baseline: Scenario, run: { seed: number; trials: number; hasPlan: boolean }): AssumptionAnalysisOptions & { n: number; seed: number; breakEvenTrials: number } {
  if (ask.metric === 'plan' && !run.hasPlan) throw new InputError([issue('assumptions.metric', 'plan needs a plan (the baseline has no quota block)')]);
  const unavailable = ask.metric === undefined ? null : outcomeUnavailable(ask.metric, baseline);
  if (unavailable) throw new InputError([issue('assumptions.metric', `${unavailable} in the baseline`)]);
  return { metric: ask.metric, n: ask.draws ?? 256, seed: run.seed, breakEvenTrials: Math.min(run.trials, 400) };
}
