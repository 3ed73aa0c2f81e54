// @vitest-environment happy-dom
/**
 * The tornado's own ranges per parameter (salesim sensitivity --param path=lo:hi, POST /api/sensitivity's
 * params[].low/high) in the Sensitivity view: the request carries them, the numbers are the engine's for
 * those ranges, the table says which values were set, and a bad range shows the engine's message beside
 * the parameter it names. The API is answered by the engine as the server answers it (a 400 carrying the
 * engine's issues); the server and the static build's worker have their own parity tests.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { InputError, parseScenario, sensitivity, sensitivityParams } from '../../engine/index.js';
import { createApp, sensitivityRequestParams, setApp, type App as SalesimApp } from '../../playground/src/app.js';
import { api as realApi, ApiError, type Api } from '../../playground/src/api.js';
import { unitForPath } from '../../playground/src/fields.js';
import { formatValue } from '../../playground/src/format.js';
import '../../playground/src/components/sim-sensitivity.js';
import { SMALL_SCENARIO } from './fixtures.js';

type Body = { scenario: object; seed: number; trials: number; params?: { path: string; low?: number; high?: number }[]; relative?: number };

/** An API whose tornado is the engine's, refusing bad input as the server does (400 with the engine's issues). */
function engineApi() {
  const bodies: Body[] = [];
  const api: Api = {
    ...realApi,
    stream: () => new Promise<never>(() => {}),
    listScenarios: async () => [],
    sensitivity: async (body) => {
      const b = body as Body;
      bodies.push(b);
      try {
        return JSON.parse(JSON.stringify(sensitivity(parseScenario(b.scenario), { trials: b.trials, seed: b.seed, params: sensitivityParams(b.params), relative: b.relative })));
      } catch (e) {
        if (e instanceof InputError) throw new ApiError(400, e.errors);
        throw e;
      }
    },
  };
  return { api, bodies };
}

async function settled(app: SalesimApp) {
  await new Promise((r) => setTimeout(r, 0));
  while (app.store.get().sensitivity.running) await new Promise((r) => setTimeout(r, 10));
}

function newApp(api: Api): SalesimApp {
  const app = createApp({ api });
  setApp(app);
  app.replaceScenario(SMALL_SCENARIO, false);
  app.cancelRun();
  app.store.set({ auto: false, trials: 60, seed: 4 });
  return app;
}

describe('sensitivity ranges: the request and the numbers', () => {
  it('sensitivityRequestParams: the chosen (or planned) parameters with the ends set for them', () => {
    expect(sensitivityRequestParams({ trials: null, paths: null }, ['a.b', 'c'])).toBeUndefined();
    expect(sensitivityRequestParams({ trials: null, paths: ['c'] }, ['a.b', 'c'])).toEqual([{ path: 'c' }]);
    expect(sensitivityRequestParams({ trials: null, paths: null, ranges: { c: { high: 3 } } }, ['a.b', 'c'])).toEqual([{ path: 'a.b' }, { path: 'c', high: 3 }]);
    // a range of a parameter not chosen is not sent
    expect(sensitivityRequestParams({ trials: null, paths: ['a.b'], ranges: { c: { low: 1, high: 3 } } }, ['a.b', 'c'])).toEqual([{ path: 'a.b' }]);
  });

  it("carries each parameter's low and high, and gives the engine's low, high and swing for those ranges", async () => {
    const { api, bodies } = engineApi();
    const app = newApp(api);
    const ranges = { 'reps.cycleMonths': { low: 2, high: 5 }, 'reps.winRate.mean': { high: 0.4 } };
    app.setSensitivityChoice({ trials: 60, paths: ['reps.winRate.mean', 'reps.cycleMonths', 'reps.opportunitiesPerMonth'], relative: 0.3, ranges });
    await settled(app);
    // the plan request: the ranges as the API takes them (an end left empty is not sent: the relative move)
    expect(bodies[0].params).toEqual([{ path: 'reps.winRate.mean', high: 0.4 }, { path: 'reps.cycleMonths', low: 2, high: 5 }, { path: 'reps.opportunitiesPerMonth' }]);
    expect(bodies[0].relative).toBe(0.3);
    const got = app.store.get().sensitivity;
    expect(got.error).toBeNull();
    const whole = sensitivity(parseScenario(SMALL_SCENARIO), { trials: 60, seed: 4, relative: 0.3, params: bodies[0].params });
    const pick = (ps: { path: string; low: number; high: number; swing: { mean: number; p50: number } }[]) => ps.map((p) => [p.path, p.low, p.high, p.swing.mean, p.swing.p50]);
    expect(pick(got.result!.parameters)).toEqual(pick(whole.parameters));
    const byPath = Object.fromEntries(got.result!.parameters.map((p) => [p.path, p]));
    expect([byPath['reps.cycleMonths'].low, byPath['reps.cycleMonths'].high]).toEqual([2, 5]);
    expect([byPath['reps.winRate.mean'].low, byPath['reps.winRate.mean'].high]).toEqual([0.175, 0.4]); // 0.25 - 30%, and as set
    expect(got.result!.parameters.every((p) => p.swing.mean !== 0)).toBe(true);
  });

  it('with the default parameters, a range sends them all and keeps their order on screen (the plan lists them by swing)', async () => {
    const { api, bodies } = engineApi();
    const app = newApp(api);
    await app.runSensitivity();
    const planned = app.store.get().sensitivity.planned!;
    expect(planned.length).toBeGreaterThan(2);
    expect(planned.indexOf('reps.winRate.mean')).toBeGreaterThan(0);
    // a wide range: the win rate now swings most, so the plan (largest swing first) lists it first
    app.setSensitivityChoice({ ranges: { 'reps.winRate.mean': { low: 0.05, high: 0.9 } } });
    await settled(app);
    expect(app.store.get().sensitivity.error).toBeNull();
    expect(app.store.get().sensitivity.result!.parameters[0].path).toBe('reps.winRate.mean');
    expect(bodies.filter((b) => b.trials === 1).at(-1)!.params!.map((p) => p.path)).toEqual(planned);
    // the list on screen keeps its order
    expect(app.store.get().sensitivity.planned).toEqual(planned);
  });
});

