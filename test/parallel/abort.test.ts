import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/index.js';
import { createPool, runParallel } from '../../parallel/index.js';

// Regression: Piscina's own task abort terminates a worker that may already have posted its result,
// which surfaces as an uncaught "Unexpected message from Worker" in the main thread. Aborts at every
// moment of a run, over and over, must never produce an uncaught exception. 60 rounds: each of the five
// abort delays (0-4 ms after the start) 12 times, on a different seed each time.
describe('aborting runs on the pool', () => {
  const pool = createPool({ workers: 2 });
  afterAll(() => pool.destroy());
  const scenario = parseScenario({ horizonMonths: 6, reps: { seats: 10, opportunitiesPerMonth: 3, winRate: 0.3, dealSize: 1000 } });

  it('rejects with the reason, leaves the pool usable and raises nothing uncaught', async () => {
    const uncaught: unknown[] = [];
    const onErr = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onErr);
    try {
      for (let i = 0; i < 60; i++) {
        const ctrl = new AbortController();
        const p = runParallel(scenario, { trials: 200, seed: i, pool, chunkSize: 2 });
        const q = runParallel(scenario, { trials: 200, seed: i, pool, chunkSize: 2, signal: ctrl.signal }).then(
          () => 'finished',
          (e: Error) => e.message,
        );
        setTimeout(() => ctrl.abort(new Error('client went away')), i % 5);
        await expect(p).resolves.toMatchObject({ trials: 200 });
        const r = await q;
        expect(['finished', 'client went away']).toContain(r);
      }
      await new Promise((r) => setTimeout(r, 200));
      expect(uncaught).toEqual([]);
      expect((await runParallel(scenario, { trials: 50, seed: 1, pool })).trials).toBe(50);
    } finally {
      process.off('uncaughtException', onErr);
    }
  });

  it('a cancelled run frees its workers at once: queued chunks skip their work, running ones stop at their next sub-block', async () => {
    const big = parseScenario({ horizonMonths: 36, reps: { seats: 100, opportunitiesPerMonth: 3, winRate: 0.3, dealSize: 1000 } });
    await runParallel(big, { trials: 20, seed: 1, pool, chunkSize: 10 }); // both workers warm
    const t0 = performance.now();
    await runParallel(big, { trials: 100, seed: 1, pool, chunkSize: 100 }); // one task on one worker
    const perTrial = (performance.now() - t0) / 100;
    const chunk = Math.max(100, Math.round(1500 / perTrial)); // ~1.5 s of work per chunk
    const ctrl = new AbortController();
    // 4 chunks go to the pool at once (2 per worker): two run, two wait in the pool's queue
    const run = runParallel(big, { trials: chunk * 8, seed: 2, pool, chunkSize: chunk, signal: ctrl.signal }).catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 200));
    ctrl.abort(new Error('cancelled'));
    const t1 = performance.now();
    expect(await run).toBe('cancelled');
    // a small run right after gets the workers: it waits for no cancelled chunk to finish
    expect((await runParallel(scenario, { trials: 4, seed: 1, pool })).trials).toBe(4);
    const freedMs = performance.now() - t1;
    console.log(`cancelled run: chunks of ~${(chunk * perTrial).toFixed(0)} ms; the pool was free for the next run ${freedMs.toFixed(0)} ms after the cancel`);
    // before: the two running chunks and then the two queued ones ran to their end (~2 chunks of work)
    expect(freedMs).toBeLessThan(0.4 * chunk * perTrial);
  }, 60_000);
});
