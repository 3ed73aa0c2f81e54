/**
 * POST /api/solve/stream: a `progress` event per value the search runs (the engine's evaluations, in
 * order), then the SolveResult POST /api/solve answers; bad input is a plain 400 before any stream.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { post, readSse, small, testApp } from './helpers.js';

type Json = Record<string, any>;
const app = testApp();
afterAll(() => app.close());

describe('POST /api/solve/stream', () => {
  it('streams each value run, then the answer /api/solve gives', async () => {
    const body = { scenario: small({ quota: { method: 'flat', plan: 60_000 } }), trials: 200, seed: 2, vary: 'reps.seats', target: 'P(plan) >= 0.6', min: 1, max: 30 };
    const res = await post(app, '/api/solve/stream', body);
    expect(res.status).toBe(200);
    const events = await readSse(res);
    const progress = events.filter((e) => e.event === 'progress').map((e) => JSON.parse(e.data) as Json);
    const result = JSON.parse(events.at(-1)!.data) as Json;
    expect(events.at(-1)!.event).toBe('result');
    expect(progress.map((p) => p.evaluated)).toEqual(result.evaluations.map((_: unknown, i: number) => i + 1));
    expect(progress.map((p) => p.point)).toEqual(result.evaluations);
    expect(result.answer).not.toBeNull();
    expect(progress.length).toBeGreaterThan(3); // the bisection ran
    const plain = (await (await post(app, '/api/solve', body)).json()) as Json;
    expect(result).toEqual(plain);
  });

  it('a bad body is a 400 before the stream', async () => {
    const res = await post(app, '/api/solve/stream', { scenario: small(), vary: 'reps.seats', target: 'P(plan) >= nope' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).errors[0].path).toBe('target');
  });
});
