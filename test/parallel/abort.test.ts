import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/index.js';
import { createPool, runParallel } from '../../parallel/index.js';

// Regression: Piscina's own task abort terminates a worker that may already have posted its result,
// which surfaces as an uncaught "Unexpected message from Worker" in the main thread. Aborts at every
// moment of a run, over and over, must never produce an uncaught exception.
describe('aborting runs on the pool', () => {
  const pool = createPool({ workers: 2 });
  afterAll(() => pool.destroy());
  const scenario = parseScenario({ horizonMonths: 6, reps: { seats: 10, opportunitiesPerMonth: 3, winRate: 0.3, dealSize: 1000 } });

  it('rejects with the reason, leaves the pool usable and raises nothing uncaught', async () => {
    const uncaught: unknown[] = [];
    const onErr = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onErr);
    try {
      for (let i = 0; i < 150; i++) {
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
});
