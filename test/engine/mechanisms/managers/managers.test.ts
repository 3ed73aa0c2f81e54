import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coachingTime } from '../../../../engine/mechanisms/managers/managers.js';
import { monthlyHazard } from '../../../../engine/kernel/hazard.js';
import { parseScenario, summarize } from '../../../../engine/index.js';
import { expectMoments } from '../../../helpers/stat.js';
import { scenario, simulate, totals } from '../../../helpers/scenarios.js';

const reps = { seats: 24, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1, noDecisionRate: 0.2, cycleMonths: 3, initialPipeline: 'steady-state' };
const fixed = (q: number, extra: Record<string, unknown> = {}) => ({ span: 8, quality: { mean: q, sd: 0 }, annualExitRate: 0, ...extra });

describe('managers', () => {
  it('a wider span never gives more coaching time, nor a larger win-rate lift at any quality', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 20 }), fc.double({ min: 1, max: 20, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (span, wider, ref, q) => {
        expect(coachingTime(span + wider, ref)).toBeLessThanOrEqual(coachingTime(span, ref));
        expect(0.1 * q * coachingTime(span + wider, ref)).toBeLessThanOrEqual(0.1 * q * coachingTime(span, ref));
      }),
      { seed: 2702, numRuns: 200 },
    );
    expect(coachingTime(10, 6)).toBeCloseTo(0.6, 14);
    expect(coachingTime(4, 6)).toBe(1);
  });

  it('coaching lifts mean revenue by winRateLift x quality x coaching time (stationary team, closed form)', () => {
    for (const [span, i] of [[6, 0], [12, 1]] as const) {
      const s = scenario({ horizonMonths: 12, managers: fixed(0.8, { span, winRateLift: 0.15, referenceSpan: 6 }) }, reps);
      const r = simulate(s, { trials: 1500, seed: 60 + i });
      const lift = 1 + 0.15 * 0.8 * Math.min(1, 6 / span);
      expectMoments(totals(r), 24 * 12 * 4 * 0.8 * 0.25 * lift, null);
    }
  });

  it('a block with no effect is bit-identical to none (its stream draws nothing else)', () => {
    const base = scenario({ horizonMonths: 24, attrition: { annualRate: 0.3 }, hiring: { backfill: true, timeToFillMonths: 2, ramp: { months: 4 } } }, reps);
    const r0 = simulate(base, { trials: 40, seed: 4 });
    const r1 = simulate(parseScenario({ ...base, managers: { winRateLift: 0, rampSpeedup: 0, poorManagerAttrition: 1, goodManagerAttrition: 1, disruption: { attritionMultiplier: 1 } } }), { trials: 40, seed: 4 });
    expect(Array.from(r1.revenue)).toEqual(Array.from(r0.revenue));
    expect(Array.from(r1.exits)).toEqual(Array.from(r0.exits));
    expect(r1.managerExits.some((x) => x > 0)).toBe(true);
  });

  it("managers leave at their monthly hazard (closed form: teams x (H - 1) x h without vacancy), and the team's exits follow the quality multiplier", () => {
    const H = 24;
    const s = scenario({ horizonMonths: H, attrition: { annualRate: 0.2 }, managers: { span: 8, quality: { mean: 0.25, sd: 0 }, annualExitRate: 0.3, vacancyMonths: 0, disruption: { months: 0 }, poorManagerAttrition: 1.4, goodManagerAttrition: 0.6 } }, reps);
    const r = simulate(s, { trials: 2000, seed: 62 });
    const h = monthlyHazard(0.3);
    expectMoments(r.managerExits, 3 * (H - 1) * h, 3 * (H - 1) * h * (1 - h));
    // every manager has quality 0.25: each rep's hazard x (1.4 - 0.8 x 0.25) = x 1.2; no backfill
    const p = 1 - (1 - 1.2 * monthlyHazard(0.2)) ** H;
    expectMoments(r.exits, 24 * p, 24 * p * (1 - p));
    const sm = summarize(s, r);
    expect(sm.managers!.teamsAtStart).toBe(3);
    expect(sm.managers!.teamMonthsWithoutManager.mean).toBe(0);
  });

  it('a vacancy counts team-months without a manager; costs use the block span', () => {
    const s = scenario({ horizonMonths: 24, costs: { managerSpan: 4, managerAnnualCost: 120000 }, managers: { span: 12, annualExitRate: 0.5, vacancyMonths: 3 } }, reps);
    const r = simulate(s, { trials: 200, seed: 63 });
    expect(r.teamMonthsWithoutManager.reduce((a, x) => a + x, 0)).toBeGreaterThan(0);
    // 24 seats at span 12: 2 managers x $10k a month
    expect(r.costItems[1]).toBeCloseTo(24 * 2 * 10000, 6);
  });
});
