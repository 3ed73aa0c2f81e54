import { describe, expect, it } from 'vitest';
import { compileDrift, expectedRevenueFactor, trendFactor } from '../../../../engine/mechanisms/drift/drift.js';
import { parseScenario } from '../../../../engine/index.js';
import { expectMoments } from '../../../helpers/stat.js';
import { scenario, simulate, totals } from '../../../helpers/scenarios.js';

const t = (change: number, overMonths = 24, startMonth = 1, walkSd = 0) => ({ change, overMonths, startMonth, walkSd });
const reps = { seats: 20, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1, noDecisionRate: 0.3, cycleMonths: 3, initialPipeline: 'steady-state' };

/** Expected total revenue of the stationary core model with fixed deal size 1: N λ (1 - ν) p Σ factor(m). */
function expectedTotal(s: ReturnType<typeof scenario>): number {
  const d = compileDrift(s);
  let f = 0;
  for (let m = 1; m <= s.horizonMonths; m++) f += d ? expectedRevenueFactor(d, 0.3, m) : 1;
  return 20 * 4 * 0.7 * 0.25 * f;
}

describe('drift', () => {
  it('the trend is 1 up to startMonth, linear over overMonths, then held', () => {
    expect(trendFactor(t(-0.2, 24, 1), 1)).toBe(1);
    expect(trendFactor(t(-0.2, 24, 1), 13)).toBeCloseTo(0.9, 14);
    expect(trendFactor(t(-0.2, 24, 1), 25)).toBeCloseTo(0.8, 14);
    expect(trendFactor(t(-0.2, 24, 1), 36)).toBeCloseTo(0.8, 14);
    expect(trendFactor(t(0.5, 10, 7), 7)).toBe(1);
    expect(trendFactor(t(0.5, 10, 7), 12)).toBeCloseTo(1.25, 14);
    expect(trendFactor(undefined, 5)).toBe(1);
  });

  it('a drift block whose factors are all 1 gives bit-identical results to no block (and so does an empty one)', () => {
    const base = scenario({ horizonMonths: 24, attrition: { annualRate: 0.2 }, hiring: { backfill: true, timeToFillMonths: 2, ramp: { months: 3 } } }, reps);
    const r0 = simulate(base, { trials: 60, seed: 5 });
    for (const drift of [{}, { winRate: t(0), dealSize: t(0), noDecisionRate: t(0) }]) {
      const r1 = simulate(parseScenario({ ...base, drift }), { trials: 60, seed: 5 });
      expect(Array.from(r1.revenue)).toEqual(Array.from(r0.revenue));
      expect(Array.from(r1.exits)).toEqual(Array.from(r0.exits));
    }
  });

  it('mean revenue follows the closed form of the trend (win rate, no-decision rate and deal size)', () => {
    const cases = [{ winRate: t(-0.2, 24) }, { noDecisionRate: t(0.5, 12, 6) }, { dealSize: t(0.3, 18) }, { winRate: t(-0.2, 24), noDecisionRate: t(0.25, 24), dealSize: t(0.1, 12) }];
    for (const [i, drift] of cases.entries()) {
      const s = scenario({ horizonMonths: 36, drift }, reps);
      const r = simulate(s, { trials: 1000, seed: 100 + i });
      expectMoments(totals(r), expectedTotal(s), null);
    }
  });

  it('a -20% win-rate trend over 24 of 36 months: the closed form sums the ramp exactly, and the paired difference to no drift matches it', () => {
    const s = scenario({ horizonMonths: 36, drift: { winRate: t(-0.2, 24) } }, reps);
    const d = compileDrift(s)!;
    let f = 0;
    for (let m = 1; m <= 36; m++) f += expectedRevenueFactor(d, 0.3, m);
    // months 1..25 average 1 - 0.1 x 24/25 ... exactly: sum_{m=1..25} (1 - 0.2 (m-1)/24) + 11 x 0.8
    const exact = Array.from({ length: 25 }, (_, k) => 1 - (0.2 * k) / 24).reduce((a, b) => a + b, 0) + 11 * 0.8;
    expect(f).toBeCloseTo(exact, 12);
    const r = simulate(s, { trials: 800, seed: 7 });
    const r0 = simulate(scenario({ horizonMonths: 36 }, reps), { trials: 800, seed: 7 });
    // paired: the drifted run is lower in mean by the closed form's share (common random numbers)
    const diff = Float64Array.from(totals(r), (x, i) => x - totals(r0)[i]);
    expectMoments(diff, 20 * 4 * 0.7 * 0.25 * (f - 36), null);
  });

  it('a mean-preserving random walk keeps the expected revenue of the trend, varies it between trials, and is deterministic by seed', () => {
    const s = scenario({ horizonMonths: 36, drift: { winRate: t(-0.2, 24, 1, 0.05), dealSize: t(0, 12, 1, 0.05) } }, reps);
    const r = simulate(s, { trials: 2000, seed: 11 });
    expectMoments(totals(r), expectedTotal(s), null);
    const flat = simulate(scenario({ horizonMonths: 36, drift: { winRate: t(-0.2, 24) } }, reps), { trials: 2000, seed: 11 });
    const sd = (xs: Float64Array) => Math.sqrt(xs.reduce((a, x) => a + (x - xs.reduce((p, q) => p + q, 0) / xs.length) ** 2, 0) / (xs.length - 1));
    expect(sd(totals(r))).toBeGreaterThan(1.5 * sd(totals(flat)));
    const again = simulate(s, { trials: 50, seed: 11 });
    expect(Array.from(again.revenue)).toEqual(Array.from(r.revenue.subarray(0, 50 * 36)));
  });

  it('rejects a change of -1 or less, naming the field', () => {
    expect(() => parseScenario({ reps, drift: { winRate: { change: -1 } } })).toThrow(/drift\.winRate\.change/);
  });
});
