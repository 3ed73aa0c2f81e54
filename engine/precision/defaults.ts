/**
 * The default precision: what a run answers to when the user names neither a trial count nor a precision
 * (no --trials / `trials` in the request, no `trials` in the scenario, no --precision / `precision`).
 *
 * - P(plan) to within ±0.01 (the half-width of its 95% interval): "P(plan) to within a point" is how a
 *   plan owner states the question (issue 28); a decision about a plan at 70% vs 72% needs that, and the
 *   old default of 2,000 trials gave only about ±0.02 on the baseline. The cost is p(1-p)(1.96/0.01)^2
 *   trials: at most 9,604 (P(plan) = 0.5), 7,583 on the baseline (0.29).
 * - Mean total revenue to within ±0.5% (relative half-width of its 95% interval), the precision a revenue
 *   forecast is quoted to; on the baseline (coefficient of variation about 0.13) it holds after about
 *   3,000 trials, so P(plan) usually decides the run's length. Without a plan (no quota block) it is the
 *   only target.
 * - The cap (the most trials the run may use) is DEFAULT_PRECISION_CAP, lowered by the caller to what its
 *   work and memory budgets fit (the server: fittingTrials; the CLI: SALESIM_MAX_WORK), so a default run
 *   is never refused or runaway; a run that stops at the cap says so in its report.
 */
import type { Scenario } from '../scenario.js';
import { planTargets } from '../plan.js';

/** The default targets' half-widths (see the file's comment for why). */
export const DEFAULT_P_PLAN = 0.01;
export const DEFAULT_REVENUE = 0.005;

/** The default cap on a default-precision run (before the caller's budgets lower it). */
export const DEFAULT_PRECISION_CAP = 100_000;

/**
 * The default precision spec for a scenario: P(plan) ±0.01 when it has a plan, and mean revenue ±0.5%.
 * @example defaultPrecision(baseline) // 'p_plan=0.01,revenue=0.5%'
 * @example defaultPrecision(noQuota) // 'revenue=0.5%'
 */
export function defaultPrecision(scenario: Scenario): string {
  return defaultPrecisionSpec(planTargets(scenario) !== null);
}

/**
 * The default precision spec with or without a plan (a forecast's plan may come from --plan rather than
 * the scenario's quota).
 * @example defaultPrecisionSpec(true) // 'p_plan=0.01,revenue=0.5%'
 */
export function defaultPrecisionSpec(hasPlan: boolean): string {
  const revenue = `revenue=${+(DEFAULT_REVENUE * 100).toPrecision(6)}%`;
  return hasPlan ? `p_plan=${DEFAULT_P_PLAN},${revenue}` : revenue;
}

/**
 * Whether a scenario as written (a parsed YAML/JSON object, before defaults) names its own trial count:
 * then it runs exactly that many; otherwise it runs to the default precision.
 * @example ownsTrials({ trials: 2000, reps: {} }) // true
 * @example ownsTrials({ reps: {} }) // false
 */
export function ownsTrials(raw: unknown): boolean {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && (raw as Record<string, unknown>).trials !== undefined && (raw as Record<string, unknown>).trials !== null;
}
