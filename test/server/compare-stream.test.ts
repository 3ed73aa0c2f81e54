/**
 * POST /api/compare/stream: progress events with the trials done per design (monotone, summing to the
 * total done, the designs in order), then the same CompareResult POST /api/compare answers (wall times
 * aside); bad bodies and work over the budget are plain 400 / 422 answers before any stream.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { designProgress, type CompareProgress } from '../../server/routes/compareStream.js';
import { post, readSse, small, testApp } from './helpers.js';

type Json = Record<string, any>;
const app = testApp();
afterAll(() => app.close());

/** Drops wall times (elapsedMs, trialsPerSecond): everything else must be identical. */
function withoutTimes(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutTimes);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !['elapsedMs', 'trialsPerSecond', 'runElapsedMs'].includes(k)).map(([k, x]) => [k, withoutTimes(x)]));
  return v;
}

describe('POST /api/compare/stream', () => {
  it('streams trials done per design, then the comparison /api/compare answers', async () => {
    const base = small();
    const body = { trials: 400, seed: 3, baseline: base, variants: [{ name: 'more opps', patch: { reps: { opportunitiesPerMonth: 5 } } }, { name: 'fewer seats', patch: { reps: { seats: 3 } } }] };
    const res = await post(app, '/api/compare/stream', body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readSse(res);
    const progress = events.filter((e) => e.event === 'progress').map((e) => JSON.parse(e.data) as CompareProgress);
    expect(progress.length).toBeGreaterThan(2);
    let last = 0;
    for (const p of progress) {
      expect(p.total).toBe(3 * 400);
      expect(p.trials).toBe(400);
      expect(p.designs.map((d) => d.name)).toEqual([String(base.name ?? 'Baseline'), 'more opps', 'fewer seats']);
      expect(p.designs.reduce((a, d) => a + d.done, 0)).toBe(p.done);
      expect(p.done).toBeGreaterThan(last);
      // in order: a design starts only when the one before it is done
      for (let i = 1; i < 3; i++) if (p.designs[i].done > 0) expect(p.designs[i - 1].done).toBe(400);
      last = p.done;
    }
    expect(events.at(-1)!.event).toBe('result');
    const streamed = JSON.parse(events.at(-1)!.data) as Json;
    const plain = (await (await post(app, '/api/compare', body)).json()) as Json;
    expect(withoutTimes(streamed)).toEqual(withoutTimes(plain));
  });

  it('refuses a bad body, assumptions and work over the budget before streaming', async () => {
    const bad = await post(app, '/api/compare/stream', { baseline: small(), variants: [] });
    expect(bad.status).toBe(400);
    const asks = await post(app, '/api/compare/stream', { baseline: small(), variants: [{ name: 'v', patch: {} }], assumptions: true });
    expect(asks.status).toBe(400);
    expect(((await asks.json()) as Json).errors[0].path).toBe('assumptions');
    const big = await post(app, '/api/compare/stream', { trials: 1_000_000, baseline: small({ reps: { ...small().reps, seats: 100_000 }, horizonMonths: 120 }), variants: [{ name: 'v', patch: {} }] });
    expect(big.status).toBe(422);
  });

  it('designProgress splits trials done over designs run in order', () => {
    expect(designProgress(['A', 'B', 'C'], 100, 0).map((d) => d.done)).toEqual([0, 0, 0]);
    expect(designProgress(['A', 'B', 'C'], 100, 150).map((d) => d.done)).toEqual([100, 50, 0]);
    expect(designProgress(['A', 'B', 'C'], 100, 300).map((d) => d.done)).toEqual([100, 100, 100]);
  });
});
