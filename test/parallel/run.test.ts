import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSummaryStream, mergeResults, parseScenario, simulate, summarize, type Scenario, type TrialResults } from '../../engine/index.js';
import { CHUNK_BYTES, createPool, defaultChunkSize, MIN_TASK_REP_MONTHS, runBlocks, runParallel, summarizeInPool, workChunkSize, type Pool } from '../../parallel/index.js';
import { resultDifferences } from './same.js';

// a scenario with several mechanisms on, so per-trial values depend on many streams
const scenario: Scenario = parseScenario({
  horizonMonths: 9,
  seed: 11,
  territories: [
    { name: 'A', seats: 4, potential: null },
    { name: 'B', seats: 3, potential: 10 },
  ],
  reps: { opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 1000, sigma: 0.6 } },
  hiring: { plan: [{ month: 2, seats: 2, territory: 'A' }], timeToFillMonths: 1, ramp: { months: 3 } },
  attrition: { annualRate: 0.3 },
});

describe('runParallel', () => {
  const pools = new Map<number, Pool>();
  const TRIALS = 37;
  let reference: ReturnType<typeof simulate>;

  beforeAll(() => {
    for (const n of [1, 2, 3]) pools.set(n, createPool({ workers: n }));
    reference = simulate(scenario, { trials: TRIALS, seed: 11 });
  });
  afterAll(async () => {
    for (const p of pools.values()) await p.destroy();
  });

  it('is bit-identical to simulate for any worker count (1..3) and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: TRIALS + 5 }), async (workers, chunkSize) => {
        const r = await runParallel(scenario, { trials: TRIALS, seed: 11, pool: pools.get(workers)!, chunkSize });
        expect(r.trials).toBe(TRIALS);
        expect(r.from).toBe(0);
        expect(resultDifferences(r, reference)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a steady-state team and a roster start with open deals: bit-identical to simulate for any chunk size (no seat state left from another trial)', async () => {
    const team = parseScenario({
      horizonMonths: 12,
      reps: { seats: 12, opportunitiesPerMonth: 3, winRate: { mean: 0.3, concentration: 8 }, dealSize: { median: 20000, sigma: 0.6 }, repDealSizeSpread: 0.4, cycleMonths: 3, noDecisionRate: 0.2, initialPipeline: 'steady-state' },
      hiring: { plan: [], backfill: true, timeToFillMonths: { mean: 3, sd: 1 }, ramp: { months: 4 } },
      attrition: { annualRate: 0.4, pipelineLossOnExit: 0.3 },
      initialTeam: 'steady-state',
    });
    const roster = parseScenario({
      horizonMonths: 6,
      reps: { opportunitiesPerMonth: 3, winRate: { mean: 0.3, concentration: 8 }, dealSize: { median: 20000, sigma: 0.6 }, repDealSizeSpread: 0.4, cycleMonths: 3, noDecisionRate: 0.2 },
      hiring: { plan: [], backfill: true, timeToFillMonths: { mean: 3, sd: 1 } },
      attrition: { annualRate: 0.4 },
      initialTeam: { asOf: '2025-06-30', roster: [{ name: 'A', hired: '2025-02-01', record: { won: 5, lost: 9, wonGeoMean: 25000 } }, { name: 'B', vacant: true, record: { won: 2, lost: 2 } }, { name: 'C', hired: '2019-01-01' }] },
      openPipeline: [{ owner: 'B', ageMonths: 2, amount: null }, { owner: 'B', ageMonths: 0, amount: 15000 }, { owner: 'A', ageMonths: 1, amount: null }],
    });
    for (const s of [team, roster]) {
      const ref = simulate(s, { trials: TRIALS, seed: 5 });
      for (const chunkSize of [1, 7]) expect(resultDifferences(await runParallel(s, { trials: TRIALS, seed: 5, pool: pools.get(2)!, chunkSize }), ref)).toEqual([]);
    }
  });

  it('a scenario with a demand block: bit-identical to simulate on workers (its trial stream and seat purpose included)', async () => {
    const withDemand = parseScenario({ ...(scenario as object), demand: { leadsPerMonth: 60, qualificationDelayMonths: 1, nurture: { monthlyConversion: 0.05, monthlyExit: 0.1 }, handoffLoss: 0.1 } } as never);
    const r = await runParallel(withDemand, { trials: TRIALS, seed: 11, pool: pools.get(2)!, chunkSize: 5 });
    expect(r.recorded?.demand).toBe(true);
    expect(resultDifferences(r, simulate(withDemand, { trials: TRIALS, seed: 11 }))).toEqual([]);
  });

  it('with uncertain inputs (LHS, Iman-Conover) is bit-identical to simulate for any worker count and chunk size', async () => {
    // the scenario's trials differ from the run's: the design must span the run, whatever the chunks
    const uncertain = parseScenario({
      ...scenario,
      trials: 5,
      reps: { ...scenario.reps, winRate: { mean: { pert: [0.15, 0.25, 0.35] }, concentration: 8 }, opportunitiesPerMonth: { triangular: [2, 3, 4] } },
      attrition: { annualRate: { uniform: [0.1, 0.4] } },
      uncertainty: { correlations: [{ between: ['reps.winRate.mean', 'attrition.annualRate'], rho: -0.6 }] },
    });
    const ref = simulate(uncertain, { trials: TRIALS, seed: 11 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: TRIALS + 5 }), async (workers, chunkSize) => {
        const r = await runParallel(uncertain, { trials: TRIALS, seed: 11, pool: pools.get(workers)!, chunkSize });
        expect(resultDifferences(r, ref)).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });

  it('creates and destroys its own pool when given `workers`', async () => {
    const r = await runParallel(scenario, { trials: TRIALS, seed: 11, workers: 2, chunkSize: 5 });
    expect(resultDifferences(r, reference)).toEqual([]);
  });

  it('reports progress on the completed prefix, which equals a run of that many trials', async () => {
    const seen: { done: number; total: number; partial: ReturnType<typeof simulate> }[] = [];
    const counts: number[] = [];
    const r = await runParallel(scenario, {
      onCount: (done) => counts.push(done),
      trials: TRIALS,
      seed: 11,
      pool: pools.get(3)!,
      chunkSize: 4,
      onProgress: (done, total, partial) => seen.push({ done, total, partial }),
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)!.done).toBe(TRIALS);
    for (let i = 0; i < seen.length; i++) {
      const { done, total, partial } = seen[i];
      expect(total).toBe(TRIALS);
      if (i > 0) expect(done).toBeGreaterThan(seen[i - 1].done);
      expect(partial.trials).toBe(done);
      expect(resultDifferences(partial, simulate(scenario, { trials: done, seed: 11 }))).toEqual([]);
    }
    expect(counts).toEqual(seen.map((x) => x.done));
    expect(resultDifferences(r, reference)).toEqual([]);
  });

  it('reports partial results no more often than progressEvery trials, and always at the end', async () => {
    const seen: number[] = [];
    const counts: number[] = [];
    await runParallel(scenario, {
      trials: TRIALS,
      seed: 11,
      pool: pools.get(2)!,
      chunkSize: 3,
      progressEvery: 10,
      onCount: (done) => counts.push(done),
      onProgress: (done, _total, partial) => {
        expect(partial.trials).toBe(done);
        seen.push(done);
      },
    });
    expect(counts.length).toBeGreaterThan(seen.length);
    expect(seen.at(-1)).toBe(TRIALS);
    for (let i = 1; i < seen.length - 1; i++) expect(seen[i] - seen[i - 1]).toBeGreaterThanOrEqual(10);
  });

  it('runBlocks hands every chunk over once, in trial order, whatever the worker count and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: TRIALS + 5 }), async (workers, chunkSize) => {
        const got: TrialResults[] = [];
        const dones: number[] = [];
        await runBlocks(scenario, { trials: TRIALS, seed: 11, pool: pools.get(workers)!, chunkSize }, (blocks, done, total) => {
          expect(total).toBe(TRIALS);
          for (const b of blocks) {
            // each block starts where the previous one ended
            expect(b.from).toBe(got.reduce((a, x) => a + x.trials, 0));
            got.push(b);
          }
          dones.push(done);
        });
        expect(got.length).toBe(Math.ceil(TRIALS / chunkSize));
        expect(dones.at(-1)).toBe(TRIALS);
        for (let i = 1; i < dones.length; i++) expect(dones[i]).toBeGreaterThan(dones[i - 1]);
        expect(resultDifferences(mergeResults(got), reference)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('streams blocks into the summary stream for the same Summary as summarize on all results', async () => {
    const stream = createSummaryStream(scenario, TRIALS);
    await runBlocks(scenario, { trials: TRIALS, seed: 11, pool: pools.get(2)!, chunkSize: 6 }, (blocks) => blocks.forEach((b) => stream.add(b)));
    const streamed = stream.summary({ seed: 11, elapsedMs: 1 });
    const whole = summarize(scenario, reference, { seed: 11, elapsedMs: 1 });
    expect(JSON.parse(JSON.stringify(streamed))).toEqual(JSON.parse(JSON.stringify(whole)));
  });

  it('summarises on a worker exactly as on the main thread', async () => {
    const r = await runParallel(scenario, { trials: TRIALS, seed: 11, pool: pools.get(2)! });
    const onPool = await summarizeInPool(pools.get(2)!, scenario, r, { seed: 11, elapsedMs: 5 });
    const local = summarize(scenario, simulate(scenario, { trials: TRIALS, seed: 11 }), { seed: 11, elapsedMs: 5 });
    expect(JSON.parse(JSON.stringify(onPool))).toEqual(JSON.parse(JSON.stringify(local)));
  });

  it('cancels through an AbortSignal and leaves the pool usable', async () => {
    const pool = pools.get(2)!;
    const ctrl = new AbortController();
    const reason = new Error('stop now');
    let progressed = 0;
    const p = runParallel(scenario, {
      trials: 200_000,
      seed: 11,
      pool,
      chunkSize: 50,
      signal: ctrl.signal,
      onProgress: (done) => {
        progressed = done;
        if (done >= 100) ctrl.abort(reason);
      },
    });
    await expect(p).rejects.toBe(reason);
    expect(progressed).toBeLessThan(200_000);
    // the aborted tasks are gone: the pool runs the next job correctly
    const r = await runParallel(scenario, { trials: TRIALS, seed: 11, pool });
    expect(resultDifferences(r, reference)).toEqual([]);
  });

  it("survives a worker's late answer to an aborted task (Piscina's 'error' event)", async () => {
    const pool = pools.get(1)!;
    // what Piscina emits when a result races an abort; without a listener it is an uncaught exception
    expect(() => pool.emit('error', new Error('Unexpected message from Worker: { taskId: 1 }'))).not.toThrow();
    const r = await runParallel(scenario, { trials: TRIALS, seed: 11, pool });
    expect(resultDifferences(r, reference)).toEqual([]);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const ctrl = new AbortController();
    ctrl.abort(new Error('before'));
    await expect(runParallel(scenario, { trials: 10, pool: pools.get(1)!, signal: ctrl.signal })).rejects.toThrow('before');
  });

  it('sizes unwatched chunks to amortise task costs while giving every worker a share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 100_000 }), (trials, workers, rm) => {
        const c = workChunkSize(trials, workers, rm);
        expect(c).toBeGreaterThanOrEqual(1);
        expect(c).toBeLessThanOrEqual(Math.max(5000, defaultChunkSize(trials, workers)));
        // at least `workers` chunks when there are that many trials
        if (trials >= workers) expect(Math.ceil(trials / c)).toBeGreaterThanOrEqual(Math.min(workers, Math.ceil(trials / 5000)));
        // each chunk carries enough work unless that would leave a worker idle or pass the cap
        if (c < Math.min(5000, Math.ceil(trials / workers))) expect(c * rm).toBeGreaterThanOrEqual(MIN_TASK_REP_MONTHS);
      }),
    );
  });

  it('caps an unwatched chunk at CHUNK_BYTES of results, never below the work that amortises a task', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1_000_000 }), (trials, workers, rm, bytes) => {
        const c = workChunkSize(trials, workers, rm, bytes);
        const uncapped = workChunkSize(trials, workers, rm);
        const amortising = Math.ceil(MIN_TASK_REP_MONTHS / rm);
        expect(c).toBeGreaterThanOrEqual(1);
        expect(c).toBeLessThanOrEqual(uncapped);
        // within the byte cap, or at the smallest chunk that still carries a task's worth of work
        expect(c * bytes <= CHUNK_BYTES || c <= amortising).toBe(true);
        // a chunk is cut only as far as the cap needs: one trial more would pass it, or it is the amortising size
        expect(c === uncapped || (c + 1) * bytes > CHUNK_BYTES || c === Math.max(1, amortising)).toBe(true);
      }),
      { seed: 28 },
    );
  });

  it('keeps the default chunk small enough for progress every 5%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 1, max: 64 }), (trials, workers) => {
        const c = defaultChunkSize(trials, workers);
        expect(c).toBeGreaterThanOrEqual(1);
        if (trials >= 40 * workers) expect(c * 2 * workers).toBeLessThanOrEqual(trials / 20);
      }),
    );
  });
});
