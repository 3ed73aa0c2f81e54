/**
 * The `precision` and `maxTrials` fields of a request body: a precision-targeted run instead of a
 * trial count (the engine's `parsePrecision` targets, e.g. "p_plan=0.01,revenue=0.5%").
 */
import { defaultPrecision, InputError, parsePrecision } from '../engine/index.js';
import { DEFAULT_MAX_TRIALS } from '../parallel/index.js';
import { apiIssue, fromInputIssues, type ApiIssue } from './errors.js';
import { MAX_TRIALS, optionalInt } from './request.js';
import { fittingTrials, type Limits } from './limits.js';
import type { Scenario } from '../engine/index.js';

export interface PrecisionRequest {
  spec: string;
  maxTrials: number;
  /** maxTrials was given (else the server may lower the default cap to fit its work budget) */
  explicit: boolean;
  /** the default precision: the request named neither trials nor precision, nor its scenario its own trials */
  default?: boolean;
}

/** The issue for maxTrials given to a run of a trial count. */
export function maxTrialsAlone(): ApiIssue {
  return apiIssue('maxTrials', 'needs precision', 'maxTrials: caps a precision-targeted run: give precision too (or no trials anywhere, for the default precision)');
}

/**
 * The default precision of a request that names no trial count anywhere (engine/precision/defaults.ts):
 * P(plan) ±0.01 and mean revenue ±0.5%, its cap fitted to the work budget at admission.
 * @example defaultPrecisionRequest(scenario) // { spec: 'p_plan=0.01,revenue=0.5%', maxTrials: 100000, explicit: false, default: true }
 */
export function defaultPrecisionRequest(scenario: Scenario, maxTrials?: number): PrecisionRequest {
  return { spec: defaultPrecision(scenario), maxTrials: maxTrials ?? DEFAULT_MAX_TRIALS, explicit: maxTrials !== undefined, default: true };
}

/**
 * Reads `precision` (a string of targets) and `maxTrials` (default DEFAULT_MAX_TRIALS); pushes an issue
 * naming the field otherwise. `trials` cannot be given with `precision`.
 * @example precisionFrom({ precision: 'p_plan=0.01' }, []) // { spec: 'p_plan=0.01', maxTrials: 100000 }
 */
export function precisionFrom(body: Record<string, unknown>, errors: ApiIssue[], opts: { capAlone?: boolean } = {}): PrecisionRequest | undefined {
  const maxTrials = optionalInt(body, 'maxTrials', 1, MAX_TRIALS, errors);
  const spec = body.precision;
  if (spec === undefined || spec === null) {
    // capAlone: the caller decides (maxTrials may cap the default precision of a request naming no trials)
    if (maxTrials !== undefined && !opts.capAlone) errors.push(maxTrialsAlone());
    return undefined;
  }
  if (typeof spec !== 'string') {
    errors.push(apiIssue('precision', 'must be a string', 'precision: must be a string of targets, e.g. "p_plan=0.01" or "revenue=0.5%,arr=1%"'));
    return undefined;
  }
  if (body.trials !== undefined && body.trials !== null) errors.push(apiIssue('trials', 'cannot be given with precision', 'trials: cannot be given with precision (maxTrials caps a precision-targeted run)'));
  try {
    parsePrecision(spec, 'precision');
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    errors.push(...fromInputIssues(e.errors));
    return undefined;
  }
  return { spec, maxTrials: maxTrials ?? DEFAULT_MAX_TRIALS, explicit: maxTrials !== undefined };
}

/**
 * The request's precision with its cap fitted to the work budget when the caller named none.
 * @example withFittedCap({ spec: 'p_plan=0.01', maxTrials: 100_000, explicit: false }, [scenario], limits)
 */
export function withFittedCap(p: PrecisionRequest, scenarios: Scenario[], limits: Limits): PrecisionRequest {
  return p.explicit ? p : { ...p, maxTrials: fittingTrials(scenarios, limits, p.maxTrials) };
}
