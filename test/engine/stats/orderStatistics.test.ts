import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderStatistics, type FirstPass } from '../../../engine/stats/orderStatistics.js';
import { quantilesBucket } from '../../../engine/stats/select.js';
import { quantileSorted, stats } from '../../../engine/stats/stats.js';
import { PERCENTILES } from '../../../engine/stats/percentiles.js';

/** A first counting pass keyed as FirstPass documents (bucket 0 for x = 0, else trunc(x) + 1). */
function firstPassOf(xs: ArrayLike<number>, lo: number, hi: number, buckets: number): FirstPass | undefined {
  const scale = buckets / (hi - lo);
  if (!(scale > 0 && scale < Infinity)) return undefined;
  const counts = new Int32Array(buckets + 2);
  for (let i = 0; i < xs.length; i++) {
    const x = (xs[i] - lo) * scale;
    counts[Math.min((x | 0) + (x > 0 ? 1 : 0), buckets + 1)]++;
  }
  return { scale, counts };
}

function range(xs: ArrayLike<number>): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    lo = Math.min(lo, xs[i]);
    hi = Math.max(hi, xs[i]);
  }
  return [lo, hi];
}

/** ±0 read as +0 (selection may report either zero where a sort puts -0 first; they are equal values) */
const plain = (xs: ArrayLike<number>): number[] => Array.from(xs, (x) => x + 0);

// attainment-like columns: runs of exact ties (mostly zeros), repeated values, a bulk, outliers, ±0,
// negatives and extreme magnitudes, as Float64 or as Float32 values
const element = fc.oneof(
  { weight: 6, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.constantFrom(1, 0.5, 0.75, 1.25, -0, 3) },
  { weight: 6, arbitrary: fc.double({ noNaN: true, min: 0, max: 2 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, min: 100, max: 700 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }) },
  { weight: 1, arbitrary: fc.constantFrom(5e-324, -5e-324, 1e-310, 1 + 2 ** -52, Number.MAX_VALUE, -Number.MAX_VALUE) },
);
const column = fc
  .tuple(fc.array(element, { minLength: 1, maxLength: 600 }), fc.boolean())
  // as Float32, magnitudes beyond its range become its largest value (not infinities: the values are finite)
  .map(([xs, f32]) => (f32 ? Float32Array.from(xs, (v) => (Math.abs(v) > 3.4e38 ? Math.sign(v) * 3.4e38 : v)) : Float64Array.from(xs)));
/** ascending distinct ranks of a column of n values */
const ranksOf = (n: number) => fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 20 }).map((rs) => rs.sort((x, y) => x - y));

