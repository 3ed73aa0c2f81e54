/**
 * The API against a real server on a loopback port: every endpoint over HTTP, a disconnecting SSE client
 * cancelling its run, /api/health latency while a long simulation runs, 50 concurrent simulations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../engine/index.js';
import type { SalesimApp } from '../../server/app.js';
import { listen, readSse, small, SMALL_YAML, testApp, withoutMeta } from './helpers.js';

type Json = Record<string, any>;

let app: SalesimApp;
let base: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  app = testApp();
  const s = await listen(app);
  base = s.url;
  stop = s.close;
  // warm the pool's workers (their first task loads the engine)
  await fetch(`${base}/api/simulate`, { method: 'POST', body: JSON.stringify({ scenario: small() }), headers: { 'content-type': 'application/json' } });
});
afterAll(async () => {
  await stop();
  await app.close();
});

const postJson = (path: string, body: unknown, init: RequestInit = {}) =>
  fetch(base + path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' }, ...init });

/** A scenario whose run of `trials` trials takes roughly `ms` milliseconds on this machine (measured). */
async function sizedRun(ms: number): Promise<{ scenario: Json; trials: number }> {
  // many rep-months per trial: long runs without much memory (results are kept per trial-month)
  const scenario = small({ reps: { ...small().reps, seats: 100 }, horizonMonths: 36 });
  const t0 = performance.now();
  const res = await postJson('/api/simulate', { scenario, trials: 300 });
  expect(res.status).toBe(200);
  await res.json();
  const perTrial = (performance.now() - t0) / 300;
  return { scenario, trials: Math.max(300, Math.min(100_000, Math.round(ms / perTrial))) };
}

