import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario.js';
import { planBasis, planTargets } from '../../engine/plan.js';
import { planTargets as quotaPlan } from '../../engine/mechanisms/coverage/policy.js';

const reps = { seats: 4, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 20000 };

describe('the plan, from the registry (engine/plan.ts)', () => {
  it("is the quota block's plan (the coverage mechanism's `plan` hook), or null without one", () => {
    const flat = parseScenario({ horizonMonths: 18, reps, quota: { annualPerRep: 120000 }, hiring: { plan: [{ month: 4, seats: 2 }] } });
    expect(planTargets(flat)).toEqual(quotaPlan(flat));
    // 4 seats for 18 months and 2 more from month 4 (ramp-adjusted by default), at 10,000 a month each at full ramp
    expect(planTargets(flat)!.total).toBeGreaterThan(4 * 18 * 10000);
    expect(planTargets(flat)!.total).toBeLessThan(4 * 18 * 10000 + 2 * 15 * 10000);
    expect(planTargets(parseScenario({ reps }))).toBeNull();
    expect(planTargets(parseScenario({ reps, quota: { method: 'none' } }))).toBeNull();
  });

  it('says where the plan comes from: quota.plan when given, else the seats\' quotas; null without a plan', () => {
    expect(planBasis(parseScenario({ reps, quota: { plan: 1e6 } }))).toBe('quota.plan');
    expect(planBasis(parseScenario({ reps, quota: { annualPerRep: 120000 } }))).toBe("the quotas of the scenario's seats over its first 12 months");
    expect(planBasis(parseScenario({ reps }))).toBeNull();
  });
});