describe('orderStatistics', () => {
  it('equals the sorted values at the ranks, with or without a first pass, for any gathering budget', () => {
    fc.assert(
      fc.property(
        column.chain((a) => fc.tuple(fc.constant(a), ranksOf(a.length), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 40 }))),
        ([a, ranks, buckets, budget]) => {
          const copy = a.slice();
          const sorted = Float64Array.from(a).sort();
          const [lo, hi] = range(a);
          const want = plain(ranks.map((r) => sorted[r]));
          const out = new Float64Array(ranks.length);
          orderStatistics(a, a.length, lo, hi, ranks, out, { budget });
          expect(plain(out)).toEqual(want);
          const first = firstPassOf(a, lo, hi, buckets);
          if (first) {
            const out2 = new Float64Array(ranks.length);
            orderStatistics(a, a.length, lo, hi, ranks, out2, { first, budget });
            expect(plain(out2)).toEqual(want);
          }
          expect(a).toEqual(copy); // read only
        },
      ),
      { numRuns: 600 },
    );
  });

  it('reads the first n values of a subarray only', () => {
    const base = Float32Array.from([9, 0, 0, 3, 1, 0, 2, 7, 8]);
    const a = base.subarray(1, 7); // 0 0 3 1 0 2
    const out = new Float64Array(3);
    orderStatistics(a, 5, 0, 3, [0, 3, 4], out, { budget: 1 }); // 0 0 0 1 3
    expect(Array.from(out)).toEqual([0, 1, 3]);
  });

  it('resolves a run of ties at the minimum from the first-pass counts, and ties elsewhere without gathering them', () => {
    const n = 200_000;
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = i % 4 === 0 ? 0 : i % 4 === 1 ? 1 : (i % 977) / 500; // 25% zeros, 25% ones
    const sorted = Float64Array.from(a).sort();
    const ranks = [0, 49_999, 50_000, 60_000, 100_000, 150_000, 199_999];
    const [lo, hi] = range(a);
    for (const first of [firstPassOf(a, lo, hi, 4096), firstPassOf(a, lo, hi, 16), undefined]) {
      for (const budget of [1, 100, 65536]) {
        const out = new Float64Array(ranks.length);
        orderStatistics(a, n, lo, hi, ranks, out, { first, budget });
        expect(Array.from(out)).toEqual(ranks.map((r) => sorted[r]));
      }
    }
  });

  it('throws on bad arguments and on values that do not match the counts', () => {
    const a = Float64Array.of(3, 1, 2);
    const out = new Float64Array(3);
    expect(() => orderStatistics(a, 3, 1, 3, [1, 0], out)).toThrow(RangeError);
    expect(() => orderStatistics(a, 3, 1, 3, [3], out)).toThrow(RangeError);
    expect(() => orderStatistics(a, 3, 1, 3, [0.5], out)).toThrow(RangeError);
    expect(() => orderStatistics(a, 4, 1, 3, [0], out)).toThrow(RangeError);
    expect(() => orderStatistics(a, 3, 3, 1, [0], out)).toThrow(RangeError);
    expect(() => orderStatistics(a, 3, 1, NaN, [0], out)).toThrow(RangeError);
    expect(() => orderStatistics(a, 3, 1, 3, [0, 1], new Float64Array(1))).toThrow(RangeError);
    expect(() => orderStatistics(a, 3, 1, 3, [0], out, { budget: 0 })).toThrow(RangeError);
    expect(() => orderStatistics(a, 3, 1, 3, [0], out, { first: { scale: 1, counts: Int32Array.of(1, 1) } })).toThrow(RangeError);
    // a value outside [lo, hi] is never found
    expect(() => orderStatistics(Float64Array.of(3, 1, 2, 9), 4, 1, 3, [3], out, { budget: 1 })).toThrow(RangeError);
  });
});

describe('quantilesBucket and stats on attainment-like columns', () => {
  it('percentiles equal quantileSorted of the sorted values exactly, for Float32 and Float64 columns', () => {
    fc.assert(
      fc.property(column, (a) => {
        const sorted = Float64Array.from(a).sort();
        const want = PERCENTILES.map((p) => quantileSorted(sorted, p));
        const s = stats(a);
        expect([s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95]).toEqual(want);
        const [lo, hi] = range(a);
        if (lo < hi) {
          const out = new Float64Array(PERCENTILES.length);
          quantilesBucket(a, a.length, lo, hi, PERCENTILES, out);
          expect(Array.from(out)).toEqual(want);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('large columns: ~26% zeros, a bulk and a long tail (fine first pass), ties in the bulk (refined), extreme ranges', () => {
    let x = 987654321;
    const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const n = 300_001;
    const attainment = Float32Array.from({ length: n }, () => {
      const u = rand();
      if (u < 0.26) return 0;
      if (u < 0.2605) return 100 + 560 * rand(); // the tail, up to ~660
      return -Math.log(1 - rand()) * 0.8;
    });
    const tiedBulk = Float32Array.from({ length: n }, () => (rand() < 0.6 ? 1 : rand() < 0.5 ? 0 : 2 * rand()));
    const extreme = Float64Array.from({ length: n }, (_, i) => (i === 5 ? Number.MAX_VALUE : i === 9 ? -Number.MAX_VALUE : rand() < 0.3 ? 0 : rand()));
    const tiny = Float64Array.from({ length: n }, () => (rand() < 0.4 ? 0 : Math.floor(rand() * 50) * 5e-324));
    for (const a of [attainment, tiedBulk, extreme, tiny]) {
      const sorted = Float64Array.from(a).sort();
      const s = stats(a);
      expect([s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95]).toEqual(PERCENTILES.map((p) => quantileSorted(sorted, p)));
    }
  });
});
