import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { effectRamp, liftWinRate, topQuintile, compileProgramme } from '../../../../engine/mechanisms/enablement/enablement.js';
import { parseScenario } from '../../../../engine/index.js';
import { expectMoments } from '../../../helpers/stat.js';
import { scenario, simulate, totals, mean } from '../../../helpers/scenarios.js';

const pareto = { tiers: [{ share: 0.2, mean: 0.4 }, { share: 0.8, mean: 0.025 }] };

describe('enablement', () => {
  it('effect ramp and lift formulas', () => {
    const p = compileProgramme(parseScenario({ reps: { seats: 1, opportunitiesPerMonth: 1, winRate: 0.1, dealSize: 1 }, enablement: [{ startMonth: 3, monthsToFullEffect: 4 }] }).enablement[0], 12);
    expect([2, 3, 4, 6, 7, 12, 13].map((m) => effectRamp(p, m))).toEqual([0, 0.25, 0.5, 1, 1, 1, 0]);
    expect(liftWinRate(0.1, 0.4, 0.5, 1)).toBeCloseTo(0.25, 15);
    expect(liftWinRate(0.5, 0.4, 0.5, 1)).toBe(0.5);
    const rates = Float64Array.of(0.4, 0.1, 0.2, 0.3, 0.5, 0.6, 0.1, 0.1, 0.1, 0.1);
    const ids = Int32Array.from(rates, (_, i) => i);
    const top = new Uint8Array(10);
    expect(topQuintile(rates, ids, 10, new Float64Array(10), top)).toEqual({ mean: 0.55, cutoff: 0.5, k: 2 });
    expect(Array.from(top)).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
    // ties at the cut-off go to the lower index; a subset of seats (ids) is ranked by its own values
    const tied = Float64Array.of(0.3, 0.9, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3);
    const some = Int32Array.of(0, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    expect(topQuintile(tied, some, 10, new Float64Array(10), top)).toEqual({ mean: 0.3, cutoff: 0.3, k: 2 });
    expect(Array.from(top)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(topQuintile(rates, ids, 0, new Float64Array(10), top)).toEqual({ mean: 0, cutoff: Infinity, k: 0 });
  });
  for (const f of [0.25, 0.5, 1]) {
    it(`lifting the bottom 80% of a 20%/80% team by f = ${f} multiplies revenue by 1 + 3f = ${1 + 3 * f}`, () => {
      const mk = (gap: number) => scenario({ horizonMonths: 12, enablement: gap > 0 ? [{ name: 'numerator', target: 'bottom80', gapClosed: gap }] : [] }, { seats: 100, winRate: pareto, opportunitiesPerMonth: 2 });
      const base = 12 * 2 * (20 * 0.4 + 80 * 0.025);
      const lifted = 12 * 2 * (20 * 0.4 + 80 * (0.025 + f * (0.4 - 0.025)));
      expect(lifted / base).toBeCloseTo(1 + 3 * f, 12);
      expectMoments(totals(simulate(mk(0), { trials: 2000, seed: 51 })), base, base);
      expectMoments(totals(simulate(mk(f), { trials: 2000, seed: 51 })), lifted, lifted);
    });
  }
  it('adoption is a per-rep Bernoulli: half the adopters, half the lift in expectation', () => {
    const s = scenario({ horizonMonths: 12, enablement: [{ target: 'bottom80', gapClosed: 1, adoption: 0.5 }] }, { seats: 100, winRate: pareto, opportunitiesPerMonth: 2 });
    expectMoments(totals(simulate(s, { trials: 2000, seed: 52 })), 12 * 2 * (8 + 80 * (0.025 + 0.5 * 0.375)), null);
  });
  it('no-decision cut and selling-time gain', () => {
    const nd = scenario({ horizonMonths: 12, enablement: [{ noDecisionCut: 1 }] }, { noDecisionRate: 0.5, cycleMonths: 1 });
    expectMoments(totals(simulate(nd, { trials: 2000, seed: 53 })), 20 * 12 * 4 * 0.25, 20 * 12 * 4 * 0.25);
    const st = scenario({ horizonMonths: 12, enablement: [{ sellingTimeGain: 0.5 }] }, { cycleMonths: 1 });
    expectMoments(totals(simulate(st, { trials: 2000, seed: 54 })), 20 * 12 * 6 * 0.25, 20 * 12 * 6 * 0.25);
  });
  it('rampMonthsSaved shortens the ramp of hires who start while the programme runs', () => {
    const s = scenario(
      { horizonMonths: 12, hiring: { plan: [{ month: 1, seats: 10 }], timeToFillMonths: 0, ramp: { months: 4 } }, enablement: [{ target: 'newHires', rampMonthsSaved: 4 }] },
      { seats: 0, winRate: 1, cycleMonths: 1, opportunitiesPerMonth: 3 },
    );
    expectMoments(totals(simulate(s, { trials: 2000, seed: 55 })), 10 * 12 * 3, 10 * 12 * 3);
  });
  it('costs: one-time at start plus per enrolled rep per month while it runs', () => {
    const s = scenario({ horizonMonths: 12, enablement: [{ startMonth: 4, endMonth: 9, target: 'bottom80', cost: { oneTime: 1000, perRepPerMonth: 10 } }] }, { seats: 10, winRate: { mean: 0.3, concentration: 5 } });
    const r = simulate(s, { trials: 5, seed: 56 });
    for (let t = 0; t < 5; t++) expect(r.costItems[t * 6 + 4]).toBe(1000 + 10 * 8 * 6);
  });
  it('a programme with gapClosed 0 and zero cost changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.constantFrom('all', 'bottom80', 'newHires'), fc.double({ min: 0, max: 1, noNaN: true }), (start, target, adoption) => {
        const blocks = { horizonMonths: 12, hiring: { plan: [{ month: 2, seats: 3 }], timeToFillMonths: 1 }, attrition: { annualRate: 0.3 } };
        const reps = { seats: 12, winRate: { mean: 0.3, concentration: 5 }, dealSize: { median: 10, sigma: 0.7 } };
        const a = simulate(scenario(blocks, reps), { trials: 20, seed: 57 });
        const b = simulate(scenario({ ...blocks, enablement: [{ startMonth: start, target, adoption, gapClosed: 0 }] }, reps), { trials: 20, seed: 57 });
        expect(b.revenue).toEqual(a.revenue);
        expect(b.cost).toEqual(a.cost);
        expect(b.headcount).toEqual(a.headcount);
      }),
      { numRuns: 20, seed: 58 },
    );
  });
  it('later joiners below the cut-off are in bottom80', () => {
    // one initial rep; hires join after the start: all with win rate 0.1 below the incumbent's 0.4 -> lifted to 0.4
    const s = scenario(
      { horizonMonths: 12, hiring: { plan: [{ month: 3, seats: 4 }], timeToFillMonths: 0, ramp: { months: 0 }, newHireWinRate: 0.1 }, enablement: [{ target: 'bottom80', gapClosed: 1 }] },
      { seats: 1, winRate: 0.4, cycleMonths: 1 },
    );
    const lam = 12 * 4 * 0.4 + 4 * 10 * 4 * 0.4;
    expectMoments(totals(simulate(s, { trials: 2000, seed: 59 })), lam, lam);
    expect(mean([1])).toBe(1);
  });
});
