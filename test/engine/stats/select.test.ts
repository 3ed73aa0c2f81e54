import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { floydRivest, quantilesBucket, quantilesSelect } from '../../../engine/stats/select.js';
import { quantileSorted, stats, statsIntColumns } from '../../../engine/stats/stats.js';

const PS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/** The reference: type-7 quantiles of the fully sorted values. */
function sortedQuantiles(xs: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(xs).sort();
  return PS.map((p) => quantileSorted(sorted, p));
}

// doubles of every shape: duplicates, negatives, huge spreads, tiny spreads, integers
const values = fc.oneof(
  fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 400 }),
  fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 400 }),
  fc.array(fc.constantFrom(0, 1, 1e-300, 2.5, 1e300, -7), { minLength: 1, maxLength: 200 }),
  fc.array(fc.double({ noNaN: true, min: 1, max: 1 + 1e-12 }), { minLength: 1, maxLength: 200 }),
);

describe('exact percentiles without sorting', () => {
  it('stats() percentiles equal type-7 quantiles of the sorted values, for any data', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const s = stats(xs);
        const ref = sortedQuantiles(xs);
        expect([s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95]).toEqual(ref);
      }),
      { numRuns: 400 },
    );
  });

  it('the selection and bucket algorithms each equal the sorted reference', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const ref = sortedQuantiles(xs);
        const a = Float64Array.from(xs);
        const out = new Float64Array(PS.length);
        quantilesSelect(a, a.length, PS, out);
        expect(Array.from(out)).toEqual(ref);
        // selection only reorders: the multiset is unchanged
        expect(Array.from(Float64Array.from(a).sort())).toEqual(Array.from(Float64Array.from(xs).sort()));
        const b = Float64Array.from(xs);
        let lo = Infinity,
          hi = -Infinity;
        for (const v of xs) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        if (lo < hi) {
          const out2 = new Float64Array(PS.length);
          quantilesBucket(b, b.length, lo, hi, PS, out2);
          expect(Array.from(out2)).toEqual(ref);
          expect(Array.from(b)).toEqual(Array.from(Float64Array.from(xs))); // not reordered
        }
      }),
      { numRuns: 400 },
    );
  });

  it('floydRivest puts the k-th order statistic at k with smaller values before and larger after', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 2000 }), fc.nat(), (xs, kk) => {
        const a = Float64Array.from(xs);
        const k = kk % a.length;
        floydRivest(a, k, 0, a.length - 1);
        const sorted = Float64Array.from(xs).sort();
        expect(a[k]).toBe(sorted[k] === 0 ? a[k] : sorted[k]); // ±0 compare equal in selection
        for (let i = 0; i < k; i++) expect(a[i] <= a[k]).toBe(true);
        for (let i = k + 1; i < a.length; i++) expect(a[i] >= a[k]).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('large columns (selection over 600 values, skewed data fallback) still match the sort', () => {
    const n = 50_001;
    let x = 12345;
    const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const lognormalish = Float64Array.from({ length: n }, () => Math.exp(6 * rand()));
    const skewed = Float64Array.from({ length: n }, (_, i) => (i === 7 ? 1e15 : rand()));
    for (const xs of [lognormalish, skewed]) {
      const s = stats(xs);
      expect([s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95]).toEqual(sortedQuantiles(xs));
    }
  });

  it('statsIntColumns equals stats() of each column (sd to 1e-12), and declines other data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 ** 31 }), (rows, cols, seed) => {
        let x = seed;
        const a = Float64Array.from({ length: rows * cols }, () => ((x = (Math.imul(x, 69069) + 1) >>> 0) % 23) + 1);
        const got = statsIntColumns(a, rows, cols);
        expect(got).not.toBeNull();
        for (let m = 0; m < cols; m++) {
          const col = Float64Array.from({ length: rows }, (_, t) => a[t * cols + m]);
          const ref = stats(col);
          expect({ ...got![m], sd: 0 }).toEqual({ ...ref, sd: 0 });
          expect(Math.abs(got![m].sd - ref.sd)).toBeLessThanOrEqual(1e-12 * Math.max(1, ref.sd));
        }
        for (const bad of [0.5, -5, NaN, 5000]) {
          const b = a.slice();
          b[b.length - 1] = bad;
          expect(statsIntColumns(b, rows, cols)).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});
