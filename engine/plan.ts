/**
 * The plan a scenario is measured against, from the registry (the mechanisms' `plan` hooks,
 * engine/kernel/plan.ts): the first mechanism whose block sets one, or null.
 */
import type { Scenario } from './scenario.js';
import type { PlanHook, PlanTargets } from './kernel/plan.js';
import { MECHANISMS, type Mechanism } from './mechanisms/registry.js';
export type { PlanTargets } from './kernel/plan.js';

const PLANS: readonly PlanHook[] = MECHANISMS.flatMap((m: Mechanism): readonly PlanHook[] => (m.plan ? [m.plan] : []));

/** The hook whose block sets a plan for `s`, with that plan. */
function planOf(s: Scenario): { hook: PlanHook; targets: PlanTargets } | null {
  for (const hook of PLANS) {
    const targets = hook.targets(s);
    if (targets) return { hook, targets };
  }
  return null;
}

/**
 * The deterministic company plan of a resolved scenario, or null when it has none (no quota).
 * @example planTargets(parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1000 }, quota: { method: 'flat', annualPerRep: 12000 } }))?.total // 24000
 */
export function planTargets(s: Scenario): PlanTargets | null {
  return planOf(s)?.targets ?? null;
}

/**
 * Where a scenario's plan comes from, in words ("quota.plan", "the quotas of the scenario's seats over its
 * first 12 months"), or null when it has none.
 */
export function planBasis(s: Scenario): string | null {
  const p = planOf(s);
  return p ? p.hook.basis(s) : null;
}
