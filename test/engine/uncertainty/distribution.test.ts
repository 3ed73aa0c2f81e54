/**
 * The input distributions: quantile and CDF agree, draws pass a KS test against the CDF (fixed seed), and
 * the helpers (normalCdf, betaQuantile) match known values.
 */
import { describe, expect, it } from 'vitest';
import { distributionCdf, distributionQuantile, type Distribution } from '../../../engine/uncertainty/distribution.js';
import { normalCdf } from '../../../engine/uncertainty/normalCdf.js';
import { betaQuantile } from '../../../engine/uncertainty/betaQuantile.js';
import { regularizedBeta } from '../../../engine/stats/special.js';
import { uncertainDesign } from '../../../engine/uncertainty/design.js';
import { compileParameter, drawValue } from '../../../engine/uncertainty/resolve.js';
import { ksCritical, ksStatistic } from '../../helpers/stat.js';

const CASES: [string, string, Distribution][] = [
  ['uniform', 'reps.opportunitiesPerMonth', { uniform: [2, 6] }],
  ['triangular', 'reps.opportunitiesPerMonth', { triangular: [2, 3, 6] }],
  ['pert', 'reps.noDecisionRate', { pert: [0.1, 0.3, 0.6] }],
  ['normal', 'reps.cycleMonths', { normal: { mean: 3, sd: 0.5 } }],
  ['lognormal', 'reps.capacity', { lognormal: { median: 25, sigma: 0.4 } }],
  ['beta', 'reps.winRate', { beta: { mean: 0.3, concentration: 12 } }],
];

describe('normalCdf and betaQuantile', () => {
  it('match known values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(-9)).toBeCloseTo(1.1285884059538425e-19, 30);
    expect(betaQuantile(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    for (const [p, a, b] of [[0.01, 0.5, 3], [0.3, 2, 9], [0.99, 7, 1.2], [0.5, 40, 120]]) expect(regularizedBeta(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 11);
  });
});

describe.each(CASES)('%s', (_name, path, d) => {
  it('quantile inverts the CDF', () => {
    for (const p of [0.001, 0.1, 0.37, 0.5, 0.8, 0.999]) expect(distributionCdf(d, distributionQuantile(d, p))).toBeCloseTo(p, 9);
  });
  it.each(['random', 'lhs'] as const)('draws (%s sampling, seed 1, n = 2000) pass a KS test against the CDF', (sampling) => {
    const n = 2000;
    const design = uncertainDesign({ parameters: [{ path, distribution: d }], correlations: [], sampling }, 1, n);
    const D = ksStatistic(design.values, (x) => distributionCdf(d, x));
    expect(D).toBeLessThan(ksCritical(n));
  });
});

describe('truncation to the field range (rejection)', () => {
  it('a normal on a probability draws from the normal conditioned on [0, 1]', () => {
    const d: Distribution = { normal: { mean: 0.1, sd: 0.2 } };
    const p = compileParameter({ path: 'reps.winRate', distribution: d });
    expect(p.bounds).toBe('truncated');
    const n = 2000;
    const design = uncertainDesign({ parameters: [{ path: 'reps.winRate', distribution: d }], correlations: [], sampling: 'random' }, 3, n);
    const F0 = distributionCdf(d, 0),
      F1 = distributionCdf(d, 1);
    expect(Math.min(...design.values)).toBeGreaterThanOrEqual(0);
    expect(ksStatistic(design.values, (x) => (distributionCdf(d, x) - F0) / (F1 - F0))).toBeLessThan(ksCritical(n));
  });
  it('whole-number fields take the rounded draw', () => {
    const p = compileParameter({ path: 'hiring.plan[0].seats', distribution: { uniform: [2, 6] } });
    expect(p.integer).toBe(true);
    expect(drawValue(p, 0.01)).toBe(2);
    expect(drawValue(p, 0.99)).toBe(6);
    expect(drawValue(p, 0.5)).toBe(4);
  });
});
