import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { floydRivest, quantilesBucket, quantilesSelect } from '../../../engine/stats/select.js';
import { quantileSorted, stats } from '../../../engine/stats/stats.js';

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
          const mean = xs.reduce((acc, v) => acc + v, 0) / xs.length;
          const ss = quantilesBucket(b, b.length, lo, hi, PS, out2, mean);
          expect(Array.from(out2)).toEqual(ref);
          expect(Array.from(b)).toEqual(Array.from(Float64Array.from(xs))); // not reordered
          // the squared deviations, added in order in the counting pass
          expect(ss).toBe(xs.reduce((acc, v) => acc + (v - mean) * (v - mean), 0));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('quantilesBucket reads Float32 values as they are', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 2, maxLength: 300 }), (xs) => {
        const a = Float32Array.from(xs);
        let lo = Infinity,
          hi = -Infinity;
        for (const v of a) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        if (!(lo < hi)) return;
        const out = new Float64Array(PS.length);
        quantilesBucket(a, a.length, lo, hi, PS, out);
        expect(Array.from(out)).toEqual(sortedQuantiles(a));
      }),
      { numRuns: 200 },
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

  it('large columns (a lognormal bulk; one huge outlier) still match the sort', () => {
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
});
