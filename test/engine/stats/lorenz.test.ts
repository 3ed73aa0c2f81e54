import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gini, lorenzAt, prefixSums } from '../../../engine/stats/lorenz.js';

/** The Lorenz curve by its definition: sum the values below position x n, interpolating inside the cell. */
function lorenzByDefinition(sorted: number[], x: number): number {
  const n = sorted.length;
  const total = sorted.reduce((a, b) => a + b, 0);
  const pos = x * n;
  let below = 0;
  for (let i = 0; i < n; i++) below += Math.max(0, Math.min(1, pos - i)) * sorted[i];
  return below / total;
}

describe('lorenz', () => {
  it('prefix sums and the O(1) curve agree with the definition at every point', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, x) => {
        const sorted = Float64Array.from(xs).sort();
        const cum = new Float64Array(sorted.length);
        const total = prefixSums(sorted, cum);
        fc.pre(total > 0);
        expect(lorenzAt(sorted, cum, total, x)).toBeCloseTo(lorenzByDefinition([...sorted], x), 9);
        expect(lorenzAt(sorted, cum, total, 1)).toBeCloseTo(1, 12);
        expect(lorenzAt(sorted, cum, total, 0)).toBe(0);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
  it('closed forms: equal values lie on the diagonal (Gini 0); one holder of everything has Gini 1 - 1/n', () => {
    const eq = Float64Array.of(2, 2, 2, 2, 2);
    const cum = new Float64Array(5);
    const total = prefixSums(eq, cum);
    for (const x of [0.2, 0.5, 0.8]) expect(lorenzAt(eq, cum, total, x)).toBeCloseTo(x, 15);
    expect(gini(eq)).toBeCloseTo(0, 15);
    const one = Float64Array.of(0, 0, 0, 0, 1);
    expect(lorenzAt(one, cum, prefixSums(one, cum), 0.8)).toBe(0);
    expect(gini(one)).toBeCloseTo(1 - 1 / 5, 15);
    expect(gini(Float64Array.of(0, 0))).toBeNaN();
  });
  it('refuses a prefix buffer shorter than the values', () => {
    expect(() => prefixSums(Float64Array.of(1, 2), new Float64Array(1))).toThrow(RangeError);
  });
});
