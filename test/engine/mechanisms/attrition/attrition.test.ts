import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { monthlyHazard, lowPerformerExits } from '../../../../engine/mechanisms/attrition/attrition.js';
import { expectMoments } from '../../../helpers/stat.js';
import { scenario, simulate, totals, month, mean } from '../../../helpers/scenarios.js';

describe('attrition', () => {
  it('monthly hazard is 1 - (1 - a)^(1/12)', () => {
    expect(monthlyHazard(0.3)).toBeCloseTo(1 - 0.7 ** (1 / 12), 14);
    expect(monthlyHazard(0)).toBe(0);
    expect(monthlyHazard(1)).toBe(1);
  });
  it('without backfill survival is 100 x 0.7^(t/12) under 30% annual attrition', () => {
    const s = scenario({ horizonMonths: 24, attrition: { annualRate: 0.3 } }, { seats: 100 });
    const r = simulate(s, { trials: 2000, seed: 21 });
    for (const t of [1, 6, 12, 24]) {
      const surv = 0.7 ** (t / 12);
      expectMoments(month(r.headcount, r, t), 100 * surv, 100 * surv * (1 - surv));
    }
  });
  it("end-of-month headcount under constant hiring h and hazard q tends to h(1-q)/q (Little's law)", () => {
    const h = 4,
      a = 0.5,
      H = 120;
    const q = monthlyHazard(a);
    const s = scenario(
      { horizonMonths: H, hiring: { plan: Array.from({ length: H }, (_, i) => ({ month: i + 1, seats: h })), backfill: false, timeToFillMonths: 0, ramp: { months: 0 } }, attrition: { annualRate: a } },
      { seats: 0 },
    );
    const r = simulate(s, { trials: 400, seed: 22 });
    // exact finite-horizon mean: h sum_{k=1..H} (1-q)^k; its limit is h(1-q)/q
    const exact = (h * (1 - q) * (1 - (1 - q) ** H)) / q;
    expect(Math.abs(exact - (h * (1 - q)) / q)).toBeLessThan(0.1);
    expectMoments(month(r.headcount, r, H), exact, null);
  });
  it('pipelineLossOnExit removes that share of the leaver’s open opportunities; the rest still resolve', () => {
    // everyone leaves at the end of month 1 (hazard 1); steady-state open after month 1 ~ Poisson(rate (c - 1)) per seat
    for (const loss of [0, 0.5, 1]) {
      const s = scenario({ horizonMonths: 2, attrition: { annualRate: 1, pipelineLossOnExit: loss } }, { winRate: 1 });
      const r = simulate(s, { trials: 3000, seed: 23 });
      const lam = (20 * 4 * 2 * (1 - loss)) / 3; // open after month 1 ~ Poisson(rate (c - 1)) x kept x resolve prob 1/c
      expectMoments(month(r.revenue, r, 2), lam, lam);
      expect(mean(month(r.headcount, r, 1))).toBe(0);
    }
  });
  it('the low-performer rule removes reps after consecutive quarters below the threshold', () => {
    const s = scenario({ horizonMonths: 12, attrition: { annualRate: 0, lowPerformerExit: { attainmentBelow: 0.5, consecutiveQuarters: 2 } }, quota: { annualPerRep: 1000 } }, { winRate: 0 });
    const r = simulate(s, { trials: 5, seed: 1 });
    expect(Array.from(month(r.headcount, r, 5))).toEqual([20, 20, 20, 20, 20]);
    expect(Array.from(month(r.headcount, r, 6))).toEqual([0, 0, 0, 0, 0]);
    expect(lowPerformerExits(2, 2, 8, 6, 3)).toBe(false); // still within ramp + cycle
    expect(lowPerformerExits(2, 2, 10, 6, 3)).toBe(true);
  });
  it('more attrition never raises mean revenue (same seed, no backfill)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0.01, max: 0.5, noNaN: true }), fc.integer({ min: 1, max: 24 }), (a, da, H) => {
        const lo = mean(totals(simulate(scenario({ horizonMonths: H, attrition: { annualRate: a } }, { seats: 8, winRate: { mean: 0.3, concentration: 5 }, dealSize: { median: 10, sigma: 0.5 } }), { trials: 40, seed: 3 })));
        const hi = mean(totals(simulate(scenario({ horizonMonths: H, attrition: { annualRate: Math.min(1, a + da) } }, { seats: 8, winRate: { mean: 0.3, concentration: 5 }, dealSize: { median: 10, sigma: 0.5 } }), { trials: 40, seed: 3 })));
        expect(hi).toBeLessThanOrEqual(lo);
      }),
      { numRuns: 25, seed: 24 },
    );
  });
});
