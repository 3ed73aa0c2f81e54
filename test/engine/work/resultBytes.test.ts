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
          // the demand columns are recorded by name (its registry entry's \`recorded\`)
          const { demand, ...rest } = l;
          const layout = { from: 0, trials: 1, years: Math.ceil(l.months / 12), ...rest, ...(demand ? { recorded: { demand: true } as const } : {}) };
          const expected = blockBytes(allocateResults(layout));
          const { customers, ...base } = layout;
          const given = { ...base, ...(customers ? { customers: true } : {}) };
          expect(resultBytesPerTrial(given)).toBe(expected);
        },
      ),
      { seed: 32, numRuns: 200 },
    );
  });
});
