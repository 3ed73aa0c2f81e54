/**
 * Sobol indices of the simulation against the core model's closed form. With a fixed team, no
 * attrition or hiring, and a fixed deal size, expected revenue is c x opportunities/month x win rate x
 * deal size: a product of independent inputs. With simulation noise as one more input, first-order
 * partial variances are those of the conditional mean, so
 *   S_i Var(Y) / E[Y]^2 = CV_i^2                      (the squared coefficient of variation of input i)
 *   (1 - ST_noise) Var(Y) / E[Y]^2 = prod (1 + CV_i^2) - 1   (the share the assumptions explain)
 * whatever c is. Tolerances: the 99% bootstrap half-width, plus 3 standard errors of the variance
 * estimate in the scale factor (relative SE about sqrt(1 / n) for near-normal outputs).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../engine/index.js';
import { scenarioSobol } from '../../../engine/uncertainty/sobol/scenarioSobol.js';

const RANGES: [string, [number, number]][] = [
  ['reps.opportunitiesPerMonth', [3, 5]],
  ['reps.winRate', [0.2, 0.3]],
  ['reps.dealSize', [20000, 40000]],
];
const inputs = RANGES.map(([path, r]) => ({ path, distribution: { uniform: r } }));
const cv2 = RANGES.map(([, [l, h]]) => (h - l) ** 2 / 12 / ((l + h) / 2) ** 2);

describe('sobol indices of the core model', () => {
  it('mean revenue as a product of independent inputs: first-order indices and the assumptions\' share match the closed form', () => {
    const s = parseScenario({ horizonMonths: 12, reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 30000 } });
    const n = 1024;
    const r = scenarioSobol([s], { inputs, metric: 'revenue', n, seed: 1, noise: true, level: 0.99 });
    const scale = r.variance / r.mean ** 2;
    const relSe = Math.sqrt(1 / n);
    for (let i = 0; i < 3; i++) {
      const x = r.indices[i];
      const half = ((x.firstCi[1] - x.firstCi[0]) / 2) * scale;
      expect(Math.abs(x.first * scale - cv2[i]), `${RANGES[i][0]}: ${x.first * scale} vs ${cv2[i]}`).toBeLessThan(half + 3 * relSe * cv2[i]);
    }
    const noise = r.indices[3];
    const truth = cv2.reduce((p, c) => p * (1 + c), 1) - 1;
    const half = ((noise.totalCi[1] - noise.totalCi[0]) / 2) * scale;
    expect(Math.abs((1 - noise.total) * scale - truth)).toBeLessThan(half + 3 * relSe * truth);
    // the noise matters here (about a tenth of the variance), and the test can tell: all-assumption would be off by more than the tolerance
    expect(noise.totalCi[0]).toBeGreaterThan(0.05);
    expect(Math.abs(scale - truth)).toBeGreaterThan(half + 3 * relSe * truth);
  }, 30000);

  it('a variant minus its baseline on the same draws: two more seats add about a fifth, deterministically in the seed', () => {
    const s = parseScenario({ horizonMonths: 12, reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 30000 } });
    const v = parseScenario({ horizonMonths: 12, reps: { seats: 12, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 30000 } });
    const r = scenarioSobol([s, v], { inputs: [inputs[0], inputs[2]], metric: 'revenue', n: 256, seed: 2, noise: true });
    expect(r.mean).toBeGreaterThan(0);
    // two more seats of a 10-seat team: the difference is about a fifth of the base revenue
    const base = scenarioSobol([s], { inputs: [inputs[0], inputs[2]], metric: 'revenue', n: 256, seed: 2, noise: true });
    expect(r.mean / base.mean).toBeGreaterThan(0.15);
    expect(r.mean / base.mean).toBeLessThan(0.25);
    // the same draws: deterministic in the seed
    expect(scenarioSobol([s, v], { inputs: [inputs[0], inputs[2]], metric: 'revenue', n: 64, seed: 2, noise: true }).outputs).toEqual(
      scenarioSobol([s, v], { inputs: [inputs[0], inputs[2]], metric: 'revenue', n: 64, seed: 2, noise: true }).outputs,
    );
  }, 30000);
});

describe('scenarioIndices', () => {
  it('ranks a scenario\'s assumptions: an input the outcome ignores gets total index 0, the one that drives it leads', async () => {
    const { scenarioIndices } = await import('../../../engine/uncertainty/sobol/scenarioIndices.js');
    // opportunities drawn over [2, 6] (a 3x spread) drive revenue; the cycle over [2, 4] moves only when deals close
    const s = parseScenario({ horizonMonths: 12, reps: { seats: 10, opportunitiesPerMonth: { uniform: [2, 6] }, winRate: 0.25, dealSize: 30000, cycleMonths: { uniform: [2, 4] } } });
    const r = scenarioIndices(s, { n: 256, seed: 4 });
    expect(r.assumptions.map((a) => a.path).sort()).toEqual(['reps.cycleMonths', 'reps.opportunitiesPerMonth']);
    expect(r.indices[0].path).toBe('reps.opportunitiesPerMonth');
    expect(r.indices[0].totalCi[0]).toBeGreaterThan(r.indices[1].totalCi[1]);
    expect(r.assumptionsShare).toBeGreaterThan(0.5);
    expect(r.assumptionsShareCi[0]).toBeLessThanOrEqual(r.assumptionsShare);
    expect(r.assumptionsShareCi[1]).toBeGreaterThanOrEqual(r.assumptionsShare);
  }, 60000);
});
