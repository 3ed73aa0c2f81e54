import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantileSorted } from '../../../engine/index.js';

/** Type 7 written out: the order statistics at floor((n - 1) p) and the next, interpolated. */
function typeSeven(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

describe('quantileSorted', () => {
  it("is type 7 (R's default): known values", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75); // type 6 gives 1.25, type 1 gives 1
    expect(quantileSorted([10, 20, 30, 40, 50], 0.9)).toBe(46);
    expect(quantileSorted([7], 0.3)).toBe(7);
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 1)).toBe(4);
    expect(quantileSorted(Float32Array.of(1, 2, 3, 4), 0)).toBe(1);
  });

  it('equals the type-7 formula bit for bit on any sorted values (a zero is +0)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.constantFrom(0, -0, 1, 2.5)), { minLength: 1, maxLength: 60 }),
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1)),
        (xs, p) => {
          const sorted = Float64Array.from(xs).sort();
          expect(Object.is(quantileSorted(sorted, p), typeSeven(Array.from(sorted), p) + 0)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
    expect(Object.is(quantileSorted([-0, -0, 1], 0), 0)).toBe(true);
  });

  it('refuses no values and p outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantileSorted([1, 2], Number.NaN)).toThrow(RangeError);
  });
});
