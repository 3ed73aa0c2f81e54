import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { histogram, stats, statsOrNull } from '../../../engine/stats/stats.js';

describe('stats', () => {
  it('gives the same Stats for a Float64Array, a Float32Array, a Uint16Array or a plain array of the same values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 65535 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const ref = stats(xs);
        expect(stats(Float64Array.from(xs))).toEqual(ref);
        expect(stats(Float32Array.from(xs))).toEqual(ref);
        expect(stats(Uint16Array.from(xs))).toEqual(ref);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves NaN and infinities out, from any array type', () => {
    const finite = [3.5, -1, 2.25, 8, 0.5];
    const ref = stats(finite);
    const mixed = [NaN, 3.5, Infinity, -1, 2.25, -Infinity, 8, 0.5, NaN];
    expect(stats(mixed)).toEqual(ref);
    expect(stats(Float64Array.from(mixed))).toEqual(ref);
    expect(stats(Float32Array.from(mixed))).toEqual(ref);
    expect(statsOrNull(Float64Array.of(NaN, Infinity))).toBeNull();
  });

  it('does not modify the values it reads', () => {
    const a = Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 1000);
    const copy = a.slice();
    stats(a);
    expect(Array.from(a)).toEqual(Array.from(copy));
  });
});

/** The histogram as it was first written (floor of the quotient, then clamped; a plain array of counts). */
function histogramReference(values: ArrayLike<number>, bins: number, edges?: number[]): { edges: number[]; counts: number[] } {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!edges) {
    if (lo === Infinity) return { edges: [], counts: [] };
    if (hi === lo) hi = lo + 1;
    edges = Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
  }
  const k = edges.length - 1;
  const counts = new Array<number>(k).fill(0);
  const e0 = edges[0],
    width = (edges[k] - e0) / k;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    let b = Math.floor((v - e0) / width);
    if (b < 0) b = 0;
    if (b >= k) b = k - 1;
    counts[b]++;
  }
  return { edges, counts };
}

describe('histogram', () => {
  const value = fc.oneof(
    fc.double({ min: -1, max: 4 }),
    fc.constantFrom(0, 0.1, 0.3, 2.9, 3, NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324),
    fc.double(),
  );
  const ATTAINMENT_EDGES = Array.from({ length: 31 }, (_, i) => Math.round(i * 10) / 100);

  it('counts as the floor-and-clamp reference, with given edges (also degenerate ones) or equal-width bins', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom<number[] | undefined>(ATTAINMENT_EDGES, undefined, [1, 1, 1], [2, 1], [0, Number.MAX_VALUE]),
        fc.boolean(),
        (xs, bins, edges, f32) => {
          const values = f32 ? Float32Array.from(xs) : xs;
          // (the reference's `counts[NaN]++` for edges of no width added a property JSON never showed: indices only)
          const ref = histogramReference(values, bins, edges);
          expect(histogram(values, bins, edges)).toEqual({ edges: ref.edges, counts: [...ref.counts] });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('throws without a bin', () => {
    expect(() => histogram([1, 2], 0)).toThrow(RangeError);
    expect(() => histogram([1, 2], 3, [0])).toThrow(RangeError);
  });
});
