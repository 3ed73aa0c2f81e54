import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSummaryStream, mergeResults, parseScenario, runTrials, summarize } from '../../engine/index.js';
import type { ColumnSpill } from '../../engine/summaryStream.js';
import { fileSpill } from '../../parallel/spill.js';

/** A spill in memory that keeps every write apart (so a read at a wrong offset or length cannot pass). */
function memorySpill(): ColumnSpill & { writes: number; size: number } {
  const parts = new Map<number, Uint8Array>();
  let size = 0;
  return {
    writes: 0,
    get size() {
      return size;
    },
    write(bytes) {
      const at = size;
      parts.set(at, bytes.slice());
      size += bytes.length;
      this.writes++;
      return at;
    },
    read(offset, into) {
      const part = parts.get(offset);
      if (!part || part.length !== into.length) throw new Error(`no write of ${into.length} bytes at ${offset}`);
      into.set(part);
    },
  };
}

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
    for (const [[, edit], stage] of edits.flatMap((e) => [[e, 0], [e, 7], [e, 30]] as const)) {
      const blocks = [runTrials(baseline, 5, 0, 30), runTrials(baseline, 5, 30, 25), runTrials(baseline, 5, 55, 20)];
      edit(blocks as unknown as Record<string, Float64Array>[]);
      // without a spill, and with one that keeps 7 (fewer than a block: each block goes out whole) or 30 trials in memory
      const stream = createSummaryStream(baseline, 75, stage ? { spill: { store: memorySpill(), stageTrials: stage } } : {});
      stream.add(blocks[0]);
      expect(stream.summary({ seed: 5 })).toEqual(summarize(baseline, blocks[0], { seed: 5 }));
      stream.add(blocks[1]);
      stream.add(blocks[2]);
      expect(stream.summary({ seed: 5 })).toEqual(summarize(baseline, mergeResults(blocks), { seed: 5 }));
    }
  });

  it('with a spill, keeps only the last stageTrials trials in memory and gives the same Summary, bit for bit', () => {
    const s = { ...full, horizonMonths: 15 };
    const sizes = [17, 40, 33, 5, 25];
    const blocks = sizes.map((b, i) => runTrials(s, 3, sizes.slice(0, i).reduce((a, x) => a + x, 0), b));
    const expected = summarize(s, mergeResults(blocks), { seed: 3 });
    const plain = createSummaryStream(s, 120);
    const store = memorySpill();
    const spilled = createSummaryStream(s, 120, { spill: { store, stageTrials: 41 } });
    const held: number[] = [];
    for (const b of blocks) {
      plain.add(b);
      spilled.add(b);
      held.push(spilled.bytes());
    }
    expect(spilled.summary({ seed: 3 })).toEqual(expected);
    // 17 + 40 > 41: the first block went out; then 40 (57), 33 + 5 (95) went out; 25 stay in memory, in
    // columns with room for 41 trials from the first block on (three flushes of every column)
    expect(spilled.spilled()).toBe(store.size);
    expect(store.writes % 3).toBe(0);
    expect(Math.max(...held)).toBeLessThan(plain.bytes());
    expect(spilled.bytes() + spilled.spilled()).toBeGreaterThan(plain.bytes());
    // a partial Summary reads what was spilled so far
    expect(spilled.summary({ seed: 3 })).toEqual(expected);
  });

  it('spills to a temporary file that is gone from its folder at once and reads back what it wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesim-spill-'));
    const spill = fileSpill(dir);
    expect(readdirSync(dir)).toEqual(process.platform === 'win32' ? readdirSync(dir) : []);
    const a = spill.write(Uint8Array.from([1, 2, 3]));
    const b = spill.write(Uint8Array.from({ length: 70_000 }, (_, i) => i % 251));
    const back = new Uint8Array(70_000);
    spill.read(b, back);
    expect(a).toBe(0);
    expect(b).toBe(3);
    expect(back[69_999]).toBe(69_999 % 251);
    expect(spill.size).toBe(70_003);
    expect(() => spill.read(70_000, new Uint8Array(10))).toThrow(/ended at byte 70003/);
    spill.close();
    expect(readdirSync(dir)).toEqual([]);
    expect(() => fileSpill(join(dir, 'missing'))).toThrow(/temporary file in .*missing \(ENOENT\); set TMPDIR/);
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
