// @vitest-environment happy-dom
/**
 * Compare, Sensitivity and "As of today" follow the toolbar's Trials (issue 30): with Trials: auto they
 * ask for the toolbar's precision targets (or, with none, name no trial count anywhere, so the engine's
 * default precision applies), with a count they send it; each result says the trials it used and the
 * precision it reached. The answers are the static build's client on the engine (stand-in workers), which
 * test/playground/static-client.test.ts shows equal to the server's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp, setApp } from '../../playground/src/app.js';
import { api as realApi, type Api, type CompareProgress } from '../../playground/src/api.js';
import { createEnginePool, type WorkerLike } from '../../playground/src/client/pool.js';
import { createWorkerClient } from '../../playground/src/client/workers.js';
import { answer } from '../../playground/src/worker/engine.worker.js';
import type { ForecastApi, ForecastRequest } from '../../playground/src/forecast-api.js';
import '../../playground/src/components/sim-compare.js';
import '../../playground/src/components/sim-sensitivity.js';
import { resetForecastView, type SimForecast } from '../../playground/src/components/sim-forecast.js';

/** A stand-in Web Worker: the engine worker's `answer` on a later tick, data cloned as postMessage does. */
function fakeWorker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      const msg = structuredClone(message, { transfer: transfer as Transferable[] }) as { id: number; name: string; payload: unknown };
      setImmediate(() => w.onmessage?.({ data: structuredClone({ id: msg.id, ...answer(msg.name, msg.payload) }) } as MessageEvent));
    },
    terminate() {},
  };
  return w;
}

const engine = createWorkerClient(createEnginePool(fakeWorker, 2));
const noNetwork = { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] };

// P(plan) about 0.75: P(plan) ±0.04 holds after 500 trials (the engine's blocks: 200, 300, 400, 500)
const SCENARIO = {
  name: 'small',
  horizonMonths: 12,
  trials: 20,
  seed: 3,
  reps: { seats: 6, opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 20000, sigma: 0.7 } },
  quota: { method: 'flat', plan: 1_100_000 },
};

