/**
 * docs/server.md: the documented variables and rules hold on a real server process (SALESIM_MAX_WORK
 * and SALESIM_MAX_MEMORY_MB read from the environment; the documented 422 shape).
 */
import { describe, expect, it } from 'vitest';
import { startServer } from '../../bench/server-load.js';

describe('docs/server.md', () => {
  it('SALESIM_MAX_WORK bounds a request: 422 naming the field that drives the cost and the largest value that fits', async () => {
    const server = await startServer({ SALESIM_WORKERS: '1', SALESIM_MAX_WORK: '1e4' });
    try {
      const post = (trials: number) =>
        fetch(`${server.url}/api/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: { reps: { seats: 10, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1 } }, trials }) });
      const res = await post(1000);
      expect(res.status).toBe(422);
      const e = ((await res.json()) as { errors: { path: string; rule: string; message: string }[] }).errors[0];
      expect(e.path).toBe('trials');
      expect(e.rule).toBe('work budget');
      const fits = Number(/the largest value that fits is (\d+)/.exec(e.message)![1]);
      expect(fits).toBeGreaterThan(0);
      expect((await post(fits)).status).toBe(200);
      expect((await post(fits + 1)).status).toBe(422);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
