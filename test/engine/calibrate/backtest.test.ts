import { describe, expect, it } from 'vitest';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { backtest, backtestScenario, bookedRevenue, compareToBand } from '../../../engine/calibrate/backtest.js';
import { runTrials } from '../../../engine/simulate.js';
import { mergeResults } from '../../../engine/results.js';
import { parseCsv } from '../../../engine/calibrate/csv.js';
import { InputError } from '../../../engine/errors.js';

const SCENARIO = {
  reps: { seats: 40, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 10 }, dealSize: { median: 25000, sigma: 0.8 }, cycleMonths: 3, noDecisionRate: 0.2 },
};

describe('backtest', () => {
  const history = synthesize(SCENARIO, { months: 24, start: '2025-01', seed: 21 }).opportunities;

  it('puts 60-95% of 24 months of a scenario\'s own synthetic history inside its P10-P90 band', () => {
    const r = backtest(history, SCENARIO, { from: '2025-01', to: '2026-12', trials: 800, seed: 5 });
    expect(r.months).toHaveLength(24);
    expect(r.insideShare).toBeGreaterThanOrEqual(0.6);
    expect(r.insideShare).toBeLessThanOrEqual(0.95);
    expect(r.inside).toBe(r.months.filter((m) => m.actual >= m.p10 && m.actual <= m.p90).length);
  });

  it('sums won amounts by close month for the actuals, and centres the band on the closed-form mean', () => {
    const r = backtest(history, SCENARIO, { from: '2025-03', to: '2025-05', trials: 2000, seed: 2 });
    const t = parseCsv(history);
    const want = [0, 0, 0];
    for (const rec of t.records) {
      const [, , , close, stage, amount] = rec.fields;
      if (stage !== 'Closed Won') continue;
      const k = ['2025-03', '2025-04', '2025-05'].indexOf(close.slice(0, 7));
      if (k >= 0) want[k] += Number(amount);
    }
    r.months.forEach((m, i) => expect(m.actual).toBeCloseTo(want[i], 2));
    // steady state: seats x rate x E[p] x (1 - nd) x E[deal]
    const expected = 40 * 4 * 0.25 * 0.8 * 25000 * Math.exp(0.8 ** 2 / 2);
    for (const m of r.months) {
      // the monthly mean's SE over 2000 trials: the band's width / 2.56 / sqrt(2000), generously x 5
      const se = (m.p90 - m.p10) / 2.563 / Math.sqrt(2000);
      expect(Math.abs(m.mean - expected)).toBeLessThan(5 * se);
      expect(m.p10).toBeLessThan(m.p50);
      expect(m.p50).toBeLessThan(m.p90);
    }
  });

  it('flags a scenario that is far off (double the win rate) as outside the band most months', () => {
    const wrong = { reps: { ...SCENARIO.reps, winRate: { mean: 0.5, concentration: 10 } } };
    const r = backtest(history, wrong, { from: '2025-01', to: '2026-12', trials: 300, seed: 1 });
    expect(r.insideShare).toBeLessThan(0.2);
    expect(r.total.inside).toBe(false);
    // how wrong and in which direction: the actual is about half the simulated total, beyond the band
    expect(r.scores.bias.ratio).toBeGreaterThan(0.4);
    expect(r.scores.bias.ratio).toBeLessThan(0.6);
    expect(r.scores.bias.interval[1]).toBeLessThan(1);
    expect(r.scores.meanPit).toBeLessThan(0.1);
    const right = backtest(history, SCENARIO, { from: '2025-01', to: '2026-12', trials: 300, seed: 1 });
    expect(r.scores.meanIntervalScore).toBeGreaterThan(2 * right.scores.meanIntervalScore);
  });

  it('composes from parts a worker pool can run: booked revenue + chunked runTrials + compareToBand = backtest', () => {
    const opts = { from: '2025-02', to: '2025-07', trials: 90, seed: 8 };
    const whole = backtest(history, SCENARIO, opts);
    const s = backtestScenario(SCENARIO, 6);
    const parts = mergeResults([runTrials(s, 8, 0, 40), runTrials(s, 8, 40, 50)]);
    expect(compareToBand(bookedRevenue(history, opts), parts, 8)).toEqual(whole);
  });

  it('scores each month (PIT, interval score) and the total (bias with its interval) from the simulated trials', () => {
    const opts = { from: '2025-01', to: '2026-12', trials: 500, seed: 5 };
    const r = backtest(history, SCENARIO, opts);
    const sim = runTrials(backtestScenario(SCENARIO, 24), 5, 0, 500);
    r.months.forEach((m, k) => {
      let below = 0;
      for (let t = 0; t < 500; t++) below += sim.revenue[t * 24 + k] < m.actual ? 1 : sim.revenue[t * 24 + k] === m.actual ? 0.5 : 0;
      expect(m.pit).toBeCloseTo(below / 500, 12);
      const outside = Math.max(0, m.p10 - m.actual) + Math.max(0, m.actual - m.p90);
      expect(m.intervalScore).toBeCloseTo(m.p90 - m.p10 + 10 * outside, 6);
      expect(m.inside).toBe(outside === 0);
    });
    expect(r.scores.meanIntervalScore).toBeCloseTo(r.months.reduce((a, m) => a + m.intervalScore, 0) / 24, 6);
    expect(r.scores.bias.ratio).toBeCloseTo(r.total.actual / r.total.p50, 12);
    expect(r.scores.bias.interval).toEqual([r.total.actual / r.total.p90, r.total.actual / r.total.p10]);
    expect(r.scores.bias.interval[0] <= 1 && r.scores.bias.interval[1] >= 1).toBe(r.total.inside);
    // the scenario describes its own history: PIT values spread around 0.5 (their mean has sd about 0.29 / sqrt(24) x the months' correlation)
    expect(Math.abs(r.scores.meanPit - 0.5)).toBeLessThan(0.2);
  });

  it('rejects bad periods with named errors', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).errors.map((x) => x.path);
      }
      throw new Error('no error');
    };
    expect(err(() => backtest(history, SCENARIO, { from: '2025-13', to: '2025-12' }))).toEqual(['from']);
    expect(err(() => backtest(history, SCENARIO, { from: '2025-06', to: '2025-01' }))).toEqual(['to']);
    expect(err(() => backtest(history, SCENARIO, { from: '2030-01', to: '2030-12', trials: 10 }))).toEqual(['from']);
  });
});
