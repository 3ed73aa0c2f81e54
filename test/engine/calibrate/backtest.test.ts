import { describe, expect, it } from 'vitest';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { backtest } from '../../../engine/calibrate/backtest.js';
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
