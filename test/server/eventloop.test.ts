/**
 * Issue 13: a real server (a child process) stays responsive through a large run and gives its memory
 * back. This process polls /api/health every 20 ms while the server streams a run whose results are
 * large for their compute (2 reps x 120 months x 8,000 trials: ~80 MB of per-trial arrays, merged and
 * summarised for every 5% progress event and at the end): the merges and Summaries must stay off the
 * server's event loop. The goal is 50 ms; 250 ms is the bound a shared CI machine can keep.
 */
import { describe, expect, it } from 'vitest';
import { measureRun, settledRss, startServer } from '../../bench/server-load.js';
import { small } from './helpers.js';

const TRIALS = Number(process.env.SALESIM_EVENTLOOP_TRIALS ?? 8000);

describe('event loop and memory under a large run', () => {
  it(`/api/health stays under 250 ms through a ${TRIALS}-trial streamed run, and RSS returns within 100 MB`, async () => {
    const server = await startServer({ SALESIM_WORKERS: '2' });
    try {
      const scenario = small({ horizonMonths: 120, reps: { ...small().reps, seats: 2 } });
      // warm the workers (their first task loads the engine), then the idle level
      expect((await measureRun(server.url, { scenario, trials: 200, seed: 1 })).status).toBe(200);
      const before = await settledRss(server);
      const m = await measureRun(server.url, { scenario, trials: TRIALS, seed: 1 }, { stream: true });
      const atEnd = server.rssMb();
      const after = await settledRss(server, 10_000);
      console.log(
        `/api/health during a ${TRIALS}-trial streamed run (${(m.runMs / 1000).toFixed(1)} s): ${m.latencies.length} polls, median ${m.median.toFixed(1)} ms, ` +
          `p99 ${m.p99.toFixed(1)} ms, worst ${m.worst.toFixed(1)} ms (${(m.worstBeforeEndMs / 1000).toFixed(1)} s before the end); ` +
          `RSS before ${before.toFixed(0)} MB, at the end ${atEnd.toFixed(0)} MB, after ${after.toFixed(0)} MB`,
      );
      expect(m.status).toBe(200);
      expect(m.latencies.length).toBeGreaterThanOrEqual(30);
      expect(m.worst).toBeLessThan(250);
      expect(after - before).toBeLessThan(100);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
