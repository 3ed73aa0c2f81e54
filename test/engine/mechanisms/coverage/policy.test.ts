import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planTargets, repAnnualQuota, coverageMultiple, paddingNeeded, COVERAGE } from '../../../../engine/mechanisms/coverage/policy.js';
import { summarize } from '../../../../engine/index.js';
import { expectMoments } from '../../../helpers/stat.js';
import { scenario, simulate, totals, mean } from '../../../helpers/scenarios.js';
import { logFactorial } from '../../../../engine/random/logFactorial.js';
import { compile } from '../../../../engine/compile.js';
import { PURPOSE } from '../../../../engine/mechanisms/registry.js';

describe('quota and plan', () => {
  it('flat quota: the plan is the sum of quotas; plan years pro-rate a final partial year', () => {
    const s = scenario({ horizonMonths: 18, quota: { annualPerRep: 1200 } }, { seats: 10 });
    const p = planTargets(s)!;
    expect(p.total).toBeCloseTo(18000, 9);
    expect(p.annual.map((x) => Math.round(x))).toEqual([12000, 6000]);
    const given = planTargets(scenario({ horizonMonths: 18, quota: { annualPerRep: 1, plan: 24000 } }))!;
    expect(given.total).toBeCloseTo(36000, 9);
  });
  it('planned hires count from their month, ramp-adjusted', () => {
    const s = scenario({ horizonMonths: 12, quota: { annualPerRep: 1200 }, hiring: { plan: [{ month: 5, seats: 1 }], ramp: { months: 4 } } }, { seats: 0 });
    // months 5..12 with ramp 0.25, 0.5, 0.75, 1, 1, 1, 1, 1 x 100 per month
    expect(planTargets(s)!.total).toBeCloseTo(100 * 6.5, 9);
  });
  it('potential quota scales by potential per seat', () => {
    const s = scenario({ territories: [{ name: 'A', seats: 10, potential: 60 }, { name: 'B', seats: 10, potential: 20 }], quota: { method: 'potential', annualPerRep: 1000 } });
    expect(Array.from(repAnnualQuota(s)!)).toEqual([1500, 500]);
  });
  it('no quota means no plan', () => {
    expect(planTargets(scenario({}))).toBeNull();
    expect(planTargets(scenario({ quota: { method: 'none' } }))).toBeNull();
  });
  it('share of reps at quota = P(Poisson(12 x rate x p) >= quota) for identical reps', () => {
    const rate = 5;
    const s = scenario({ horizonMonths: 12, quota: { annualPerRep: 15 } }, { seats: 30, opportunitiesPerMonth: rate, winRate: 0.25, dealSize: 1, cycleMonths: 1 });
    let cdf = 0;
    for (let k = 0; k < 15; k++) cdf += Math.exp(-15 + k * Math.log(15) - logFactorial(k));
    const r = simulate(s, { trials: 2000, seed: 61 });
    expectMoments(r.shareAtQuota, 1 - cdf, null);
    const sum = summarize(s, r);
    expect(sum.reps.attainment!.mean).toBeCloseTo(1, 1);
    expect(sum.plan!.target).toBe(30 * 15);
  });
  it('plan probability has a Wilson interval around it', () => {
    const s = scenario({ horizonMonths: 12, quota: { annualPerRep: 12 } }, { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1 });
    const sum = summarize(s, simulate(s, { trials: 1000, seed: 62 }));
    const p = sum.plan!;
    expect(p.ci[0]).toBeLessThanOrEqual(p.probability);
    expect(p.ci[1]).toBeGreaterThanOrEqual(p.probability);
    expect(p.annual[0].target).toBe(120);
  });
});

describe('coverage policy', () => {
  it('multiples and padding', () => {
    expect(coverageMultiple(COVERAGE.global, 3, 0.5, 0)).toBe(3);
    expect(coverageMultiple(COVERAGE.individual, 3, 0.5, 0)).toBe(2);
    expect(coverageMultiple(COVERAGE.individual, 3, 0.2, 0)).toBeCloseTo(5, 12);
    expect(paddingNeeded(100, 250, 50)).toBe(3);
    expect(paddingNeeded(300, 250, 50)).toBe(0);
  });
  it('the individual policy never pads a rep whose natural pipeline covers 1/p of remaining quota', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 1e4, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), (p, nd, remaining, unit, over) => {
        const need = remaining / (p * (1 - nd));
        const value = need * over;
        expect(paddingNeeded(value, coverageMultiple(COVERAGE.individual, 3, p, nd) * remaining, unit)).toBe(0);
      }),
      { numRuns: 500, seed: 63 },
    );
    // and in the simulation: a pipeline far above 1 / p of a small quota is never padded
    const s = scenario({ horizonMonths: 12, quota: { annualPerRep: 10 }, coverage: { policy: 'individual' } }, { opportunitiesPerMonth: 10, winRate: 0.5, dealSize: 1 });
    expect(Array.from(simulate(s, { trials: 20, seed: 64 }).paddedShare).every((x) => x === 0)).toBe(true);
  });
  it('a global 3X rule pads a high-win rep and, with capacity, lowers revenue: it hurts the reps it pushes', () => {
    const reps = { seats: 20, opportunitiesPerMonth: 3, winRate: 0.5, dealSize: 1, capacity: 10 };
    const none = totals(simulate(scenario({ horizonMonths: 12, quota: { annualPerRep: 24 } }, reps), { trials: 500, seed: 65 }));
    const glob = simulate(scenario({ horizonMonths: 12, quota: { annualPerRep: 24 }, coverage: { policy: 'global', multiple: 3 } }, reps), { trials: 500, seed: 65 });
    expect(mean(glob.paddedShare)).toBeGreaterThan(0);
    const g = totals(glob);
    // paired on common random numbers: the difference's standard error
    const d = Float64Array.from(g, (v, i) => v - none[i]);
    const md = mean(d);
    const sd = Math.sqrt(d.reduce((a, x) => a + (x - md) ** 2, 0) / (d.length - 1));
    expect(md + 4 * (sd / Math.sqrt(d.length))).toBeLessThan(0);
  });
});

describe("the coverage slice (coverage/slice.ts) and the core's padding stream", () => {
  it('compiles the quota, the plan and the rule; compile seeds the padding stream only while the rule pads (`pads`)', () => {
    const on = compile(scenario({ quota: { annualPerRep: 1200 }, coverage: { policy: 'individual', multiple: 2, paddingQuality: 0.1 } }, { seats: 3 }));
    expect(on.coverage).toBe(COVERAGE.individual);
    expect([on.coverageMultiple, on.paddingQuality, on.escalate, on.coverageFigures]).toEqual([2, 0.1, false, true]);
    expect(Array.from(on.quotaAnnual!)).toEqual([1200]);
    expect(on.plan).toEqual(planTargets(scenario({ quota: { annualPerRep: 1200 }, coverage: { policy: 'individual', multiple: 2, paddingQuality: 0.1 } }, { seats: 3 })));
    expect(on.purposes & (1 << PURPOSE.padding)).not.toBe(0);
    const off = compile(scenario({ coverage: { policy: 'none' } }, { seats: 3 }));
    expect([off.coverage, off.quotaAnnual, off.plan, off.coverageFigures]).toEqual([COVERAGE.none, null, null, true]);
    expect(off.purposes & (1 << PURPOSE.padding)).toBe(0);
    const bare = compile(scenario({}, { seats: 3 }));
    expect([bare.coverage, bare.coverageFigures, bare.purposes & (1 << PURPOSE.padding)]).toEqual([COVERAGE.none, false, 0]);
  });
});
