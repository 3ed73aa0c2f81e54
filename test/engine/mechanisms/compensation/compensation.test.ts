import { describe, expect, it } from 'vitest';
import { expectedPayout, payout, payoutCurve } from '../../../../engine/mechanisms/compensation/compensation.js';
import { PAYOUT_BINS } from '../../../../engine/mechanisms/compensation/types.js';
import { parseScenario, summarize } from '../../../../engine/index.js';
import { expectMoments } from '../../../helpers/stat.js';
import { scenario, simulate, totals } from '../../../helpers/scenarios.js';

/** Poisson(mu) probabilities of 0..kMax. */
function poissonPmf(mu: number, kMax: number): Float64Array {
  const p = new Float64Array(kMax + 1);
  p[0] = Math.exp(-mu);
  for (let k = 1; k <= kMax; k++) p[k] = (p[k - 1] * mu) / k;
  return p;
}

// the stationary core: each rep's won deals in a year are Poisson(12 x 4 x 0.25) = Poisson(12), deal size 1, quota 12
const reps = { seats: 20, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1, noDecisionRate: 0, cycleMonths: 3, initialPipeline: 'steady-state' };
const plan = { ote: 200, variableShare: 0.5, quota: 12, decelerator: { below: 0.5, rate: 0.5 }, accelerators: [{ above: 1, rate: 2 }, { above: 1.5, rate: 3 }], cap: 2.5 };

describe('compensation', () => {
  it('the payout curve: decelerator below the threshold, 1 up to quota, accelerators above', () => {
    const c = payoutCurve(plan.decelerator, plan.accelerators);
    expect(payout(c, 0)).toBe(0);
    expect(payout(c, 0.4)).toBeCloseTo(0.2, 14);
    expect(payout(c, 1)).toBeCloseTo(0.25 + 0.5, 14);
    expect(payout(c, 1.5)).toBeCloseTo(0.75 + 1, 14);
    expect(payout(c, 2)).toBeCloseTo(1.75 + 1.5, 14);
    expect(payout(payoutCurve(null, []), 1.3)).toBeCloseTo(1.3, 14);
    expect(expectedPayout(c, 2.5, [1, 2], [0.5, 0.5])).toBeCloseTo(0.5 * 0.75 + 0.5 * 2.5, 14);
  });

  it('expected commission, share at the cap and payout distribution match the closed form for Poisson attainment', () => {
    const s = scenario({ horizonMonths: 12, compensation: plan }, reps);
    const r = simulate(s, { trials: 1500, seed: 31 });
    const pmf = poissonPmf(12, 80);
    const att = Float64Array.from(pmf, (_, k) => k / 12);
    const c = payoutCurve(plan.decelerator, plan.accelerators);
    const perRep = 100 * expectedPayout(c, 2.5, att, pmf);
    // per-rep payout variance from the same distribution, times 20 independent reps
    let ex2 = 0;
    for (let k = 0; k < pmf.length; k++) ex2 += pmf[k] * (100 * Math.min(2.5, payout(c, att[k]))) ** 2;
    expectMoments(r.compCommission, 20 * perRep, 20 * (ex2 - perRep * perRep));
    let pCap = 0;
    for (let k = 0; k < pmf.length; k++) if (payout(c, att[k]) >= 2.5) pCap += pmf[k];
    expectMoments(r.shareAtCap, pCap, null);
    // base pay is exact; cost of sales is pay / revenue trial by trial
    for (let t = 0; t < r.trials; t++) expect(r.compBase[t]).toBeCloseTo(20 * 12 * 100 / 12, 9);
    const tot = totals(r);
    for (let t = 0; t < 50; t++) expect(r.costOfSales[t]).toBeCloseTo(r.compCost[t] / tot[t], 12);
    // the pooled payout distribution against the binned closed form (each bin within 4 SE of a proportion)
    const sm = summarize(s, r);
    const n = 20 * r.trials;
    for (let b = 0; b < PAYOUT_BINS; b++) {
      let p = 0;
      for (let k = 0; k < pmf.length; k++) {
        const g = Math.min(2.5, payout(c, att[k]));
        const bin = Math.min(PAYOUT_BINS - 1, Math.floor(g / 0.25));
        if (bin === b) p += pmf[k];
      }
      expect(Math.abs(sm.compensation!.payout.shares[b] - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n) + 1e-12);
    }
    expect(sm.compensation!.costOfSales!.mean).toBeGreaterThan(0);
  });

  it('a linear, uncapped plan pays V x revenue / quota exactly; a SPIF pays its rate on the bookings of its months', () => {
    const s = scenario({ horizonMonths: 12, compensation: { ote: 200, quota: 12, spifs: [{ fromMonth: 4, toMonth: 6, rate: 0.1 }] } }, reps);
    const r = simulate(s, { trials: 40, seed: 3 });
    for (let t = 0; t < r.trials; t++) {
      let total = 0,
        spif = 0;
      for (let m = 0; m < 12; m++) {
        total += r.revenue[t * 12 + m];
        if (m >= 3 && m <= 5) spif += r.revenue[t * 12 + m];
      }
      expect(r.compCommission[t]).toBeCloseTo((100 * total) / 12, 8);
      expect(r.compSpif[t]).toBeCloseTo(0.1 * spif, 8);
    }
  });

  it("a new hire's guarantee tops the variable up to share x target for its first months", () => {
    const hiring = { plan: [{ month: 1, seats: 5 }], backfill: false, timeToFillMonths: 0, ramp: { months: 0 } };
    const s = scenario({ horizonMonths: 12, hiring, compensation: { ote: 120, quota: 12, guarantee: { months: 3, share: 0.8 } } }, { ...reps, seats: 0, winRate: 0 });
    const r = simulate(s, { trials: 5, seed: 1 });
    for (let t = 0; t < r.trials; t++) {
      expect(r.compGuarantee[t]).toBeCloseTo(5 * 3 * 0.8 * 5, 9);
      expect(r.compCommission[t]).toBe(0);
    }
  });

  it('the plan changes no draw: revenue is bit-identical with and without it, and its pay goes into the reps cost', () => {
    const base = scenario({ horizonMonths: 24, attrition: { annualRate: 0.3 }, hiring: { backfill: true, timeToFillMonths: 2, ramp: { months: 3 } }, costs: { repAnnualCost: 0 } }, reps);
    const withPlan = parseScenario({ ...base, compensation: plan });
    const r0 = simulate(base, { trials: 50, seed: 9 });
    const r1 = simulate(withPlan, { trials: 50, seed: 9 });
    expect(Array.from(r1.revenue)).toEqual(Array.from(r0.revenue));
    expect(Array.from(r1.exits)).toEqual(Array.from(r0.exits));
    expect(r0.compCost.length).toBe(0);
    let cost = 0;
    for (let k = 0; k < r1.cost.length; k++) cost += r1.cost[k] - r0.cost[k];
    let pay = 0;
    for (let t = 0; t < r1.trials; t++) pay += r1.compCost[t];
    expect(cost).toBeCloseTo(pay, 6);
  });

  it('needs a quota, naming the field', () => {
    expect(() => parseScenario({ reps, compensation: { ote: 100 } })).toThrow(/compensation\.quota/);
    expect(() => parseScenario({ reps, compensation: { ote: 100, quota: 10, accelerators: [{ above: 1.5, rate: 2 }, { above: 1.2, rate: 3 }] } })).toThrow(/accelerators\[1\]\.above/);
  });
});