type Body = Record<string, any>;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const settle = async (el: { updateComplete: Promise<unknown> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

function appWith(api: Partial<Api>) {
  const app = createApp({ api: { ...noNetwork, ...api } as Api });
  setApp(app);
  app.replaceScenario(SCENARIO, false);
  app.cancelRun();
  return app;
}

beforeEach(() => document.body.replaceChildren());

describe('Compare follows Trials: auto', () => {
  it('sends the toolbar\'s targets (no trial count anywhere), shows progress per design of the cap and the trials used; a count is sent as before', async () => {
    const bodies: Body[] = [];
    const app = appWith({
      compare: (body, signal, onProgress) => {
        bodies.push(body as Body);
        return engine.compare(body, signal, onProgress);
      },
    });
    app.store.set({ auto: true, precision: 'p_plan=0.04', seed: 3 });
    app.snapshotVariant();
    const progress: CompareProgress[] = [];
    const off = app.store.subscribe(() => {
      const p = app.store.get().compare.progress;
      if (p && progress.at(-1) !== p) progress.push(p);
    });
    await app.runCompare();
    off();
    expect(bodies).toHaveLength(1);
    expect(bodies[0].precision).toBe('p_plan=0.04');
    expect(bodies[0]).not.toHaveProperty('trials');
    expect(bodies[0]).not.toHaveProperty('maxTrials');
    expect(bodies[0].compare.baseline).not.toHaveProperty('trials');
    expect(bodies[0].compare.variants[0].scenario).not.toHaveProperty('trials');
    const r = app.store.get().compare.result!;
    // the engine's answer to that body: the targets held after the block of 500 trials
    expect(r.precision).toMatchObject({ spec: 'p_plan=0.04', met: true, trials: 500 });
    expect(r.trials).toBe(500);
    expect(asJson(r)).toEqual(asJson(await engine.compare(bodies[0])));
    // progress: every design together, of the cap, block by block, marked as a precision run
    expect(progress.map((p) => p.designs.map((d) => d.done))).toEqual([200, 300, 400, 500].map((n) => [n, n]));
    expect(progress.every((p) => p.precise === true && p.trials === 100_000)).toBe(true);

    const el = document.createElement('sim-compare') as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(el);
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('[data-testid="compare-trials"]'))).toMatch(/^500 trials per scenario, seed 3/);
    const note = text(el.shadowRoot!.querySelector('[data-testid="compare-precision"]'));
    expect(note).toMatch(/^Auto: 500 trials, to the precision asked \(P\(plan\) ±0\.0\d\d of ±0\.040\)/);

    // (the view redraws its charts on every progress event: out of the page while the next runs go)
    el.remove();
    // no targets in the toolbar: nothing names a trial count, so the engine's default precision applies
    app.store.set({ precision: '' });
    const pending = app.runCompare();
    await expect.poll(() => bodies.length).toBe(2);
    expect(bodies[1]).not.toHaveProperty('precision');
    expect(bodies[1]).not.toHaveProperty('trials');
    expect(bodies[1].compare.baseline).not.toHaveProperty('trials');
    // a set count (the run above is dropped for it): the trials, no precision, as before
    app.store.set({ auto: false, trials: 300 });
    await app.runCompare();
    await pending;
    expect(bodies[2]).toMatchObject({ trials: 300, seed: 3 });
    expect(bodies[2]).not.toHaveProperty('precision');
    expect(app.store.get().compare.result!.precision).toBeUndefined();
    expect(app.store.get().compare.result!.trials).toBe(300);
    document.body.append(el);
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('[data-testid="compare-trials"]'))).toMatch(/^300 trials per scenario/);
    expect(el.shadowRoot!.querySelector('[data-testid="compare-precision"]')).toBeNull();
  }, 60_000);
});

describe('Sensitivity follows Trials: auto', () => {
  it('each parameter\'s request carries the targets; the tornado equals the whole precision run\'s and says the trials its base used', async () => {
    const bodies: Body[] = [];
    const app = appWith({
      sensitivity: (body, signal) => {
        bodies.push(body as Body);
        return engine.sensitivity(body, signal);
      },
    });
    app.store.set({ auto: true, precision: 'p_plan=0.04', seed: 3 });
    const paths = ['reps.seats', 'reps.winRate.mean'];
    app.setSensitivityChoice({ paths });
    await new Promise((r) => setTimeout(r, 0));
    await expect.poll(() => app.store.get().sensitivity.running, { timeout: 30_000 }).toBe(false);
    const [plan, ...runs] = bodies;
    expect(plan.trials).toBe(1); // the engine's parameter plan
    expect(runs).toHaveLength(2);
    for (const b of runs) {
      expect(b.precision).toBe('p_plan=0.04');
      expect(b).not.toHaveProperty('trials');
      expect(b.scenario).not.toHaveProperty('trials');
    }
    const got = app.store.get().sensitivity;
    expect(got.error).toBeNull();
    const whole = await engine.sensitivity({ scenario: runs[0].scenario, seed: 3, params: paths.map((path) => ({ path })), precision: 'p_plan=0.04' });
    expect(whole.precision).toMatchObject({ met: true, trials: 500 });
    expect(got.result!.precision).toEqual(whole.precision);
    expect(got.trials).toBe(500);
    expect(got.result!.parameters.map((p) => [p.path, p.swing.mean])).toEqual(whole.parameters.map((p) => [p.path, p.swing.mean]));

    const el = document.createElement('sim-sensitivity') as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(el);
    await settle(el);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[data-testid="sensitivity-precision"]'))).toMatch(/^Auto: 500 trials, to the precision asked \(P\(plan\) ±0\.0\d\d of ±0\.040\)/);
    expect(root.querySelector('[data-testid="tornado"]')!.getAttribute('caption')).toContain('from 500 trials a point');
    // the trials picker says auto, and a count picked there is sent as before
    const select = root.querySelector<HTMLSelectElement>('[data-testid="sensitivity-trials"]')!;
    expect(select.value).toBe('auto');
    select.value = '200';
    select.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 0));
    await expect.poll(() => app.store.get().sensitivity.running, { timeout: 30_000 }).toBe(false);
    const fixed = bodies.slice(3).filter((b) => b.trials !== 1);
    expect(fixed.map((b) => b.trials)).toEqual([200, 200]);
    expect(fixed.every((b) => !('precision' in b))).toBe(true);
    expect(app.store.get().sensitivity.result!.precision).toBeUndefined();
    await settle(el);
    expect(root.querySelector('[data-testid="sensitivity-precision"]')).toBeNull();
    expect(root.querySelector('[data-testid="tornado"]')!.getAttribute('caption')).toContain('from 200 trials a point');
  }, 60_000);
});

