import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBinomialTable, binomialTableInverse } from '../../../engine/random/binomialTable.js';
import { createLognormalTable, lognormalTableQuantile } from '../../../engine/random/lognormalTable.js';
import { binomialInverse, powInt } from '../../../engine/random/binomial.js';
import { poissonInverse, poissonInverseExp } from '../../../engine/random/poisson.js';
import { normalQuantile } from '../../../engine/random/normal.js';
import { logFactorial } from '../../../engine/random/logFactorial.js';
import { topK } from '../../../engine/kernel/rank.js';

/** Exact binomial CDF by summing pmf terms from log-factorials. */
function binomCdf(n: number, p: number, k: number): number {
  let s = 0;
  for (let j = 0; j <= k; j++) s += Math.exp(logFactorial(n) - logFactorial(j) - logFactorial(n - j) + j * Math.log(p) + (n - j) * Math.log1p(-p));
  return s;
}

describe('table-guided binomial (fixed resolution probability)', () => {
  it('inverts the exact CDF: CDF(k-1) < u <= CDF(k) up to 1e-12, for every n up to the table size', () => {
    for (const p of [1 / 3, 0.5, 1 / 12, 0.8]) {
      const t = createBinomialTable(p, 60);
      for (let n = 0; n <= 60; n += 3) {
        for (let i = 1; i < 200; i++) {
          const u = i / 200;
          const k = binomialTableInverse(t, n, u);
          expect(k).toBeGreaterThanOrEqual(0);
          expect(k).toBeLessThanOrEqual(n);
          if (k > 0) expect(binomCdf(n, p, k - 1)).toBeLessThan(u + 1e-12);
          if (k < n) expect(binomCdf(n, p, k)).toBeGreaterThan(u - 1e-12);
        }
      }
    }
  });

  it('is monotone in the uniform and agrees with the general inversion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (n, p, u1, u2) => {
        const t = createBinomialTable(p, 100);
        const [a, b] = u1 < u2 ? [u1, u2] : [u2, u1];
        expect(binomialTableInverse(t, n, a)).toBeLessThanOrEqual(binomialTableInverse(t, n, b));
        // the two inversions differ only when u sits within rounding of a CDF step
        const k1 = binomialTableInverse(t, n, a);
        const k2 = binomialInverse(n, p, a);
        if (k1 !== k2) expect(Math.abs(binomCdf(n, p, Math.min(k1, k2)) - a)).toBeLessThan(1e-10);
      }),
      { numRuns: 300 },
    );
  });

  it('powInt equals repeated multiplication and is close to Math.pow', () => {
    for (const x of [0, 0.5, 2 / 3, 0.999, 1.5]) {
      for (let n = 0; n < 70; n++) expect(Math.abs(powInt(x, n) - Math.pow(x, n))).toBeLessThanOrEqual(1e-13 * Math.pow(x, n));
    }
  });
});

describe('Poisson inversion with a cached exp(-mean)', () => {
  it('gives the same draw as poissonInverse', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (mean, u) => {
        const k1 = poissonInverse(mean, u);
        const k2 = poissonInverseExp(mean, Math.exp(-mean), u);
        // identical except within rounding of a CDF step (1/k is a table lookup in one of them)
        expect(Math.abs(k1 - k2)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lognormal table (won deal sizes)', () => {
  it('is within 1e-8 relative of exp(sigma z(u)) and monotone in u, tails exact', () => {
    for (const sigma of [0.05, 0.8, 1.5, 3]) {
      const t = createLognormalTable(sigma);
      let prev = 0,
        worst = 0,
        monotone = true;
      const N = 300_000;
      for (let i = 1; i < N; i++) {
        const u = (i + 0.37 * Math.sin(i)) / N;
        const v = lognormalTableQuantile(t, u);
        const exact = Math.exp(sigma * normalQuantile(u));
        worst = Math.max(worst, Math.abs(v - exact) / exact);
        if (v < prev) monotone = false;
        prev = v;
      }
      expect(worst).toBeLessThan(1e-8);
      expect(monotone).toBe(true);
      expect(lognormalTableQuantile(t, 1e-6)).toBe(Math.exp(sigma * normalQuantile(1e-6)));
      expect(lognormalTableQuantile(t, 0.5)).toBeCloseTo(1, 12);
    }
  });
});

describe('topK (ranking without comparator sorts)', () => {
  it('marks the same members as a descending sort with ties by lower index', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0.1, 0.2, 0.25, 0.4, 0.9), { minLength: 0, maxLength: 60 }), fc.integer({ min: 0, max: 60 }), (vals, kk) => {
        const n = vals.length;
        const k = Math.min(kk, n);
        const values = Float64Array.from(vals);
        const ids = Int32Array.from({ length: n }, (_, i) => i);
        const top = new Uint8Array(n);
        const thr = topK(values, ids, n, k, new Float64Array(n), top);
        const order = [...ids].sort((a, b) => values[b] - values[a] || a - b);
        const expected = new Uint8Array(n);
        for (let i = 0; i < k; i++) expected[order[i]] = 1;
        expect(Array.from(top)).toEqual(Array.from(expected));
        expect(thr).toBe(k > 0 && n > 0 ? values[order[k - 1]] : Infinity);
      }),
      { numRuns: 300 },
    );
  });
});
