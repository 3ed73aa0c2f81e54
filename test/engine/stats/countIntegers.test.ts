import { describe, expect, it } from 'vitest';
import { countIntegers } from '../../../engine/stats/countIntegers.js';

describe('countIntegers', () => {
  it('counts integers in [0, counts.length), from any array type', () => {
    for (const values of [[0, 2, 2, 3], Float64Array.of(0, 2, 2, 3), Uint8Array.of(0, 2, 2, 3), Uint16Array.of(0, 2, 2, 3)]) {
      const counts = new Int32Array(4);
      expect(countIntegers(values, counts)).toBe(true);
      expect(Array.from(counts)).toEqual([1, 0, 2, 1]);
    }
  });

  it('declines fractional, negative, NaN and too large values', () => {
    for (const bad of [0.5, -5, NaN, 4, Infinity]) expect(countIntegers([1, 2, bad], new Int32Array(4))).toBe(false);
  });
});
