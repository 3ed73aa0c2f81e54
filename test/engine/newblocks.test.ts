/**
 * The scenario fields of issue 15: `reps.dealSize.empirical` (sampled by inversion) and the `market` block
 * (growth and month-of-year multipliers on arrivals): validation, JSON Schema, compiled multipliers and
 * their effect on simulated arrivals.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioJsonSchema, scenarioHash } from '../../engine/scenario.js';
import { compileMarket } from '../../engine/mechanisms/market/market.js';
import { createEmpiricalTable, empiricalQuantile } from '../../engine/random/empiricalTable.js';
import { simulate } from '../../engine/simulate.js';
import { errorsOf } from '../helpers/errors.js';

const REPS = { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1000 };
const SEAS = [0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.2, 1.1, 1, 0.9, 0.8];

describe('validation', () => {
  it('names the field path and rule of bad empirical amounts', () => {
    const e = errorsOf(() => parseScenario({ reps: { ...REPS, dealSize: { empirical: [100, 200, 300, -5, 0] } } }));
    expect(e.map((x) => `${x.path}: ${x.rule}`)).toEqual(['reps.dealSize.empirical[3]: must be positive', 'reps.dealSize.empirical[4]: must be positive']);
    expect(errorsOf(() => parseScenario({ reps: { ...REPS, dealSize: { empirical: [] } } }))[0]).toMatchObject({ path: 'reps.dealSize.empirical', rule: 'must have at least one amount' });
    expect(errorsOf(() => parseScenario({ reps: { ...REPS, dealSize: { empirical: 'many' } } }))[0].path).toBe('reps.dealSize.empirical');
    expect(parseScenario({ reps: { ...REPS, dealSize: { empirical: [55, 550] } } }).reps.dealSize).toEqual({ empirical: [55, 550] });
  });

  it('names the field path and rule of a bad market block', () => {
    const e = (market: unknown) => errorsOf(() => parseScenario({ reps: REPS, market })).map((x) => `${x.path}: ${x.rule}`);
    expect(e({ annualGrowth: -1 })).toEqual(['market.annualGrowth: must be > -1']);
    expect(e({ seasonality: [1, 1, 1] })).toEqual(['market.seasonality: must have 12 month-of-year multipliers (January first)']);
    expect(e({ seasonality: SEAS.map((x) => x * 1.1) })).toEqual(['market.seasonality: must average 1 (they average 1.1)']);
    expect(e({ seasonality: [...SEAS.slice(0, 11), -0.8] })).toContain('market.seasonality[11]: must be > 0');
    expect(e({ start: '2025-13' })).toEqual(['market.start: must be a month YYYY-MM']);
    expect(e({ baseMonth: '2025-01' })).toEqual(['market.baseMonth: needs market.start (the calendar month of month 1)']);
    expect(e({ growth: 0.1 })).toEqual(['market.growth: is not a known field']);
  });

  it('exports both in the JSON Schema; a scenario without them resolves (and hashes) as before', () => {
    const js = JSON.stringify(scenarioJsonSchema());
    expect(js).toContain('"empirical"');
    expect(js).toContain('"annualGrowth"');
    const s = parseScenario({ reps: REPS });
    expect('market' in s).toBe(false);
    expect(scenarioHash(parseScenario({ reps: REPS, market: null }))).toBe(scenarioHash(s));
  });
});

describe('compileMarket', () => {
  it('is exactly 1 without a market block', () => {
    expect([...compileMarket(undefined, 5)]).toEqual([1, 1, 1, 1, 1]);
  });

  it('grows by annualGrowth a year from the base month and follows the month of year from start', () => {
    const m = compileMarket({ annualGrowth: 0.2, seasonality: SEAS, start: '2025-11', baseMonth: '2025-11' }, 14);
    // month 1 = November, month 3 = January, month 13 = November a year on
    expect(m[0]).toBeCloseTo(SEAS[10], 12);
    expect(m[2]).toBeCloseTo(1.2 ** (2 / 12) * SEAS[0], 12);
    expect(m[12]).toBeCloseTo(1.2 * SEAS[10], 12);
    // a back-test that starts a year before the base month undoes a year of growth
    const back = compileMarket({ annualGrowth: 0.2, seasonality: SEAS, start: '2024-11', baseMonth: '2025-11' }, 1);
    expect(back[0]).toBeCloseTo(SEAS[10] / 1.2, 12);
  });
});

describe('samplers and arrivals', () => {
  it('draws each amount with probability 1/n by inversion of one uniform', () => {
    const t = createEmpiricalTable([5000, 55, 550, 550]);
    expect([0, 0.2499, 0.25, 0.74, 0.75, 0.9999].map((u) => empiricalQuantile(t, u))).toEqual([55, 55, 550, 550, 5000, 5000]);
    expect(t.mean).toBe(1538.75);
  });

  it("scales each month's simulated arrivals by the market multiplier (expected new opportunities, within 4 SE)", () => {
    const s = parseScenario({ horizonMonths: 12, reps: { ...REPS, cycleMonths: 1, initialPipeline: 'empty' }, market: { annualGrowth: 0.5, seasonality: SEAS, start: '2025-01' } });
    const r = simulate(s, { trials: 300, seed: 4 });
    const mult = compileMarket(s.market, 12);
    // cycle 1: every opportunity resolves in its month; revenue = won x 1000, won ~ Poisson(10 x 4 x mult x 0.25)
    for (let m = 0; m < 12; m++) {
      let sum = 0;
      for (let t = 0; t < 300; t++) sum += r.revenue[t * 12 + m] / 1000;
      const lam = 10 * 4 * mult[m] * 0.25;
      expect(Math.abs(sum / 300 - lam)).toBeLessThanOrEqual(4 * Math.sqrt(lam / 300));
    }
  });
});
