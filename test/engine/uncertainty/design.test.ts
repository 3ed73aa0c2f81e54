/**
 * The sampling design: Latin hypercube strata (exactly one draw in each of n equal-probability strata per
 * parameter, with and without correlation), Iman-Conover rank correlations within their standard error
 * of the targets, determinism in (seed, n, paths) and common random numbers between scenarios.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { uncertainDesign } from '../../../engine/uncertainty/design.js';
import type { Uncertainty } from '../../../engine/uncertainty/resolve.js';
import { spearman, spearmanSe } from '../../../engine/uncertainty/spearman.js';

const P = (path: string, lo: number, hi: number) => ({ path, distribution: { uniform: [lo, hi] as [number, number] } });
const THREE: Uncertainty = {
  parameters: [P('reps.opportunitiesPerMonth', 2, 6), { path: 'reps.noDecisionRate', distribution: { pert: [0.1, 0.3, 0.6] } }, { path: 'attrition.annualRate', distribution: { beta: { mean: 0.25, concentration: 30 } } }],
  correlations: [
    { between: ['reps.opportunitiesPerMonth', 'reps.noDecisionRate'], rho: 0.6 },
    { between: ['reps.noDecisionRate', 'attrition.annualRate'], rho: -0.4 },
    { between: ['reps.opportunitiesPerMonth', 'attrition.annualRate'], rho: -0.2 },
  ],
  sampling: 'lhs',
};

function column(u: Float64Array, k: number, j: number): Float64Array {
  return Float64Array.from({ length: u.length / k }, (_, t) => u[t * k + j]);
}

describe('Latin hypercube', () => {
  it.each([
    ['without correlation', { ...THREE, correlations: [] }],
    ['with Iman-Conover reordering', THREE],
  ])('puts exactly one draw in each of n equal-probability strata per parameter (%s)', (_label, un) => {
    for (const n of [1, 7, 500]) {
      const d = uncertainDesign(un as Uncertainty, 5, n);
      for (let j = 0; j < 3; j++) {
        const strata = Array.from(column(d.u, 3, j), (u) => Math.floor(u * n)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });
  it('random sampling does not stratify (a control for the test above)', () => {
    const n = 500;
    const d = uncertainDesign({ ...THREE, correlations: [], sampling: 'random' }, 5, n);
    expect(new Set(Array.from(column(d.u, 3, 0), (u) => Math.floor(u * n))).size).toBeLessThan(n);
  });
});

describe('Iman-Conover rank correlation', () => {
  it.each([
    [THREE, 2000, 1],
    [THREE, 300, 2],
    [{ ...THREE, sampling: 'random' as const }, 1000, 3],
  ])('achieved rank correlations are within their standard error of the targets (n = %#)', (un, n, seed) => {
    const d = uncertainDesign(un, seed, n);
    const at = (p: string) => un.parameters.findIndex((x) => x.path === p);
    for (const c of un.correlations) {
      const r = spearman(column(d.values, 3, at(c.between[0])), column(d.values, 3, at(c.between[1])));
      expect(Math.abs(r - c.rho)).toBeLessThan(spearmanSe(c.rho, n));
    }
  });
  it('leaves the uncorrelated parameters, and each column\'s values, as they were', () => {
    const un: Uncertainty = { ...THREE, correlations: [THREE.correlations[0]] };
    const plain = uncertainDesign({ ...un, correlations: [] }, 9, 400);
    const corr = uncertainDesign(un, 9, 400);
    expect(column(corr.values, 3, 2)).toEqual(column(plain.values, 3, 2));
    for (const j of [0, 1]) expect(column(corr.values, 3, j).sort()).toEqual(column(plain.values, 3, j).sort());
  });
});

describe('determinism and common random numbers', () => {
  it('any slice of trials equals the same rows of the whole design (chunking invariance)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.nat(), fc.nat(), fc.constantFrom<'lhs' | 'random'>('lhs', 'random'), (n, a, b, sampling) => {
        const from = a % n;
        const count = b % (n - from + 1);
        const un = { ...THREE, sampling };
        const whole = uncertainDesign(un, 11, n);
        const part = uncertainDesign(un, 11, n, from, count);
        expect(Array.from(part.values)).toEqual(Array.from(whole.values.subarray(from * 3, (from + count) * 3)));
      }),
      { numRuns: 40, seed: 20 },
    );
  });
  it('two scenarios sharing an uncertain parameter share its draws (random: trial by trial; lhs: with the same n)', () => {
    for (const sampling of ['random', 'lhs'] as const) {
      const a = uncertainDesign({ parameters: [P('reps.winRate', 0.1, 0.4)], correlations: [], sampling }, 4, 300);
      const b = uncertainDesign({ parameters: [P('reps.opportunitiesPerMonth', 1, 5), P('reps.winRate', 0.1, 0.4)], correlations: [], sampling }, 4, 300);
      expect(Array.from(a.values)).toEqual(Array.from(column(b.values, 2, 1)));
      const other = uncertainDesign({ parameters: [P('reps.winRate', 0.1, 0.4)], correlations: [], sampling }, 5, 300);
      expect(Array.from(other.values)).not.toEqual(Array.from(a.values));
    }
    // random sampling: trial t's draw does not depend on the run's size
    const small = uncertainDesign({ parameters: [P('reps.winRate', 0.1, 0.4)], correlations: [], sampling: 'random' }, 4, 50);
    const big = uncertainDesign({ parameters: [P('reps.winRate', 0.1, 0.4)], correlations: [], sampling: 'random' }, 4, 300);
    expect(Array.from(small.values)).toEqual(Array.from(big.values.subarray(0, 50)));
  });
});
