/**
 * Revisions through the API: one old revision can be fetched, and restoring it adds it again as the
 * latest (its source text, comments included, byte for byte); the store keeps seed and trials.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_YAML, testApp, post } from './helpers.js';

type Json = Record<string, any>;
const app = testApp();
afterAll(() => app.close());

const put = (id: string, yaml: string) => app.request(`/api/scenarios/${id}`, { method: 'PUT', body: JSON.stringify({ yaml }), headers: { 'content-type': 'application/json' } });

describe('revisions', () => {
  it('gets one revision and restores it as a new revision, source verbatim', async () => {
    const v1 = SMALL_YAML.replace('trials: 20', 'trials: 30\nseed: 7   # a fixed draw');
    const s = (await (await post(app, '/api/scenarios', { yaml: v1 })).json()) as Json;
    expect(s.scenario.seed).toBe(7);
    expect(s.scenario.trials).toBe(30);
    const v2 = v1.replace('seats: 4              # four reps', 'seats: 9   # nine');
    expect((await put(s.id, v2)).status).toBe(200);

    const r1 = await app.request(`/api/scenarios/${s.id}/revisions/1`);
    expect(r1.status).toBe(200);
    const one = (await r1.json()) as Json;
    expect(one).toMatchObject({ id: s.id, revision: 1, format: 'yaml', source: v1 });
    expect(one.scenario.reps.seats).toBe(4);

    const restored = await app.request(`/api/scenarios/${s.id}/revisions/1/restore`, { method: 'POST' });
    expect(restored.status).toBe(200);
    const r = (await restored.json()) as Json;
    expect(r.revision).toBe(3);
    expect(r.source).toBe(v1);
    expect(r.scenario.reps.seats).toBe(4);
    expect(r.scenario.seed).toBe(7);
    const revs = (await (await app.request(`/api/scenarios/${s.id}/revisions`)).json()) as Json;
    expect(revs.revisions.map((x: Json) => x.source)).toEqual([v1, v2, v1]);
  });

  it('answers 404 naming the scenario or the revision', async () => {
    const s = (await (await post(app, '/api/scenarios', { yaml: SMALL_YAML })).json()) as Json;
    for (const [path, method, text] of [
      [`/api/scenarios/${s.id}/revisions/2`, 'GET', "no revision '2'"],
      [`/api/scenarios/${s.id}/revisions/x`, 'GET', "no revision 'x'"],
      [`/api/scenarios/${s.id}/revisions/0/restore`, 'POST', "no revision '0'"],
      ['/api/scenarios/nope/revisions/1', 'GET', "no scenario with id 'nope'"],
      ['/api/scenarios/nope/revisions/1/restore', 'POST', "no scenario with id 'nope'"],
    ] as const) {
      const res = await app.request(path, { method });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as Json).errors[0].message).toContain(text);
    }
    const after = (await (await app.request(`/api/scenarios/${s.id}`)).json()) as Json;
    expect(after.revision).toBe(1);
  });
});
