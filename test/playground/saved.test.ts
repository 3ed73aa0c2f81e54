/**
 * Saved scenarios reproduce in the playground: opened from the store they run with their own seed and
 * trials; saving writes the edit into the YAML text (comments kept); revisions are listed and restored.
 * The playground's Api here talks to a real server app with a real (in-memory) SQLite store.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { createApp } from '../../playground/src/app.js';
import { api as realApi, type Api, type RunRequest } from '../../playground/src/api.js';
import { applyEdits } from '../../playground/src/yaml-edit.js';
import { lineDiff } from '../../playground/src/line-diff.js';
import { parseScenario, simulate, summarize } from '../../engine/index.js';
import { testApp } from '../server/helpers.js';

const server = testApp();
afterAll(() => server.close());

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await server.request(path, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function storeApi() {
  const runs: RunRequest[] = [];
  const api: Api = {
    ...realApi,
    stream: async (req) => {
      runs.push(req);
      const s = parseScenario(req.scenario);
      return summarize(s, simulate(s, { trials: typeof req.trials === 'number' ? req.trials : s.trials, seed: req.seed ?? s.seed }), { seed: req.seed ?? s.seed });
    },
    listScenarios: async () => (await call<{ scenarios: never[] }>('GET', '/api/scenarios')).scenarios,
    getScenario: (id) => call('GET', `/api/scenarios/${id}`),
    saveScenario: (body) => call('POST', '/api/scenarios', body),
    updateScenario: (id, body) => call('PUT', `/api/scenarios/${id}`, body),
    scenarioRevisions: async (id) => (await call<{ revisions: never[] }>('GET', `/api/scenarios/${id}/revisions`)).revisions,
    restoreRevision: (id, rev) => call('POST', `/api/scenarios/${id}/revisions/${rev}/restore`),
  };
  return { api, runs };
}

const SOURCE = `# A fixed draw that the CLI and API reproduce
name: seven
horizonMonths: 6
trials: 300   # fewer than the default
seed: 7
reps:
  seats: 5    # five reps
  opportunitiesPerMonth: 3
  winRate: 0.25
  dealSize: 1000
`;

describe('saved scenarios in the playground', () => {
  it('runs a saved scenario with its own seed and trials, and its numbers equal the API run', async () => {
    const { api, runs } = storeApi();
    const saved = await call<{ id: string }>('POST', '/api/scenarios', { yaml: SOURCE });
    const app = createApp({ api });
    await app.loadSaved(saved.id);
    expect(app.store.get()).toMatchObject({ seed: 7, trials: 300, savedId: saved.id });
    expect(runs.at(-1)).toMatchObject({ seed: 7, trials: 300 });
    const viaApi = await call<{ revenue: { total: unknown }; trials: number }>('POST', '/api/simulate', { yaml: SOURCE });
    expect(app.store.get().summary!.revenue.total).toEqual(viaApi.revenue.total);
    app.cancelRun();
  });

  it('saves edits into the YAML text (comments kept), lists revisions and restores one', async () => {
    const { api } = storeApi();
    const saved = await call<{ id: string }>('POST', '/api/scenarios', { yaml: SOURCE });
    const app = createApp({ api, debounceMs: 1e9 });
    await app.loadSaved(saved.id);
    app.setField('reps.seats', 8);
    app.store.set({ auto: false, trials: 500 });
    await app.save();
    app.cancelRun();
    const now = await call<{ revision: number; source: string; scenario: { reps: { seats: number }; trials: number; seed: number } }>('GET', `/api/scenarios/${saved.id}`);
    expect(now.revision).toBe(2);
    expect(now.source).toBe(SOURCE.replace('seats: 5    # five reps', 'seats: 8 # five reps').replace('trials: 300   # fewer', 'trials: 500 # fewer'));
    expect(now.scenario).toMatchObject({ reps: { seats: 8 }, trials: 500, seed: 7 });

    await app.openRevisions();
    expect(app.store.get().revisions.list!.map((r) => r.revision)).toEqual([1, 2]);
    await app.restoreRevision(1);
    app.cancelRun();
    expect(app.store.get()).toMatchObject({ trials: 300, seed: 7 });
    // the resolved form lists the one default territory, whose seats the editor edits
    expect((app.store.get().scenario.territories as { seats: number }[])[0].seats).toBe(5);
    expect(app.store.get().revisions.list!.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect((await call<{ source: string }>('GET', `/api/scenarios/${saved.id}`)).source).toBe(SOURCE);
  });

  it('a new scenario is saved as YAML with the seed and trials it runs with', async () => {
    const { api } = storeApi();
    const app = createApp({ api, debounceMs: 1e9 });
    app.replaceScenario(parse(SOURCE) as Record<string, unknown>, false);
    app.store.set({ seed: 11, auto: false, trials: 400 });
    await app.save();
    app.cancelRun();
    const id = app.store.get().savedId!;
    const got = await call<{ format: string; scenario: { seed: number; trials: number } }>('GET', `/api/scenarios/${id}`);
    expect(got.format).toBe('yaml');
    expect(got.scenario).toMatchObject({ seed: 11, trials: 400 });
  });
});

describe('applyEdits', () => {
  it('writes exactly the changed values; the parsed result is the edited object', () => {
    const leaf = fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom('a', 'b c', 'x'), fc.boolean());
    const obj = fc.dictionary(fc.constantFrom('k1', 'k2', 'k3', 'k4'), fc.oneof(leaf, fc.dictionary(fc.constantFrom('a', 'b', 'c'), leaf, { minKeys: 1 }), fc.array(leaf, { minLength: 1, maxLength: 3 })), { minKeys: 1 });
    fc.assert(
      fc.property(obj, obj, (before, after) => {
        const source = `# header comment\n${applyEdits(null, {}, before)}`;
        expect(parse(applyEdits(source, before, after)) ?? {}).toEqual(after);
      }),
      { seed: 30, numRuns: 300 },
    );
  });
  it('leaves the text byte for byte when nothing changed', () => {
    expect(applyEdits(SOURCE, parse(SOURCE), parse(SOURCE))).toBe(SOURCE);
  });
});

describe('lineDiff', () => {
  it('keeps-and-removes give the old text, keeps-and-adds the new one', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const d = lineDiff(x.join('\n'), y.join('\n'));
        expect(d.filter((l) => l.kind !== 'added').map((l) => l.text).join('\n')).toBe(x.join('\n'));
        expect(d.filter((l) => l.kind !== 'removed').map((l) => l.text).join('\n')).toBe(y.join('\n'));
      }),
      { seed: 30, numRuns: 300 },
    );
  });
});
