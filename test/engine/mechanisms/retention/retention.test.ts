import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { annualExitRate, compileRetention, winRateQuantile } from '../../../../engine/mechanisms/retention/retention.js';
import { retentionBaseRate } from '../../../../engine/mechanisms/retention/schema.js';
import { ASSUMPTIONS } from '../../../../engine/mechanisms/retention/assumptions.js';
import { monthlyHazard } from '../../../../engine/kernel/hazard.js';
import { parseScenario, summarize } from '../../../../engine/index.js';
import { expectMoments } from '../../../helpers/stat.js';
import { scenario, simulate } from '../../../helpers/scenarios.js';

const logistic = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (a: number) => Math.log(a / (1 - a));
const tiers = { tiers: [{ share: 0.2, mean: 0.5 }, { share: 0.8, mean: 0.2 }] };
const reps = { seats: 20, opportunitiesPerMonth: 4, winRate: tiers, dealSize: 1, noDecisionRate: 0, cycleMonths: 3, initialPipeline: 'steady-state' };

describe('retention (performance-dependent attrition)', () => {
  it('the top-20% threshold is the 80th percentile of the win-rate distribution', () => {
    const d = (shares: number[], means: number[], conc: number[]) => ({ shares: Float64Array.from(shares), means: Float64Array.from(means), concentrations: Float64Array.from(conc) });
    expect(winRateQuantile(d([0.2, 0.8], [0.5, 0.2], [0, 0]), 0.8)).toBe(0.2);
    // Beta(1, 1) (mean 0.5, concentration 2) is uniform: its 80th percentile is 0.8
    expect(winRateQuantile(d([1], [0.5], [2]), 0.8)).toBeCloseTo(0.8, 3);
    // Beta(2, 2): F(x) = 3x^2 - 2x^3 = 0.8 at x = 0.7129
    expect(winRateQuantile(d([1], [0.5], [4]), 0.8)).toBeCloseTo(0.7129, 3);
  });

  it('the annual exit rate is logistic in attainment and log pay relative to the market', () => {
    const s = scenario({ attrition: { annualRate: 0.25 }, quota: { annualPerRep: 10 }, retention: { attainmentSlope: -1.5, paySlope: -2, payLevel: 0.9, variableShare: 0.4, marketPremium: 0.8, raise: { amount: 0.2 } } }, reps);
    const r = compileRetention(s, { shares: Float64Array.of(1), means: Float64Array.of(0.2), concentrations: Float64Array.of(0) }, 1)!;
    for (const A of [0, 0.5, 1, 1.7]) {
      const pay = 0.9 * (0.6 + 0.4 * A);
      const market = Math.max(0.1, 1 + 0.8 * (A - 1));
      expect(annualExitRate(r, A, false)).toBeCloseTo(logistic(logit(0.25) - 1.5 * (A - 1) - 2 * Math.log(pay / market)), 12);
      expect(annualExitRate(r, A, true)).toBeCloseTo(logistic(logit(0.25) - 1.5 * (A - 1) - 2 * Math.log((pay * 1.2) / market)), 12);
    }
  });

  it("with a compensation plan, pay follows its payout curve and cap (g(A): accelerator 2 above quota, capped at 1.5)", () => {
    const s = scenario({ attrition: { annualRate: 0.25 }, quota: { annualPerRep: 10 }, compensation: { ote: 100, variableShare: 0.5, accelerators: [{ above: 1, rate: 2 }], cap: 1.5 }, retention: { paySlope: -3, attainmentSlope: 0, marketPremium: 0.5 } }, reps);
    const r = compileRetention(s, { shares: Float64Array.of(1), means: Float64Array.of(0.2), concentrations: Float64Array.of(0) }, 1)!;
    const g = (A: number) => Math.min(1.5, A <= 1 ? A : 1 + 2 * (A - 1));
    for (const A of [0.5, 1, 1.2, 2]) expect(annualExitRate(r, A, false)).toBeCloseTo(logistic(logit(0.25) - 3 * Math.log((0.5 + 0.5 * g(A)) / (1 + 0.5 * (A - 1)))), 12);
  });

  it('CRN: a payout cap never lowers top-performer exits (no backfill)', () => {
    const make = (cap: number | null) =>
      scenario({ horizonMonths: 24, attrition: { annualRate: 0.3 }, quota: { annualPerRep: 10 }, compensation: { ote: 100, accelerators: [{ above: 1, rate: 2 }], cap }, retention: { marketPremium: 1 } }, { ...reps, winRate: { mean: 0.25, concentration: 10 } });
    const a = simulate(make(null), { trials: 200, seed: 8 });
    const b = simulate(make(1.2), { trials: 200, seed: 8 });
    for (let t = 0; t < 200; t++) expect(b.exitsTop20[t]).toBeGreaterThanOrEqual(a.exitsTop20[t]);
    expect(b.exitsTop20.reduce((x, y) => x + y, 0)).toBeGreaterThan(a.exitsTop20.reduce((x, y) => x + y, 0));
  });

  it('exits by group follow the closed form when pay is fixed by group (a raise for the top 20%)', () => {
    const H = 24;
    const s = scenario({ horizonMonths: H, attrition: { annualRate: 0.3 }, quota: { annualPerRep: 10 }, retention: { attainmentSlope: 0, paySlope: -3, variableShare: 0, marketPremium: 0, ote: 100, raise: { amount: 0.35 } } }, reps);
    const r = simulate(s, { trials: 3000, seed: 41 });
    const pTop = 1 - (1 - monthlyHazard(logistic(logit(0.3) - 3 * Math.log(1.35)))) ** H;
    const pRest = 1 - (1 - monthlyHazard(0.3)) ** H;
    expectMoments(r.exitsTop20, 4 * pTop, 4 * pTop * (1 - pTop));
    expectMoments(r.exitsOther80, 16 * pRest, 16 * pRest * (1 - pRest));
    // the raise is paid to the top 20% while they stay: 0.35 x 100 / 12 a month each
    const sm = summarize(s, r);
    let seatedTopMonths = 0;
    for (let m = 1; m <= H; m++) seatedTopMonths += 4 * (1 - monthlyHazard(logistic(logit(0.3) - 3 * Math.log(1.35)))) ** (m - 1);
    expectMoments(r.raiseCost, (seatedTopMonths * 35) / 12, null);
    expect(sm.retention!.top20.exits.mean).toBeCloseTo(r.exitsTop20.reduce((a, x) => a + x, 0) / r.trials, 12);
  });

  it('exit share by group for a hazard at a fixed attainment: reps who win nothing leave at the rate of attainment 0 from their first quarter end', () => {
    const H = 18;
    const w = { tiers: [{ share: 0.2, mean: 0.5 }, { share: 0.8, mean: 0 }] };
    const ret = { attainmentSlope: -1.2, paySlope: -2, variableShare: 0.5, marketPremium: 0.3 };
    const s = scenario({ horizonMonths: H, attrition: { annualRate: 0.2 }, quota: { annualPerRep: 10 }, retention: ret }, { ...reps, winRate: w });
    const r = simulate(s, { trials: 3000, seed: 43 });
    const h1 = monthlyHazard(0.2);
    // attainment 0: pay 0.5, market 1 - 0.3 = 0.7; the hazard changes at month 3's quarter end, before its draw
    const h0 = monthlyHazard(logistic(logit(0.2) + 1.2 - 2 * Math.log(0.5 / 0.7)));
    const p = 1 - (1 - h1) ** 2 * (1 - h0) ** (H - 2);
    expectMoments(r.exitsOther80, 16 * p, 16 * p * (1 - p));
  });

  it('CRN: a higher pay level never raises top-performer exits (no backfill, any seed)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.6, max: 1.4, noNaN: true }), fc.double({ min: 0, max: 0.4, noNaN: true }), fc.integer({ min: 1, max: 1000 }), (lo, up, seed) => {
        const make = (payLevel: number) =>
          scenario({ horizonMonths: 24, attrition: { annualRate: 0.3 }, quota: { annualPerRep: 10 }, retention: { payLevel, marketPremium: 1 } }, { ...reps, winRate: { mean: 0.25, concentration: 10 } });
        const a = simulate(make(lo), { trials: 20, seed });
        const b = simulate(make(lo + up), { trials: 20, seed });
        for (let t = 0; t < 20; t++) {
          expect(b.exitsTop20[t]).toBeLessThanOrEqual(a.exitsTop20[t]);
          expect(b.exitsTop20[t] + b.exitsOther80[t]).toBeLessThanOrEqual(a.exitsTop20[t] + a.exitsOther80[t]);
        }
      }),
      { numRuns: 25, seed: 2701 },
    );
  });

  it('needs attrition and a quota, naming the block', () => {
    expect(() => parseScenario({ reps, quota: { annualPerRep: 10 }, retention: {} })).toThrow(/retention: needs an attrition block/);
    expect(() => parseScenario({ reps, attrition: { annualRate: 0.2 }, retention: {} })).toThrow(/retention: needs a quota block/);
  });

  it("its base rate is the attrition block's annual rate, read in one place: with no retention block there is none, and nothing compiles", () => {
    const on = scenario({ attrition: { annualRate: 0.3 }, quota: { annualPerRep: 10 }, retention: {} }, reps);
    expect(retentionBaseRate(on)).toBe(0.3);
    const d = { shares: Float64Array.of(1), means: Float64Array.of(0.2), concentrations: Float64Array.of(0) };
    expect(compileRetention(on, d, 1)!.logit0).toBeCloseTo(logit(0.3), 14);
    const off = scenario({ attrition: { annualRate: 0.3 }, quota: { annualPerRep: 10 } }, reps);
    expect(retentionBaseRate(off)).toBeNull();
    expect(compileRetention(off, d, 1)).toBeNull();
    // its assumptions are used only while the hazard is on
    expect(ASSUMPTIONS.map((a) => a.when!(on))).toEqual(ASSUMPTIONS.map(() => true));
    expect(ASSUMPTIONS.map((a) => a.when!(off))).toEqual(ASSUMPTIONS.map(() => false));
  });
});
