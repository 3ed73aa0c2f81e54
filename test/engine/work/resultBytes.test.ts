import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateResults } from '../../../engine/results.js';
import { resultBytesPerTrial } from '../../../engine/work.js';

/** Bytes of every typed array in a block. */
function blockBytes(b: object): number {
  let n = 0;
  for (const v of Object.values(b)) if (ArrayBuffer.isView(v)) n += v.byteLength;
  return n;
}

describe('resultBytesPerTrial', () => {
  it('equals the bytes allocateResults allocates for one trial, for any layout', () => {
    fc.assert(
      fc.property(
        fc.record({ months: fc.integer({ min: 1, max: 240 }), territories: fc.integer({ min: 1, max: 50 }), figures: fc.boolean(), customers: fc.boolean(), demand: fc.boolean() }),
        (l) => {
          // the customers' and the demand's columns are recorded by name (their registry entries' `recorded`)
          const { customers, demand, ...rest } = l;
          const recorded: Record<string, true> = { ...(customers ? { customers: true } : {}), ...(demand ? { demand: true } : {}) };
          const layout = { from: 0, trials: 1, years: Math.ceil(l.months / 12), ...rest, ...(customers || demand ? { recorded } : {}) };
          const expected = blockBytes(allocateResults(layout));
          const given = { ...layout, ...(customers || demand ? { recorded: { ...recorded } } : {}) };
          expect(resultBytesPerTrial(given)).toBe(expected);
        },
      ),
      { seed: 32, numRuns: 200 },
    );
  });
});
