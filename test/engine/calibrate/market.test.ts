/**
 * A market that moves: a history with growth of opportunity supply and month-of-year seasonality is
 * calibrated to a market block whose growth and 12 multipliers are within 3 SE of the truth; a history
 * without them gets no market block. Back-tests move the market's calendar to their first month.
 */
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { calibrate } from '../../../engine/calibrate/calibrate.js';
import { backtest } from '../../../engine/calibrate/backtest.js';
import { parseScenario } from '../../../engine/scenario.js';

const SEAS = [0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.2, 1.1, 1, 0.9, 0.8];
const REPS = { seats: 50, opportunitiesPerMonth: 5, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2, noDecisionRate: 0.1 };

describe('market fit', () => {
  it('recovers growth and the 12 month-of-year multipliers within 3 SE (36 months, tests stated)', () => {
    const h = synthesize({ reps: REPS, market: { annualGrowth: 0.15, seasonality: SEAS, start: '2025-01' } }, { months: 36, seed: 2 });
    const { scenario, report } = calibrate(h.opportunities);
    const m = report.market;
    expect(m.tests.map((t) => [t.term, t.df, t.kept])).toEqual([
      ['growth', 1, true],
      ['seasonality', 11, true],
    ]);
    for (const t of m.tests) expect(t.pValue).toBeLessThan(0.01);
    expect(Math.abs(m.annualGrowth - 0.15), `growth ${m.annualGrowth} ± ${m.annualGrowthSe}`).toBeLessThanOrEqual(3 * m.annualGrowthSe!);
    SEAS.forEach((truth, k) => expect(Math.abs(m.multipliers[k] - truth), `month ${k + 1}: ${m.multipliers[k]} ± ${m.multipliersSe[k]}`).toBeLessThanOrEqual(3 * m.multipliersSe[k]!));
    // the rate is that of the month after the history (2028-01), before seasonality: 5 x 1.15^3
    const rate = report.parameters.find((p) => p.path === 'reps.opportunitiesPerMonth')!;
    expect(Math.abs(rate.value - 5 * 1.15 ** 3)).toBeLessThanOrEqual(3 * rate.se!);
    const s = parseScenario(scenario);
    expect(s.market).toMatchObject({ start: '2028-01', baseMonth: '2028-01' });
    // the back-test moves the calendar to 2025-01 and undoes three years of growth
    const bt = backtest(h.opportunities, scenario, { from: '2025-01', to: '2027-12', trials: 300, seed: 1 });
    expect(bt.insideShare).toBeGreaterThanOrEqual(0.6);
    expect(bt.insideShare).toBeLessThanOrEqual(0.95);
    expect(bt.scores.bias.interval[0]).toBeLessThanOrEqual(1);
    expect(bt.scores.bias.interval[1]).toBeGreaterThanOrEqual(1);
  });

  it('fits growth alone on a shorter history (seasonality needs 24 months and is not tested)', () => {
    const h = synthesize({ reps: REPS, market: { annualGrowth: 0.4 } }, { months: 18, seed: 3 });
    const { scenario, report } = calibrate(h.opportunities);
    expect(report.market.tests.map((t) => t.term)).toEqual(['growth']);
    expect(report.market.growth).toBe(true);
    expect(Math.abs(report.market.annualGrowth - 0.4)).toBeLessThanOrEqual(3 * report.market.annualGrowthSe!);
    expect((scenario.market as { seasonality: number[] }).seasonality).toEqual(Array(12).fill(1));
  });

  it('leaves the market out when the data do not show one, stating the tests', () => {
    const { scenario, report } = calibrate(synthesize({ reps: REPS }, { months: 24, seed: 1 }).opportunities);
    expect(scenario.market).toBeUndefined();
    expect(report.market.tests).toHaveLength(2);
    for (const t of report.market.tests) expect(t.pValue).toBeGreaterThan(0.01);
  });
});