describe('over HTTP on 127.0.0.1', () => {
  it('serves every endpoint', async () => {
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ ok: true, version: ENGINE_VERSION });
    expect((await (await fetch(`${base}/api/schema`)).json()).title).toBe('salesim scenario');
    expect((await (await fetch(`${base}/api/openapi.json`)).json()).openapi).toBe('3.1.0');
    const presets = await fetch(`${base}/api/presets`);
    expect(presets.status).toBe(200);
    const list = ((await presets.json()) as Json).presets as Json[];
    if (list.length > 0) expect((await fetch(`${base}/api/presets/${list[0].id}`)).status).toBe(200);
    expect((await fetch(`${base}/api/presets/none-such`)).status).toBe(404);

    const sim = await postJson('/api/simulate', { scenario: small(), seed: 5 });
    expect(sim.status).toBe(200);
    const summary = (await sim.json()) as Json;
    expect(summary.seed).toBe(5);

    const stream = await postJson('/api/simulate/stream', { scenario: small(), seed: 5 });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const events = await readSse(stream);
    expect(events.at(-1)!.event).toBe('result');
    expect(withoutMeta(JSON.parse(events.at(-1)!.data))).toEqual(withoutMeta(summary));

    const created = await fetch(`${base}/api/scenarios`, { method: 'POST', body: SMALL_YAML, headers: { 'content-type': 'application/yaml' } });
    expect(created.status).toBe(201);
    const s = (await created.json()) as Json;
    const put = await fetch(`${base}/api/scenarios/${s.id}`, { method: 'PUT', body: JSON.stringify({ yaml: SMALL_YAML + '# more\n' }), headers: { 'content-type': 'application/json' } });
    expect(((await put.json()) as Json).revision).toBe(2);
    expect(((await (await fetch(`${base}/api/scenarios`)).json()) as Json).scenarios.some((x: Json) => x.id === s.id)).toBe(true);
    expect(((await (await fetch(`${base}/api/scenarios/${s.id}`)).json()) as Json).source).toBe(SMALL_YAML + '# more\n');
    expect(((await (await fetch(`${base}/api/scenarios/${s.id}/revisions`)).json()) as Json).revisions[0].source).toBe(SMALL_YAML);
    expect((await fetch(`${base}/api/scenarios/${s.id}`, { method: 'DELETE' })).status).toBe(204);

    const bad = await postJson('/api/simulate', { scenario: { reps: { seats: 1 } } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).errors.length).toBeGreaterThan(0);
    const notFound = await fetch(`${base}/api/whatever`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-type')).toContain('application/json');
  });

  it('cancels the run of an SSE client that disconnects', async () => {
    const { scenario, trials } = await sizedRun(6000);
    const ctrl = new AbortController();
    const t0 = performance.now();
    const res = await postJson('/api/simulate/stream', { scenario, trials }, { signal: ctrl.signal });
    expect(res.status).toBe(200);
    let progress = 0;
    let doneAtAbort = 0;
    let abortedAt = 0;
    await readSse(res, (e) => {
      if (e.event === 'progress' && ++progress === 1) {
        doneAtAbort = (JSON.parse(e.data) as Json).done;
        abortedAt = performance.now();
        ctrl.abort();
      }
    }).catch(() => {});
    expect(progress).toBeGreaterThanOrEqual(1);
    // most of the run was still to do when the client left (the slot is held until the run settles)
    expect(doneAtAbort / trials).toBeLessThan(0.5);
    expect(app.runner.queue.running).toBe(1);
    // the run stops long before it would have finished: its slot is released, no further chunk is
    // launched, and the few chunks already handed to the pool drain (workers are never killed mid-task)
    while ((app.runner.queue.running > 0 || app.pool.queueSize > 0) && performance.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 20));
    const released = performance.now() - t0;
    console.log(`SSE disconnect: ${doneAtAbort}/${trials} trials done when the client left; slot released ${(performance.now() - abortedAt).toFixed(0)} ms later`);
    expect(app.runner.queue.running).toBe(0);
    expect(released).toBeLessThan(4000);
    expect(app.pool.queueSize).toBe(0);
    // and the server carries on
    expect((await postJson('/api/simulate', { scenario: small() })).status).toBe(200);
  });

  it('cancels the run of a plain /api/simulate client that disconnects', async () => {
    const { scenario, trials } = await sizedRun(6000);
    const ctrl = new AbortController();
    const t0 = performance.now();
    const pending = postJson('/api/simulate', { scenario, trials }, { signal: ctrl.signal }).catch((e: Error) => e);
    while (app.runner.queue.running === 0 && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 10));
    expect(app.runner.queue.running).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    ctrl.abort();
    expect(await pending).toBeInstanceOf(Error);
    while (app.runner.queue.running > 0 && performance.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 20));
    const released = performance.now() - t0;
    console.log(`plain disconnect: run of ~6000 ms released after ${released.toFixed(0)} ms`);
    expect(app.runner.queue.running).toBe(0);
    expect(released).toBeLessThan(4000);
  });

  it('keeps /api/health fast while a long simulation runs', async () => {
    const { scenario, trials } = await sizedRun(3000);
    let finished = false;
    const long = postJson('/api/simulate', { scenario, trials }).then(async (r) => {
      expect(r.status).toBe(200);
      await r.json();
      finished = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    const latencies: number[] = [];
    while (!finished && latencies.length < 400) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/health`);
      await res.json();
      if (!finished) latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
    await long;
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    console.log(
      `/api/health during a ${trials}-trial run: ${latencies.length} requests, median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    expect(latencies.length).toBeGreaterThanOrEqual(20);
    // A simulation on the event loop would hold every request for seconds. On a loaded machine (other
    // test files run in parallel on the same 2 cores) the OS can still deschedule this process once in
    // a while, so one outlier in a hundred may pass 250 ms, never a second.
    const over = latencies.filter((x) => x >= 250).length;
    expect(over, `${over} of ${latencies.length} over 250 ms`).toBeLessThanOrEqual(Math.floor(latencies.length / 100));
    expect(latencies.at(-1)!).toBeLessThan(1000);
  });

  it('answers 50 concurrent small simulations with 200 or 429, nothing else', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => postJson('/api/simulate', { scenario: small({ reps: { ...small().reps, seats: 10 } }), trials: 300, seed: i })),
    );
    const statuses = responses.map((r) => r.status);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Json[];
    const ok = statuses.filter((s) => s === 200).length;
    const busy = statuses.filter((s) => s === 429).length;
    console.log(`50 concurrent simulations: ${ok} x 200, ${busy} x 429`);
    expect(ok + busy).toBe(50);
    expect(ok).toBeGreaterThanOrEqual(app.limits.maxConcurrentRuns);
    responses.forEach((r, i) => {
      if (r.status === 200) expect(bodies[i].seed).toBe(i);
      else expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
  // last: a refused upload leaves its socket half-written, which the client must not reuse
  it('refuses a body over 1 MiB with 413, whether announced by Content-Length or not', async () => {
    const big = JSON.stringify({ scenario: small({ description: 'y'.repeat(1024 * 1024 + 10) }) });
    const res = await postJson('/api/scenarios', big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as Json).errors[0].path).toBeNull();
    // chunked upload: no Content-Length
    const chunks = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode(i === 0 ? '{"yaml":"' : 'z'.repeat(64 * 1024)));
        c.close();
      },
    });
    const res2 = await fetch(`${base}/api/scenarios`, { method: 'POST', body: chunks, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(res2.status).toBe(413);
  });

});
