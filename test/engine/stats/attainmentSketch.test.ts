import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSummaryStream, histogram, parseScenario, runTrials, statsOrNull, summarize, mergeResults } from '../../../engine/index.js';
import { createAttainmentSketch } from '../../../engine/stats/attainmentSketch.js';
import { ATTAINMENT_EDGES } from '../../../engine/summarize.js';
import { createStreams, nextU, seedStream } from '../../../engine/random/streams.js';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Lognormal-ish float32 values from the engine's own stream (fixed seed). */
function values(n: number, seed: number, shift = 0): Float32Array {
  const S = createStreams(1);
  seedStream(S, 0, seed, 7, 3);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.exp(0.6 * (nextU(S, 0) + nextU(S, 0) + nextU(S, 0) - 1.5)) + shift;
  return out;
}

describe('the attainment sketch', () => {
  it('gives exact percentiles, mean and histogram, and the sd to 1e-9, after it stops keeping every value (any block split)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 6 }), (seed, sizes) => {
        const all = values(sizes.reduce((a, b) => a + b, 0), seed);
        all[3] = NaN; // non-finite values are left out, as statsOrNull does
        const sk = createAttainmentSketch(ATTAINMENT_EDGES, 2000);
        let o = 0;
        for (const k of sizes) {
          sk.add(all.subarray(o, o + k));
          o += k;
        }
        const want = statsOrNull(all)!;
        const got = sk.stats()!;
        expect({ ...got, sd: 0 }).toEqual({ ...want, sd: 0 });
        expect(Math.abs(got.sd - want.sd)).toBeLessThan(1e-9 * want.sd);
        expect(sk.histogram()).toEqual(histogram(all, 30, ATTAINMENT_EDGES));
        expect(sk.exact()).toBe(true);
      }),
      { seed: 28, numRuns: 25 },
    );
  });

  it('holds a bounded number of values: the bands around the percentiles, not every value', () => {
    const sk = createAttainmentSketch(ATTAINMENT_EDGES, 100_000);
    for (let b = 0; b < 20; b++) sk.add(values(100_000, b + 1));
    // 2,000,000 values: the grid (4 MB) and ~7 bands of ±0.2% of the values, far from 8 MB of float32
    expect(sk.bytes()).toBeLessThan(4 * (1 << 20) + 2_000_000);
  });

  it('percentiles on atoms (a quarter of the values exactly 0, others repeated) stay exact and the atoms are counted, not kept', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.05, max: 0.5, noNaN: true }), fc.boolean(), (seed, zeroShare, late) => {
        const n = 60_000;
        const all = values(n, seed);
        const S = createStreams(1);
        seedStream(S, 0, seed, 9, 1);
        for (let i = 0; i < n; i++) {
          const u = nextU(S, 0);
          if (u < zeroShare) all[i] = 0;
          else if (u < zeroShare + 0.05) all[i] = 1; // an atom at exactly plan
          else if (u < zeroShare + 0.06) all[i] = -0;
        }
        // a second value arriving late in the zero bucket (the smallest float32 above 0) makes the bucket mixed
        if (late) for (let i = n - 500; i < n; i += 7) all[i] = 1.401298464324817e-45;
        const sk = createAttainmentSketch(ATTAINMENT_EDGES, 3000);
        for (let o = 0; o < n; o += 4000) sk.add(all.subarray(o, o + 4000));
        const want = statsOrNull(all)!;
        const got = sk.stats()!;
        expect({ ...got, sd: 0 }).toEqual({ ...want, sd: 0 });
        expect(sk.exact()).toBe(true);
      }),
      { seed: 28, numRuns: 12 },
    );
    // 2,000,000 values, 30% zeros: the zeros are one counted value, not 600,000 kept ones
    const sk = createAttainmentSketch(ATTAINMENT_EDGES, 100_000);
    for (let b = 0; b < 20; b++) {
      const v = values(100_000, b + 1);
      for (let i = 0; i < v.length; i += 10) v.fill(0, i, i + 3);
      sk.add(v);
    }
    expect(sk.stats()!.p10).toBe(0);
    expect(sk.bytes()).toBeLessThan(4 * (1 << 20) + 2_000_000);
  });

  it('when a percentile leaves its band (the distribution moved after the switch), says so and interpolates in its grid bucket', () => {
    const sk = createAttainmentSketch(ATTAINMENT_EDGES, 1000);
    const first = values(1001, 3);
    const later = values(50_000, 4, 5);
    sk.add(first);
    sk.add(later);
    const want = statsOrNull(Float32Array.from([...first, ...later]))!;
    const got = sk.stats()!;
    expect(sk.exact()).toBe(false);
    for (const k of ['p5', 'p50', 'p95'] as const) expect(Math.abs(got[k] - want[k])).toBeLessThanOrEqual(Math.abs(want[k]) * 2 ** -11);
    expect(got.mean).toBe(want.mean);
  });

  it('the summary stream of a run past the switch prints the exact run\'s attainment figures', () => {
    const baseline = parseScenario(readFileSync(join(import.meta.dirname, '../../../scenarios/baseline.yaml'), 'utf8'));
    const blocks = [0, 300, 700, 1200].map((from, i, a) => runTrials(baseline, 1, from, (a[i + 1] ?? 1500) - from));
    const stream = createSummaryStream(baseline, 1500, { exactAttainments: 5000 });
    for (const b of blocks) stream.add(b);
    const got = stream.summary({ seed: 1 });
    const want = summarize(baseline, mergeResults(blocks), { seed: 1 });
    expect(mergeResults(blocks).attainments.length).toBeGreaterThan(50_000);
    expect({ ...got.reps.attainment!, sd: 0 }).toEqual({ ...want.reps.attainment!, sd: 0 });
    expect(got.reps.attainment!.sd).toBeCloseTo(want.reps.attainment!.sd, 10);
    expect(got.reps.attainmentHistogram).toEqual(want.reps.attainmentHistogram);
    // as the CLI prints them
    expect(pct(got.reps.attainment!.p50)).toBe(pct(want.reps.attainment!.p50));
    expect({ ...got, reps: null, meta: null }).toEqual({ ...want, reps: null, meta: null });
  });
});
