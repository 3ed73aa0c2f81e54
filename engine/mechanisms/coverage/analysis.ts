/** The coverage policy's part in the engine's estimates and analyses (its registry entry's `work` and `plan`). */
import type { WorkHook } from '../../kernel/work.js';
import type { PlanHook } from '../../kernel/plan.js';
import { planTargets } from './policy.js';

/**
 * The plan the quota block sets (engine/kernel/plan.ts): quota.plan pro-rated, or the planned seats' quotas,
 * which every analysis measures P(plan) and attainment against.
 */
export const PLAN: PlanHook = {
  targets: planTargets,
  basis: (s) => (s.quota?.plan != null ? 'quota.plan' : "the quotas of the scenario's seats over its first 12 months"),
};

/**
 * Padded opportunities a seat can make a month (the largest multiple the policy can reach, of the monthly
 * quota, in expected deals), won at paddingQuality x the win share.
 */
export const WORK: WorkHook = (s, _c, { winShare, deal }) => {
  const cov = s.coverage;
  const q = s.quota;
  const padded = cov && cov.policy !== 'none' && q?.annualPerRep ? (Math.max(cov.multiple, cov.escalation?.cap ?? 0) * q.annualPerRep) / 12 / Math.max(deal, 1e-300) : 0;
  return { factors: { paddedWonPerMonth: Math.min(1e300, padded) * (cov?.paddingQuality ?? 0) * winShare } };
};
