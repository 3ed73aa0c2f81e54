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
