import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSummaryStream, mergeResults, parseScenario, runTrials, summarize } from '../../engine/index.js';

const baseline = parseScenario(readFileSync(new URL('../../scenarios/baseline.yaml', import.meta.url), 'utf8'));
const full = parseScenario(readFileSync(new URL('../../bench/full-model.yaml', import.meta.url), 'utf8'));

describe('streaming summary', () => {
  for (const [name, s] of [
    ['baseline', baseline],
    ['full model (every mechanism)', { ...full, horizonMonths: 15 }],
  ] as const) {
    it(`equals summarize of the merged results, whatever the blocks (${name})`, () => {
      const trials = 90;
      const blocks = [runTrials(s, 3, 0, 17), runTrials(s, 3, 17, 40), runTrials(s, 3, 57, 33)];
      const expected = summarize(s, mergeResults(blocks), { seed: 3 });
      const stream = createSummaryStream(s, trials);
      for (const b of blocks) stream.add(b);
      expect(stream.trials).toBe(trials);
      const got = stream.summary({ seed: 3 });
      expect(got).toEqual(expected);
      // and a partial summary is the summary of the prefix
      const partial = createSummaryStream(s, trials);
      partial.add(blocks[0]);
      expect(partial.summary({ seed: 3 })).toEqual(summarize(s, blocks[0], { seed: 3 }));
    });
  }

  it('equals summarize of the merged results when a later block stops the counting, widens a column or holds NaN and infinities', () => {
    const edits: [string, (blocks: Record<string, Float64Array>[]) => void][] = [
      ['a head count of 2000 in the last block', (b) => (b[2].headcount[5] = 2000)],
      ['a fractional head count in the second block', (b) => (b[1].productive[3] = 2.5)],
      ['a head count of 300 (wider, still counted)', (b) => (b[2].vacant[0] = 300)],
      ['a NaN cost', (b) => (b[1].cost[4] = NaN)],
      ['NaN Lorenz points and leader flags', (b) => ((b[0].lorenz[3] = NaN), (b[2].lorenz[30] = NaN), (b[1].leaderPresent[0] = NaN))],
      ['infinite and NaN revenue', (b) => ((b[1].revenue[2] = Infinity), (b[2].revenue[7] = NaN))],
      ['a NaN gini and a huge hire count', (b) => ((b[0].gini[0] = NaN), (b[2].hires[1] = 1e9))],
    ];
    for (const [, edit] of edits) {
      const blocks = [runTrials(baseline, 5, 0, 30), runTrials(baseline, 5, 30, 25), runTrials(baseline, 5, 55, 20)];
      edit(blocks as unknown as Record<string, Float64Array>[]);
      const stream = createSummaryStream(baseline, 75);
      stream.add(blocks[0]);
      expect(stream.summary({ seed: 5 })).toEqual(summarize(baseline, blocks[0], { seed: 5 }));
      stream.add(blocks[1]);
      stream.add(blocks[2]);
      expect(stream.summary({ seed: 5 })).toEqual(summarize(baseline, mergeResults(blocks), { seed: 5 }));
    }
  });

  it('stores head counts and flags compactly (fewer bytes than the Float64 results)', () => {
    const r = runTrials(baseline, 1, 0, 200);
    const stream = createSummaryStream(baseline, 200);
    stream.add(r);
    let full64 = 0;
    for (const v of Object.values(r)) if (ArrayBuffer.isView(v)) full64 += v.byteLength;
    expect(stream.bytes()).toBeLessThan(0.6 * full64);
  });

  it('rejects blocks out of order or beyond the announced trials', () => {
    const stream = createSummaryStream(baseline, 20);
    expect(() => stream.add(runTrials(baseline, 1, 5, 5))).not.toThrow(); // the first block fixes the start
    expect(() => stream.add(runTrials(baseline, 1, 20, 5))).toThrow(/expected trials from 10/);
    expect(() => stream.add(runTrials(baseline, 1, 10, 16))).toThrow(/more trials/);
  });
});
