import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rampMultiplier, onboardingSpeed, CURVE } from '../../../../engine/mechanisms/hiring/hiring.js';
import { expectMoments } from '../../../helpers/stat.js';
import { scenario, simulate, totals, month, mean } from '../../../helpers/scenarios.js';

describe('hiring and ramp', () => {
  it('ramp curves', () => {
    expect([1, 2, 3, 4, 5].map((k) => rampMultiplier(CURVE.linear, 4, k))).toEqual([0.25, 0.5, 0.75, 1, 1]);
    expect(rampMultiplier(CURVE['s-curve'], 4, 2)).toBe(0.5);
    expect(rampMultiplier(CURVE['s-curve'], 4, 1)).toBeCloseTo(0.15625, 12);
    expect([3, 4, 5].map((k) => rampMultiplier(CURVE.step, 4, k))).toEqual([0, 0, 1]);
    expect(rampMultiplier(CURVE.linear, 0, 1)).toBe(1);
    expect(onboardingSpeed(10, 5)).toBe(0.5);
  });
  it('ten month-1 hires with time-to-fill 0 and a 4-month linear ramp produce 10.5 full months each in 12', () => {
    const s = scenario({ horizonMonths: 12, hiring: { plan: [{ month: 1, seats: 10 }], timeToFillMonths: 0, ramp: { months: 4, curve: 'linear' } } }, { seats: 0, winRate: 1, cycleMonths: 1, opportunitiesPerMonth: 3 });
    const lam = 10 * 10.5 * 3;
    expectMoments(totals(simulate(s, { trials: 3000, seed: 31 })), lam, lam);
  });
  it('onboarding capacity stretches ramp: 10 starters with capacity 5 ramp at half speed (8.5 full months in 12)', () => {
    const s = scenario(
      { horizonMonths: 12, hiring: { plan: [{ month: 1, seats: 10 }], timeToFillMonths: 0, ramp: { months: 4 }, onboardingCapacityPerMonth: 5 } },
      { seats: 0, winRate: 1, cycleMonths: 1, opportunitiesPerMonth: 3 },
    );
    const lam = 10 * 8.5 * 3;
    expectMoments(totals(simulate(s, { trials: 3000, seed: 32 })), lam, lam);
  });
  it('a seat opened in month m with time-to-fill 3 is vacant for 3 months and filled at the start of m + 3', () => {
    const s = scenario({ horizonMonths: 8, hiring: { plan: [{ month: 2, seats: 1 }], timeToFillMonths: 3 } }, { seats: 0 });
    const r = simulate(s, { trials: 3, seed: 1 });
    expect([1, 2, 3, 4, 5, 6].map((m) => mean(month(r.vacant, r, m)))).toEqual([0, 1, 1, 1, 0, 0]);
    expect([1, 2, 3, 4, 5, 6].map((m) => mean(month(r.headcount, r, m)))).toEqual([0, 0, 0, 0, 1, 1]);
    expect(mean(r.hires)).toBe(1);
  });
  it('backfill: a departure at the end of m is filled at the start of m + 1 + round(time-to-fill)', () => {
    const s = scenario({ horizonMonths: 6, hiring: { backfill: true, timeToFillMonths: 0 }, attrition: { annualRate: 1 } }, { seats: 5 });
    const r = simulate(s, { trials: 2, seed: 1 });
    expect(Array.from(month(r.headcount, r, 3))).toEqual([0, 0]);
    expect(Array.from(month(r.vacant, r, 3))).toEqual([5, 5]);
    expect(Array.from(r.hires)).toEqual([25, 25]);
    expect(Array.from(r.exits)).toEqual([30, 30]);
  });
  it('time-to-fill draws have the given mean (gamma, rounded)', () => {
    const s = scenario({ horizonMonths: 24, hiring: { plan: [{ month: 1, seats: 50 }], timeToFillMonths: { mean: 4, sd: 1.5 } } }, { seats: 0 });
    const r = simulate(s, { trials: 200, seed: 33 });
    // vacant seat-months at month ends = sum of fill delays (all < 24)
    let vac = 0;
    for (let m = 1; m <= 24; m++) vac += mean(month(r.vacant, r, m));
    expect(Math.abs(vac / 50 - 4)).toBeLessThan(4 * Math.sqrt((1.5 ** 2 + 1 / 12) / (50 * 200)));
  });
  it('new hires use newHireWinRate', () => {
    const s = scenario({ horizonMonths: 12, hiring: { plan: [{ month: 1, seats: 10 }], timeToFillMonths: 0, ramp: { months: 0 }, newHireWinRate: 0.5 } }, { seats: 0, winRate: 0.1, cycleMonths: 1, dealSize: 1 });
    const lam = 10 * 12 * 4 * 0.5;
    expectMoments(totals(simulate(s, { trials: 2000, seed: 34 })), lam, lam);
  });
  it('a longer ramp never raises mean revenue (same seed, no backfill)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 8, noNaN: true }), fc.double({ min: 0, max: 6, noNaN: true }), fc.constantFrom('linear', 's-curve', 'step'), (R, dR, curve) => {
        const mk = (months: number) =>
          scenario({ horizonMonths: 12, hiring: { plan: [{ month: 1, seats: 4 }, { month: 5, seats: 3 }], timeToFillMonths: { mean: 1, sd: 1 }, ramp: { months, curve }, backfill: false }, attrition: { annualRate: 0.2 } }, { seats: 5, winRate: { mean: 0.3, concentration: 4 }, dealSize: { median: 10, sigma: 1 } });
        const short = mean(totals(simulate(mk(R), { trials: 30, seed: 35 })));
        const long = mean(totals(simulate(mk(R + dR), { trials: 30, seed: 35 })));
        expect(long).toBeLessThanOrEqual(short);
      }),
      { numRuns: 25, seed: 36 },
    );
  });
});
