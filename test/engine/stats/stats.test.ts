import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stats, statsOrNull } from '../../../engine/stats/stats.js';

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
