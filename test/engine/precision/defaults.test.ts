/** The default precision (what a run answers to when it names no trial count) and the precision any run reached. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPrecisionTracker,
  defaultPrecision,
  fitTrialsToBudget,
  checkBudget,
  ownsTrials,
  parsePrecision,
  parseScenario,
  precisionReached,
  runTrials,
  simulate,
  summarize,
  wilson,
  Z95,
  DEFAULT_P_PLAN,
  nextBlockEnd,
  projectedTrials,
  DEFAULT_REVENUE,
} from '../../../engine/index.js';

const small = parseScenario({
  horizonMonths: 12,
  seed: 3,
  reps: { seats: 6, opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 10000, sigma: 0.6 } },
  attrition: { annualRate: 0.2 },
  quota: { method: 'flat', annualPerRep: 70000 },
});
const noQuota = parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 1, winRate: 0.3, dealSize: 1000 } });

describe('the default precision', () => {
  it('is P(plan) ± 0.01 and mean revenue ± 0.5% with a plan, revenue alone without one; both parse and are measurable', () => {
    expect(defaultPrecision(small)).toBe('p_plan=0.01,revenue=0.5%');
    expect(defaultPrecision(noQuota)).toBe('revenue=0.5%');
    expect(parsePrecision(defaultPrecision(small)).map((t) => [t.name, t.value])).toEqual([
      ['p_plan', DEFAULT_P_PLAN],
      ['revenue', DEFAULT_REVENUE],
    ]);
    // the tracker accepts both (a default must never be refused as unmeasurable)
    expect(() => createPrecisionTracker([small], parsePrecision(defaultPrecision(small)), ['p_plan', 'revenue', 'arr'])).not.toThrow();
    expect(() => createPrecisionTracker([noQuota], parsePrecision(defaultPrecision(noQuota)), ['p_plan', 'revenue', 'arr'])).not.toThrow();
  });

  it('applies only to a scenario that names no trial count of its own', () => {
    expect(ownsTrials({ trials: 2000, reps: {} })).toBe(true);
    expect(ownsTrials({ trials: 1 })).toBe(true);
    expect(ownsTrials({ reps: {} })).toBe(false);
    expect(ownsTrials({ trials: null })).toBe(false);
    expect(ownsTrials(null)).toBe(false);
    expect(ownsTrials('trials: 5')).toBe(false);
  });
});

describe('precisionReached', () => {
  it('equals the stopping rule\'s figures for any trial count (Wilson half-width; 1.96 se / |mean|)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), (n) => {
        const summary = summarize(small, simulate(small, { trials: n, seed: 3 }), { seed: 3 });
        const tracker = createPrecisionTracker([small], parsePrecision('p_plan=0.05,revenue=2%'), ['p_plan', 'revenue']);
        tracker.add([runTrials(small, 3, 0, n)]);
        const report = tracker.report('x', n);
        const got = precisionReached(summary);
        expect(got.trials).toBe(n);
        expect(got.pPlan).toBe(report.targets[0].reached);
        expect(got.revenue).toBe(report.targets[1].reached);
        expect(got.arr).toBeNull();
        // every Summary carries it
        expect(summary.diagnostics.halfWidth).toEqual({ pPlan: got.pPlan, revenue: got.revenue, arr: null });
      }),
      { seed: 11, numRuns: 10 },
    );
  });

  it('is the closed form: the Wilson interval of the hits, and Z95 x sd / sqrt(n) / mean', () => {
    const n = 400;
    const summary = summarize(small, simulate(small, { trials: n, seed: 5 }), { seed: 5 });
    const hits = Math.round(summary.plan!.probability * n);
    const ci = wilson(hits, n);
    const r = precisionReached(summary);
    expect(r.pPlan).toBeCloseTo((ci[1] - ci[0]) / 2, 12);
    expect(r.revenue).toBeCloseTo((Z95 * summary.revenue.total.sd) / Math.sqrt(n) / summary.revenue.total.mean, 12);
    // a quarter of the trials: about twice the half-width (1/sqrt(n) scaling), within the sampling noise of sd
    const quarter = precisionReached(summarize(small, simulate(small, { trials: n / 4, seed: 5 }), { seed: 5 }));
    expect(quarter.revenue! / r.revenue!).toBeGreaterThan(1.6);
    expect(quarter.revenue! / r.revenue!).toBeLessThan(2.4);
  });

  it('is null for what the scenario does not have: no plan, no customers', () => {
    const r = precisionReached(summarize(noQuota, simulate(noQuota, { trials: 50, seed: 1 }), { seed: 1 }));
    expect(r.pPlan).toBeNull();
    expect(r.arr).toBeNull();
    expect(r.revenue).toBeGreaterThan(0);
  });
});

describe('fitTrialsToBudget', () => {
  it('is the largest trial count within the work budget (the one cost model), at most the cap', () => {
    const work = (n: number) => checkBudget([{ scenario: small, trials: n }], Infinity, Infinity);
    expect(work(10)).toBeNull();
    expect(fitTrialsToBudget([small], { maxWork: Infinity, maxMemoryBytes: Infinity }, 100_000)).toBe(100_000);
    let last = 0;
    for (const maxWork of [1e5, 1e6, 3e6]) {
      const n = fitTrialsToBudget([small], { maxWork, maxMemoryBytes: Infinity }, 100_000);
      expect(n).toBeLessThan(100_000);
      expect(n).toBeGreaterThan(last); // more budget, more trials
      expect(checkBudget([{ scenario: small, trials: n }], maxWork, Infinity)).toBeNull();
      expect(checkBudget([{ scenario: small, trials: n + 1 }], maxWork, Infinity)).not.toBeNull();
      last = n;
    }
    expect(fitTrialsToBudget([small], { maxWork: Infinity, maxMemoryBytes: Infinity, maxTrialMonths: 1200 }, 100_000)).toBe(100);
  });
});

describe('projectedTrials', () => {
  it('is n (reached / asked)^2 for the worst target, capped; the trials so far once met', () => {
    expect(projectedTrials(1000, 1e5, false, [{ target: 0.01, reached: 0.02 }])).toBe(4000);
    expect(projectedTrials(1000, 3000, false, [{ target: 0.01, reached: 0.02 }])).toBe(3000);
    expect(projectedTrials(1000, 1e5, false, [{ target: 0.01, reached: 0.02 }, { target: 0.005, reached: 0.015 }])).toBe(9000);
    expect(projectedTrials(1000, 1e5, false, [{ target: 0.01, reached: Infinity }])).toBe(1e5);
    expect(projectedTrials(1000, 1e5, true, [{ target: 0.01, reached: 0.009 }])).toBe(1000);
    expect(projectedTrials(1000, 1e5, false, [])).toBeNull();
  });

  it('early in a run, foresees where P(plan) ± 0.02 stops within the noise of its half-width', () => {
    const tracker = createPrecisionTracker([small], parsePrecision('p_plan=0.02'), ['p_plan']);
    let done = 0;
    let early: number | null = null;
    while (!tracker.met()) {
      const end = nextBlockEnd(done, 100_000);
      tracker.add([runTrials(small, 3, done, end - done)]);
      done = end;
      if (early === null && done >= 500) early = tracker.report('p_plan=0.02', 100_000).projected!;
    }
    expect(early).not.toBeNull();
    // the half-width at 500 trials is known to about ±10% (p itself to ±0.04): the projection within ±25%
    expect(Math.abs(early! - done) / done).toBeLessThan(0.25);
  }, 120_000);
});
