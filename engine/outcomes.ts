/**
 * The outcomes the mechanisms add to total revenue, margin and P(plan) (their registry entries' `outcomes`,
 * engine/kernel/outcome.ts), looked up by name: goal seeks, precision targets, the tornado and the variance
 * analysis measure them through here, so none of them names the block an outcome needs.
 */
import type { Scenario } from './scenario.js';
import type { Summary, TrialResults } from './types.js';
import type { Stats } from './stats/statsType.js';
import { MECHANISMS } from './mechanisms/registry.js';
import type { OutcomeHook } from './kernel/outcome.js';

/**
 * A mechanism's outcome as the engine reads it: the registry's hook (engine/kernel/outcome.ts, whose
 * parameter types the kernel cannot name) on the engine's result and Summary types.
 */
export type MechanismOutcome = Omit<OutcomeHook, 'trial' | 'summary'> & {
  readonly trial: (r: TrialResults, t: number) => number;
  readonly summary: (sum: Summary) => { readonly stats: Stats; readonly stdError: number } | null;
};

/** Every mechanism's outcomes, in registry order (the hooks' parameter types are checked against TrialResults and Summary here). */
export const MECHANISM_OUTCOMES: readonly MechanismOutcome[] = MECHANISMS.flatMap((m): readonly MechanismOutcome[] => ('outcomes' in m ? m.outcomes : []));

/**
 * The mechanism outcome called `name`, or undefined for the outcomes every scenario has (revenue, margin, plan).
 * @example mechanismOutcome('arr')?.needs // 'a customers block'
 */
export function mechanismOutcome(name: string): MechanismOutcome | undefined {
  return MECHANISM_OUTCOMES.find((o) => o.name === name);
}

/**
 * The headline outcome of a scenario that has one (a subscription scenario: ARR at the horizon), which the
 * tornado and the variance analysis measure by default; undefined: total revenue.
 * @example headlineOutcome(parseScenario(subscription))?.name // 'arr'
 */
export function headlineOutcome(s: Scenario): MechanismOutcome | undefined {
  return MECHANISM_OUTCOMES.find((o) => o.headline && o.on(s));
}

/**
 * Why `scenario` cannot measure the outcome `name` (`arr needs a customers block`), or null when it can
 * (and for the outcomes every scenario has).
 * @example outcomeUnavailable('arr', parseScenario(core)) // 'arr needs a customers block'
 */
export function outcomeUnavailable(name: string, scenario: Scenario): string | null {
  const o = mechanismOutcome(name);
  return o && !o.on(scenario) ? `${o.name} needs ${o.needs}` : null;
}