describe('As of today follows Trials: auto', () => {
  beforeEach(() => resetForecastView());

  it('sends the targets and no trial count, shows the trials done as it runs and the trials used with the precision reached', async () => {
    await import('../../playground/src/components/sim-forecast.js');
    const app = appWith({});
    app.store.set({ auto: true, precision: 'p_plan=0.04', seed: 5 });
    const sent: ForecastRequest[] = [];
    const seen: { done: number; total: number }[] = [];
    const shown: string[] = [];
    const fake: ForecastApi = {
      forecast: async (req, signal, onProgress) => {
        sent.push(req);
        return engine.forecast(req, signal, (p) => {
          seen.push(p);
          onProgress?.(p);
          // what the view draws for it (before the next worker answer)
          void el.updateComplete.then(() => shown.push(text(el.shadowRoot!.querySelector('[data-testid="forecast-progress"]'))));
        });
      },
      sample: (req, signal) => engine.sample(req, signal),
    };
    const el: SimForecast = document.createElement('sim-forecast') as SimForecast;
    el.api = fake;
    document.body.append(el);
    await el.useSample();
    await settle(el);
    // the sample books about 742,000 by its as-of date: P(plan | bookings to date) ±0.04 holds after 500 trials
    el.plan = '1300000';
    await el.run();
    await settle(el);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ precision: 'p_plan=0.04', seed: 5, plan: 1_300_000 });
    expect(sent[0]).not.toHaveProperty('trials');
    expect(sent[0].scenario).not.toHaveProperty('trials');
    const r = el.report!;
    expect(r.precision).toMatchObject({ spec: 'p_plan=0.04', met: true, trials: 500 });
    expect(r.trials).toBe(500);
    // the forecast, its start of the year's: 500 trials each, reported as they ran
    expect(seen.at(-1)).toEqual({ done: 1000, total: 1000 });
    // the forecast from today's blocks, of the cap over both scenarios, then the other scenario's trials
    expect(seen.slice(0, 4)).toEqual([200, 300, 400, 500].map((done) => ({ done, total: 200_000 })));
    expect(shown[0]).toBe('200 of 200,000 trials');
    expect(shown.at(-1)).toBe('1,000 of 1,000 trials');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[data-testid="forecast-precision"]'))).toMatch(/^Auto: 500 trials, to the precision asked \(P\(plan\) ±0\.0\d\d of ±0\.040\)/);
    expect(root.querySelector('[data-testid="forecast-chart"]')!.getAttribute('caption')).toContain('500 trials, seed 5');
    expect(root.querySelector('[data-testid="forecast-progress"]')).toBeNull();
  }, 60_000);
});

/** Drops wall times: everything else must be identical. */
function asJson(v: unknown): unknown {
  const strip = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(strip) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'elapsedMs' && k !== 'trialsPerSecond').map(([k, y]) => [k, strip(y)])) : x;
  return strip(JSON.parse(JSON.stringify(v)));
}
