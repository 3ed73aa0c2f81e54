import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrecisionTracker, mergeResults, nextBlockEnd, parsePrecision, parseScenario, runTrials, summarize, type Summary } from '../../engine/index.js';
import { createPool, runComparison, runSensitivity, runSummaryPrecise, runSummaryPreciseOnPool, runUntil } from '../../parallel/index.js';
import { planSensitivity } from '../../engine/index.js';
import { resultDifferences } from './same.js';

const scenario = parseScenario({
  horizonMonths: 12,
  seed: 11,
  reps: { seats: 6, opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 10000, sigma: 0.6 } },
  attrition: { annualRate: 0.2 },
  quota: { method: 'flat', annualPerRep: 70000 },
});
const uncertain = parseScenario({
  horizonMonths: 12,
  seed: 11,
  reps: { seats: 6, opportunitiesPerMonth: { uniform: [2, 4] }, winRate: { pert: [0.15, 0.25, 0.3] }, dealSize: { median: 10000, sigma: 0.6 } },
  quota: { method: 'flat', annualPerRep: 70000 },
});
const variant = parseScenario({
  horizonMonths: 12,
  seed: 11,
  reps: { seats: 7, opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 10000, sigma: 0.6 } },
  attrition: { annualRate: 0.2 },
  quota: { method: 'flat', annualPerRep: 70000 },
});

/** The Summary without its timing fields. */
const strip = (s: Summary) => JSON.parse(JSON.stringify({ ...s, meta: { ...s.meta, elapsedMs: 0, trialsPerSecond: 0 } }));

const pools = new Map<number, ReturnType<typeof createPool>>();
const poolOf = (n: number) => pools.get(n) ?? (pools.set(n, createPool({ workers: n })), pools.get(n)!);
afterAll(async () => {
  for (const p of pools.values()) await p.destroy();
});

describe('precision-targeted runs', () => {
  it('stop at the same trials with the same Summary for any worker count (fast-check over seeds, targets and workers)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom('p_plan=0.04', 'revenue=1.5%', 'p_plan=0.05,revenue=2%'),
        fc.integer({ min: 2, max: 3 }),
        fc.boolean(),
        async (seed, spec, workers, uncertainInputs) => {
          const s = uncertainInputs ? uncertain : scenario;
          const one = await runSummaryPrecise(s, spec, { seed, maxTrials: 5000, workers: 1 });
          const many = await runSummaryPrecise(s, spec, { seed, maxTrials: 5000, pool: poolOf(workers) });
          const server = await runSummaryPreciseOnPool(poolOf(workers), s, spec, { seed, maxTrials: 5000 });
          expect(many.summary.precision).toEqual(one.summary.precision);
          expect(strip(many.summary)).toEqual(strip(one.summary));
          expect(strip(server)).toEqual(strip(one.summary));
          expect(one.summary.trials).toBe(one.summary.precision.trials);
        },
      ),
      { seed: 28, numRuns: 6 },
    );
  }, 240_000);

  it('give the Summary of a fixed run of the trials used, and stop at the first block boundary where every target holds', async () => {
    const spec = 'p_plan=0.03';
    const { summary } = await runSummaryPrecise(scenario, spec, { seed: 5, maxTrials: 20_000, workers: 1 });
    const n = summary.trials;
    expect(strip(summary)).toEqual(strip({ ...summarize(scenario, runTrials(scenario, 5, 0, n), { seed: 5 }), precision: summary.precision }));
    expect(summary.precision.met).toBe(true);
    // the block before did not meet it
    const tracker = createPrecisionTracker([scenario], parsePrecision(spec), ['p_plan']);
    let done = 0;
    let previous = 0;
    while (done < n) {
      previous = done;
      done = nextBlockEnd(done, 20_000);
      tracker.add([runTrials(scenario, 5, previous, done - previous)]);
      if (done < n) expect(tracker.met()).toBe(false);
    }
    expect(tracker.met()).toBe(true);
  });

  it('stop at the cap and say so when a target cannot be met in it', async () => {
    const { summary } = await runSummaryPrecise(scenario, 'p_plan=0.001', { seed: 5, maxTrials: 700, workers: 1 });
    expect(summary.trials).toBe(700);
    expect(summary.precision).toMatchObject({ trials: 700, maxTrials: 700, met: false });
  });

  it('runUntil hands the same blocks in trial order for any worker count', async () => {
    const collect = async (workers: number) => {
      const blocks: ReturnType<typeof runTrials>[][] = [];
      const n = await runUntil([scenario, variant], { seed: 9, maxTrials: 2000, ...(workers > 1 ? { pool: poolOf(workers) } : { workers: 1 }) }, (b, done) => (blocks.push(b), done >= 1000));
      return { n, merged: [0, 1].map((j) => mergeResults(blocks.map((b) => b[j]))) };
    };
    const a = await collect(1);
    const b = await collect(3);
    expect(b.n).toBe(a.n);
    expect(a.n).toBeGreaterThanOrEqual(1000);
    for (const j of [0, 1]) expect(resultDifferences(a.merged[j], b.merged[j])).toEqual([]);
    expect(resultDifferences(a.merged[0], runTrials(scenario, 9, 0, a.n))).toEqual([]);
  });

  it('compare: diff reached is 1.96 x the comparison\'s standard error, the same on any worker count', async () => {
    const variants = [{ name: 'seven', scenario: variant }];
    const one = await runComparison(scenario, variants, { trials: 0, seed: 4, workers: 1, precision: { spec: 'diff=4000', maxTrials: 20_000 } });
    const two = await runComparison(scenario, variants, { trials: 0, seed: 4, pool: poolOf(2), precision: { spec: 'diff=4000', maxTrials: 20_000 } });
    expect(one.precision!.met).toBe(true);
    expect(one.trials).toBe(one.precision!.trials);
    expect(one.precision!.targets[0].reached).toBe(1.959963984540054 * one.variants[0].difference.stdError.total);
    expect(two.precision).toEqual(one.precision);
    expect(two.variants[0].difference).toEqual(one.variants[0].difference);
  }, 60_000);

  it('sensitivity: the base decides the trials and every run takes them', async () => {
    const runs = planSensitivity(scenario, [{ path: 'reps.opportunitiesPerMonth' }], 0.2);
    const r = await runSensitivity(scenario, runs, { trials: 0, seed: 4, workers: 1, precision: { spec: 'revenue=2%', maxTrials: 20_000 } });
    const fixed = await runSensitivity(scenario, runs, { trials: r.precision!.trials, seed: 4, workers: 1 });
    expect(r.trials).toBe(r.precision!.trials);
    expect({ ...r, meta: null, precision: null }).toEqual({ ...fixed, meta: null, precision: null });
  }, 60_000);
});
