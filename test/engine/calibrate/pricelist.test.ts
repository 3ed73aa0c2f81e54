/**
 * Round trip on non-lognormal history: won amounts from a price list (a few price points with unequal
 * weights, as a seller of a product list books them). The lognormal must be rejected and the empirical
 * amounts written, so that the fitted mean deal size and mean revenue per month are right, and the
 * 24-month back-test of the fitted scenario puts 60-95% of months inside its P10-P90 band.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { calibrate } from '../../../engine/calibrate/calibrate.js';
import { backtest } from '../../../engine/calibrate/backtest.js';
import { parseScenario } from '../../../engine/scenario.js';
import { simulate } from '../../../engine/simulate.js';

const SEATS = 35;
const RATE = 6;
const WIN = 0.45;
const ND = 0.1;

function truthOf(prices: number[], weights: number[]) {
  const empirical = prices.flatMap((p, i) => Array<number>(weights[i]).fill(p));
  const meanDeal = empirical.reduce((a, b) => a + b, 0) / empirical.length;
  const scenario = { reps: { seats: SEATS, opportunitiesPerMonth: RATE, winRate: { mean: WIN, concentration: 15 }, dealSize: { empirical }, cycleMonths: 2, noDecisionRate: ND } };
  return { scenario, meanDeal, meanMonthly: SEATS * RATE * WIN * (1 - ND) * meanDeal };
}

/** Fits a price-list history and checks the deal-size choice and means; returns the 24-month back-test. */
function check(prices: number[], weights: number[], seed: number) {
  const truth = truthOf(prices, weights);
  const h = synthesize(truth.scenario, { months: 24, seed, prospects: 0.3 });
  // point estimates: an in-sample back-test with parameter uncertainty drawn per trial covers more than 80% by design
  const { scenario, report, yaml } = calibrate(h.opportunities, { point: true });
  expect(parseScenario(yaml).reps.dealSize).toEqual(parseScenario(scenario).reps.dealSize);
  // the test that chose the distribution: the lognormal is rejected, the amounts are written as they are
  expect(report.dealSize.test.test).toMatch(/Anderson-Darling/);
  expect(report.dealSize.test.pValue).toBeLessThan(0.01);
  expect(report.dealSize.distribution).toBe('empirical');
  expect(report.dealSize.meanFitted).toBe(report.dealSize.meanWon);
  const d = report.dealSize;
  expect(Math.abs(d.meanFitted - truth.meanDeal), `mean deal ${d.meanFitted} ± ${d.meanWonSe}, truth ${truth.meanDeal}`).toBeLessThanOrEqual(3 * d.meanWonSe);
  const rev = report.revenue;
  expect(Math.abs(rev.meanMonthly - truth.meanMonthly), `monthly revenue ${rev.meanMonthly} ± ${rev.se}, truth ${truth.meanMonthly}`).toBeLessThanOrEqual(3 * rev.se);
  const bt = backtest(h.opportunities, scenario, { from: '2025-01', to: '2026-12', trials: 400, seed: 1 });
  return { truth, report, bt };
}

describe('round trip on price-list deal sizes', () => {
  it("the issue's price list (55, 550, 1,100, 3,400, 5,000 with unequal weights)", () => {
    const { truth, report, bt } = check([55, 550, 1100, 3400, 5000], [6, 9, 3, 1, 1], 1);
    expect(bt.insideShare).toBeGreaterThanOrEqual(0.6);
    expect(bt.insideShare).toBeLessThanOrEqual(0.95);
    // the lognormal's mean is far off for this list (the reason a lognormal back-test overshoots)
    expect(Math.abs(report.dealSize.meanLognormal - truth.meanDeal)).toBeGreaterThan(3 * report.dealSize.meanWonSe);
    expect(bt.scores.bias.interval[0]).toBeLessThanOrEqual(1);
    expect(bt.scores.bias.interval[1]).toBeGreaterThanOrEqual(1);
  });

  it('random price lists (3 to 6 points, unequal weights; fixed seeds)', () => {
    const list = fc
      .uniqueArray(fc.integer({ min: 20, max: 10000 }), { minLength: 3, maxLength: 6 })
      .chain((prices) => fc.tuple(fc.constant(prices.sort((a, b) => a - b)), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: prices.length, maxLength: prices.length }), fc.integer({ min: 1, max: 1e6 })));
    // one history's share of 24 months inside P10-P90 varies (months share the same reps; the true scenario
    // itself gets below 60% on some histories), so the 60-95% holds for the months of the lists together
    let inside = 0,
      months = 0;
    fc.assert(
      fc.property(list, ([prices, weights, seed]) => {
        const { bt } = check(prices, weights, seed);
        inside += bt.inside;
        months += bt.months.length;
      }),
      { numRuns: 4, seed: 1511, endOnFailure: true },
    );
    expect(months).toBe(4 * 24);
    expect(inside / months).toBeGreaterThanOrEqual(0.6);
    expect(inside / months).toBeLessThanOrEqual(0.95);
  });

  it('keeps the lognormal for lognormal amounts, its mean within one SE of the mean won amount', () => {
    const h = synthesize({ reps: { seats: 35, opportunitiesPerMonth: RATE, winRate: { mean: WIN, concentration: 15 }, dealSize: { median: 900, sigma: 1 }, cycleMonths: 2, noDecisionRate: ND } }, { months: 24, seed: 6 });
    const { scenario, report } = calibrate(h.opportunities);
    expect(report.dealSize.distribution).toBe('lognormal');
    expect(report.dealSize.test.pValue).toBeGreaterThanOrEqual(0.01);
    expect(Math.abs(report.dealSize.meanFitted - report.dealSize.meanWon)).toBeLessThanOrEqual(report.dealSize.meanWonSe);
    expect(Object.keys((scenario.reps as { dealSize: object }).dealSize)).toEqual(['median', 'sigma']);
  });

  it('samples an empirical scenario exactly: simulated mean revenue matches the closed form within 4 SE', () => {
    const truth = truthOf([55, 550, 1100, 3400, 5000], [6, 9, 3, 1, 1]);
    const r = simulate(parseScenario({ ...truth.scenario, horizonMonths: 6 }), { trials: 400, seed: 3 });
    const per = Array.from({ length: r.trials }, (_, t) => r.revenue.slice(t * 6, t * 6 + 6).reduce((a, b) => a + b, 0) / 6);
    const m = per.reduce((a, b) => a + b, 0) / per.length;
    const sd = Math.sqrt(per.reduce((a, b) => a + (b - m) ** 2, 0) / (per.length - 1));
    expect(Math.abs(m - truth.meanMonthly)).toBeLessThanOrEqual((4 * sd) / Math.sqrt(per.length));
  });
});
