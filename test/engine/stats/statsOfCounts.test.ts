import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statsOfCounts } from '../../../engine/stats/statsOfCounts.js';
import { stats } from '../../../engine/stats/stats.js';

describe('statsOfCounts', () => {
  it('equals stats() of the counted values (sd to 1e-12)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const counts = new Int32Array(64);
        for (const v of xs) counts[v]++;
        const got = statsOfCounts(counts, xs.length);
        const ref = stats(xs);
        expect({ ...got, sd: 0 }).toEqual({ ...ref, sd: 0 });
        expect(Math.abs(got.sd - ref.sd)).toBeLessThanOrEqual(1e-12 * Math.max(1, ref.sd));
      }),
      { numRuns: 300 },
    );
  });

  it('handles one value and the largest countable value', () => {
    expect(statsOfCounts(Int32Array.of(0, 0, 1), 1)).toEqual({ mean: 2, sd: 0, p5: 2, p10: 2, p25: 2, p50: 2, p75: 2, p90: 2, p95: 2 });
    const s = statsOfCounts(Int32Array.of(1, 2, 1), 4);
    expect(s.mean).toBe(1);
    expect(s.p50).toBe(1);
    expect(s.p95).toBeCloseTo(1.85, 12);
  });
});
