import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, parseScenario, planSensitivity, sensitivity, simulate, type Scenario } from '../../engine/index.js';
import { createPool, runComparison, runScenarios, runSensitivity, type Pool } from '../../parallel/index.js';
import { resultDifferences } from './same.js';

const base: Scenario = parseScenario({
  horizonMonths: 8,
  seed: 5,
  territories: [
    { name: 'A', seats: 4, potential: null },
    { name: 'B', seats: 3, potential: 12 },
  ],
  reps: { opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 1000, sigma: 0.6 } },
  hiring: { plan: [{ month: 2, seats: 2, territory: 'A' }], timeToFillMonths: 1, ramp: { months: 3 } },
  attrition: { annualRate: 0.3 },
  quota: { method: 'flat', annualPerRep: 30000 },
});
const hire = parseScenario({ ...base, hiring: { ...base.hiring, plan: [{ month: 2, seats: 5, territory: 'A' }] } });
const TRIALS = 41;

/** A result without its wall times (meta, elapsedMs, trialsPerSecond), which differ from run to run. */
const numbers = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'meta' || k === 'elapsedMs' || k === 'trialsPerSecond' ? undefined : v)));

describe('runScenarios, runComparison, runSensitivity', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = createPool({ workers: 2 });
  });
  afterAll(() => pool.destroy());

  it('runs every scenario with the same trials and seed: bit-identical on a pool, an own pool and in this thread', async () => {
    const reference = [base, hire].map((s) => simulate(s, { trials: TRIALS, seed: 3 }));
    for (const opts of [{ pool }, { workers: 2 }, { workers: 1 }, {}]) {
      const { results, elapsedMs } = await runScenarios([base, hire], { trials: TRIALS, seed: 3, ...opts });
      expect(results.map((r, i) => resultDifferences(r, reference[i]))).toEqual([[], []]);
      expect(elapsedMs).toHaveLength(2);
      expect(elapsedMs.every((t) => t >= 0)).toBe(true);
    }
  });

  it('counts progress over all runs, in order, up to the total', async () => {
    for (const opts of [{ pool }, { workers: 1 }]) {
      const seen: [number, number][] = [];
      await runScenarios([base, hire, base], { trials: TRIALS, seed: 3, ...opts, onProgress: (done, total) => seen.push([done, total]) });
      expect(seen.length).toBeGreaterThanOrEqual(3);
      expect(seen.every(([, total]) => total === 3 * TRIALS)).toBe(true);
      expect(seen.every(([done], i) => i === 0 || done >= seen[i - 1][0])).toBe(true);
      expect(seen.at(-1)![0]).toBe(3 * TRIALS);
    }
  });

  it('an aborted signal rejects with its reason and runs nothing', async () => {
    const ctrl = new AbortController();
    ctrl.abort(new Error('client went away'));
    for (const opts of [{ pool }, { workers: 1 }]) {
      await expect(runScenarios([base], { trials: TRIALS, seed: 3, signal: ctrl.signal, ...opts })).rejects.toThrow('client went away');
      await expect(runComparison(base, [{ name: 'hire', scenario: hire }], { trials: TRIALS, seed: 3, signal: ctrl.signal, ...opts })).rejects.toThrow('client went away');
    }
  });

  it("the comparison equals the engine's compare, reduced on the pool or in this thread", async () => {
    const variants = [{ name: 'hire 3 more', scenario: hire }];
    const engine = numbers(compare(base, variants, { trials: TRIALS, seed: 9 }));
    const onPool = await runComparison(base, variants, { trials: TRIALS, seed: 9, pool });
    const inThread = await runComparison(base, variants, { trials: TRIALS, seed: 9, workers: 1 });
    const ownPool = await runComparison(base, variants, { trials: TRIALS, seed: 9, workers: 2 });
    expect(numbers(onPool)).toEqual(engine);
    expect(numbers(inThread)).toEqual(engine);
    expect(numbers(ownPool)).toEqual(engine);
    // the variant really differs, so the equality is not one of two empty comparisons
    expect(onPool.variants[0].difference.total.mean).toBeGreaterThan(0);
    // each run's wall time reaches the summaries, on the pool too
    expect(onPool.variants[0].summary.meta.elapsedMs).toBeGreaterThan(0);
  });

  it("the tornado equals the engine's sensitivity, reduced on the pool or in this thread", async () => {
    const params = [{ path: 'reps.winRate.mean' }, { path: 'reps.cycleMonths', low: 2, high: 4 }];
    const engine = numbers(sensitivity(base, { trials: TRIALS, seed: 4, params }));
    const runs = planSensitivity(base, params);
    const onPool = await runSensitivity(base, runs, { trials: TRIALS, seed: 4, pool });
    const inThread = await runSensitivity(base, runs, { trials: TRIALS, seed: 4 });
    expect(numbers(onPool)).toEqual(engine);
    expect(numbers(inThread)).toEqual(engine);
    expect(onPool.parameters.map((p) => p.path).sort()).toEqual(['reps.cycleMonths', 'reps.winRate.mean']);
  });
});