describe('<sim-sensitivity> ranges', () => {
  beforeEach(() => document.body.replaceChildren());

  it('says so when the scenario has changed since the tornado ran, until it runs again', async () => {
    const { api } = engineApi();
    const app = newApp(api);
    app.setSensitivityChoice({ trials: 60, paths: ['reps.winRate.mean'] });
    await settled(app);
    const el = document.createElement('sim-sensitivity');
    document.body.append(el);
    const update = () => (el as unknown as { updateComplete: Promise<void> }).updateComplete;
    await update();
    const stale = () => el.shadowRoot!.querySelector('[data-testid=sensitivity-stale]');
    expect(stale()).toBeNull();
    app.setField('reps.seats', 13);
    app.cancelRun();
    await update();
    expect(stale()!.textContent).toContain('The scenario has changed since this tornado ran');
    await app.runSensitivity();
    await update();
    expect(stale()).toBeNull();
  });

  it('typed low and high go to the API; the table shows the values used; a bad range shows the message naming the parameter', async () => {
    const { api, bodies } = engineApi();
    const app = newApp(api);
    app.setSensitivityChoice({ trials: 60, paths: ['reps.winRate.mean', 'reps.cycleMonths'] });
    await settled(app);
    const el = document.createElement('sim-sensitivity');
    document.body.append(el);
    const root = el.shadowRoot!;
    const flush = async () => {
      await settled(app);
      await (el as unknown as { updateComplete: Promise<void> }).updateComplete;
    };
    await flush();
    const end = (path: string, which: 'low' | 'high') => root.querySelector<HTMLInputElement>(`[data-testid=sensitivity-${which}][data-path="${path}"]`)!;
    const type = async (input: HTMLInputElement, value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('change'));
      await flush();
    };
    // the relative move's values are the hints of the empty boxes
    const before = app.store.get().sensitivity.result!.parameters.find((p) => p.path === 'reps.cycleMonths')!;
    expect(end('reps.cycleMonths', 'low').placeholder).toBe(String(before.low));

    // a low above the high: the engine's rule, beside the parameter and in the alert
    await type(end('reps.winRate.mean', 'low'), '0.3');
    await type(end('reps.winRate.mean', 'high'), '0.2');
    expect(bodies.at(-1)!.params).toContainEqual({ path: 'reps.winRate.mean', low: 0.3, high: 0.2 });
    const err = root.querySelector('[data-testid=sensitivity-range-error]')!;
    expect(err.textContent).toBe('reps.winRate.mean: low must be below high (low 0.3; high 0.2)');
    expect(err.closest('.param')!.getAttribute('data-path')).toBe('reps.winRate.mean');
    expect(end('reps.winRate.mean', 'low').getAttribute('aria-invalid')).toBe('true');
    expect(end('reps.winRate.mean', 'low').getAttribute('aria-describedby')).toBe(err.id);
    expect(end('reps.cycleMonths', 'low').getAttribute('aria-invalid')).toBe('false');
    expect(root.querySelector('[role=alert]')!.textContent).toContain('reps.winRate.mean: low must be below high');

    // out of the field's bounds: the schema's rule, naming the parameter and the end
    await type(end('reps.winRate.mean', 'high'), '1.5');
    expect(root.querySelector('[data-testid=sensitivity-range-error]')!.textContent).toBe('reps.winRate.mean: high 1.5 is not valid here: reps.winRate.mean must be between 0 and 1');

    // a good range: the table shows the values used, marked as set; the other keeps the relative move
    await type(end('reps.winRate.mean', 'high'), '0.4');
    expect(root.querySelector('[data-testid=sensitivity-range-error]')).toBeNull();
    const rows = [...root.querySelectorAll('table tbody tr')];
    const row = (path: string) => rows.find((r) => r.querySelector('th small')!.textContent === path)!;
    const cell = (path: string) => row(path).querySelector('[data-testid=sensitivity-low-high]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(cell('reps.winRate.mean')).toBe(`${formatValue(0.3, unitForPath('reps.winRate.mean'))} → ${formatValue(0.4, unitForPath('reps.winRate.mean'))} as set`);
    expect(cell('reps.cycleMonths')).toBe(`${formatValue(before.low, unitForPath('reps.cycleMonths'))} → ${formatValue(before.high, unitForPath('reps.cycleMonths'))} ±20%`);
    const engine = sensitivity(parseScenario(SMALL_SCENARIO), { trials: 60, seed: 4, params: [{ path: 'reps.winRate.mean', low: 0.3, high: 0.4 }, { path: 'reps.cycleMonths' }] });
    expect(app.store.get().sensitivity.result!.parameters.map((p) => [p.path, p.low, p.high, p.swing.mean])).toEqual(engine.parameters.map((p) => [p.path, p.low, p.high, p.swing.mean]));

    // emptied: the relative move again, and nothing sent for it
    await type(end('reps.winRate.mean', 'low'), '');
    await type(end('reps.winRate.mean', 'high'), '');
    expect(app.store.get().sensitivity.choice!.ranges).toEqual({});
    const plan = bodies.filter((b) => b.trials === 1).at(-1)!;
    expect(plan.params).toEqual([{ path: 'reps.winRate.mean' }, { path: 'reps.cycleMonths' }]);
  });
});
