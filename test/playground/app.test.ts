import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_PREVIEW_TRIALS, createApp, editable, isStale, previewTrials } from '../../playground/src/app.js';
import { api as realApi, ApiError, type Api, type Progress, type RunRequest } from '../../playground/src/api.js';
import { parseScenario, sensitivity, simulate, summarize, sliceResults, type Summary } from '../../engine/index.js';
import { SMALL_SCENARIO } from './fixtures.js';

/** An Api whose simulations run the real engine in-process; records every request and signal. */
function engineApi() {
  const calls: { req: RunRequest; signal?: AbortSignal }[] = [];
  const run = (req: RunRequest): Summary => {
    const s = parseScenario(req.scenario);
    const seed = req.seed ?? s.seed;
    return summarize(s, simulate(s, { trials: typeof req.trials === 'number' ? req.trials : 100, seed }), { seed });
  };
  let gate: Promise<void> = Promise.resolve();
  const fake: Api = {
    ...realApi,
    presets: async () => [{ id: 'small', name: 'Small', scenario: parseScenario(SMALL_SCENARIO) } as never],
    preset: async () => ({ id: 'small', scenario: parseScenario(SMALL_SCENARIO) }),
    simulate: async (req, signal) => {
      calls.push({ req, signal });
      return run(req);
    },
    stream: async (req, opts = {}) => {
      calls.push({ req, signal: opts.signal });
      await gate;
      if (opts.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const s = parseScenario(req.scenario);
      const trials = typeof req.trials === 'number' ? req.trials : 100;
      const seed = req.seed ?? 1;
      const results = simulate(s, { trials, seed });
      const half = sliceResults(results, 0, trials / 2);
      opts.onProgress?.({ done: trials / 2, total: trials, summary: summarize(s, half, { seed }) } as Progress);
      return summarize(s, results, { seed });
    },
    listScenarios: async () => [],
  };
  return {
    api: fake,
    calls,
    hold() {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return release;
    },
  };
}

describe('app actions', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces input changes into one run and keeps the seed fixed', async () => {
    const e = engineApi();
    const app = createApp({ api: e.api, debounceMs: 300 });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.store.set({ auto: false, trials: 100, seed: 42 });
    app.setField('reps.seats', 9);
    app.setField('reps.seats', 10);
    app.setField('reps.opportunitiesPerMonth', 5);
    await vi.advanceTimersByTimeAsync(299);
    expect(e.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10);
    await vi.runAllTimersAsync();
    expect(e.calls).toHaveLength(1);
    expect(e.calls[0].req.seed).toBe(42);
    expect((e.calls[0].req.scenario as { reps: { seats: number } }).reps.seats).toBe(10);
    const st = app.store.get();
    expect(st.summary?.trials).toBe(100);
    expect(st.running).toBe(false);
    app.setField('reps.seats', 12);
    await vi.runAllTimersAsync();
    expect(e.calls[1].req.seed).toBe(42);
    app.newDraw();
    await vi.runAllTimersAsync();
    expect(e.calls[2].req.seed).not.toBe(42);
  });

  it('a new run aborts the one in flight, whose late result is ignored', async () => {
    const e = engineApi();
    const app = createApp({ api: e.api, debounceMs: 10 });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.store.set({ auto: false, trials: 50 });
    const release = e.hold();
    const first = app.run();
    const second = app.run();
    expect(e.calls[0].signal?.aborted).toBe(true);
    expect(e.calls[1].signal?.aborted).toBe(false);
    release();
    expect(await first).toBeNull();
    const s = await second;
    expect(s?.trials).toBe(50);
    expect(app.store.get().summary).toBe(s);
  });

  it('fills the charts from partial summaries before the result', async () => {
    const e = engineApi();
    const app = createApp({ api: e.api });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.store.set({ auto: false, trials: 100 });
    const seen: number[] = [];
    app.store.subscribe((s) => {
      if (s.summary && seen[seen.length - 1] !== s.summary.trials) seen.push(s.summary.trials);
    });
    await app.run();
    expect(seen).toEqual([50, 100]);
    expect(app.store.get().progress).toEqual({ done: 100, total: 100 });
  });

  it('undo restores the previous scenario; a slider drag is one undo step', async () => {
    const app = createApp({ api: engineApi().api });
    app.replaceScenario(SMALL_SCENARIO, false);
    expect(app.store.get().canUndo).toBe(false);
    for (const v of [0.2, 0.21, 0.22, 0.23]) app.setField('reps.winRate.mean', v);
    app.setField('reps.seats', 20);
    expect(app.get('reps.winRate.mean')).toBe(0.23);
    app.undo();
    expect(app.get('reps.seats')).toBe(8);
    expect(app.get('reps.winRate.mean')).toBe(0.23);
    app.undo();
    expect(app.get('reps.winRate.mean')).toBe(0.25);
    expect(app.store.get().canUndo).toBe(false);
    app.cancelRun();
  });

  it("places a 400's errors in state and clears a field's error when it is edited", async () => {
    const e = engineApi();
    const errors = [
      { path: 'reps.winRate.mean', rule: 'must be between 0 and 1', message: 'reps.winRate.mean: must be between 0 and 1' },
      { path: 'horizonMonths', rule: 'must be between 1 and 120', message: 'horizonMonths: must be between 1 and 120' },
    ];
    e.api.stream = async () => {
      throw new ApiError(400, errors);
    };
    const app = createApp({ api: e.api, debounceMs: 5 });
    await app.run();
    expect(app.store.get().errors).toEqual(errors);
    expect(app.store.get().runError).toBeNull();
    app.setField('reps.winRate.mean', 0.3);
    expect(app.store.get().errors.map((x) => x.path)).toEqual(['horizonMonths']);
    app.cancelRun();
  });

  it('marks the shown results stale after an edit until the run for it reports, and while the edit is invalid', async () => {
    const e = engineApi();
    const app = createApp({ api: e.api, debounceMs: 5 });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.store.set({ auto: false, trials: 40, seed: 3 });
    app.cancelRun();
    await app.run();
    expect(isStale(app.store.get())).toBe(false);
    app.setField('reps.seats', 9);
    expect(isStale(app.store.get())).toBe(true);
    app.cancelRun();
    await app.run();
    expect(isStale(app.store.get())).toBe(false);
    e.api.stream = async () => {
      throw new ApiError(400, [{ path: 'reps.seats', rule: 'must be >= 0', message: 'reps.seats: must be >= 0' }]);
    };
    app.setField('reps.seats', -1);
    app.cancelRun();
    await app.run();
    expect(app.store.get().summary).not.toBeNull();
    expect(isStale(app.store.get())).toBe(true);
    app.setTrials(80);
    expect(isStale(app.store.get())).toBe(true);
    app.cancelRun();
  });

  it('fills the tornado in parameter by parameter, ending with the whole analysis (same swings, same order)', async () => {
    vi.useRealTimers();
    const e = engineApi();
    const bodies: { trials: number; params?: unknown[] }[] = [];
    e.api.sensitivity = async (body) => {
      const b = body as { scenario: object; seed: number; trials: number; params?: { path: string; low?: number; high?: number }[] };
      bodies.push(b);
      return sensitivity(parseScenario(b.scenario), { trials: b.trials, seed: b.seed, params: b.params }) as never;
    };
    const app = createApp({ api: e.api });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.cancelRun();
    app.store.set({ auto: false, trials: 60, seed: 4 });
    const seen: number[] = [];
    const unsubscribe = app.store.subscribe((s) => {
      const n = s.sensitivity.result?.parameters.length ?? 0;
      if (n !== seen.at(-1)) seen.push(n);
    });
    await app.runSensitivity();
    unsubscribe();
    const whole = sensitivity(parseScenario(SMALL_SCENARIO), { trials: 60, seed: 4 });
    const got = app.store.get().sensitivity;
    expect(got.running).toBe(false);
    expect(got.progress).toEqual({ done: whole.parameters.length, total: whole.parameters.length });
    // bars appeared one at a time
    expect(seen).toEqual(Array.from({ length: whole.parameters.length + 1 }, (_, i) => i));
    expect(got.result!.parameters.map((p) => [p.path, p.swing])).toEqual(whole.parameters.map((p) => [p.path, p.swing]));
    expect(got.result!.base).toEqual(whole.base);
    expect(bodies[0].trials).toBe(1); // the plan
    expect(bodies.slice(1).every((b) => b.params?.length === 1)).toBe(true);
  });

  it('answers a slider drag with a quick small run, then the full run once the slider rests', async () => {
    const e = engineApi();
    const app = createApp({ api: e.api, previewDebounceMs: 50, refineAfterMs: 300 });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.cancelRun();
    app.store.set({ auto: false, trials: 2000, seed: 2 });
    expect(previewTrials(2000)).toBe(400);
    expect(previewTrials(500)).toBe(200);
    expect(previewTrials(100)).toBe(100);
    app.setField('reps.seats', 9, { preview: true });
    app.setField('reps.seats', 10, { preview: true }); // a drag: one preview for the last position
    await vi.advanceTimersByTimeAsync(60);
    expect(e.calls.map((c) => c.req.trials)).toEqual([400]);
    expect(app.store.get().summary!.trials).toBe(400);
    expect(isStale(app.store.get())).toBe(false); // the preview answers the current inputs
    await vi.advanceTimersByTimeAsync(310);
    expect(e.calls.map((c) => c.req.trials)).toEqual([400, 2000]);
    expect(app.store.get().summary!.trials).toBe(2000);
    // a drag that goes on cancels the pending refinement: only previews until it rests
    app.setField('reps.seats', 11, { preview: true });
    await vi.advanceTimersByTimeAsync(60);
    app.setField('reps.seats', 12, { preview: true });
    await vi.advanceTimersByTimeAsync(60);
    expect(e.calls.map((c) => c.req.trials)).toEqual([400, 2000, 400, 400]);
    await vi.advanceTimersByTimeAsync(310);
    expect(e.calls.at(-1)!.req.trials).toBe(2000);
    expect(e.calls.at(-1)!.req.scenario).toMatchObject({ reps: { seats: 12 } });
    app.cancelRun();
  });

  it('sends compare as a study on one seed, baseline first', async () => {
    const e = engineApi();
    let body: unknown = null;
    e.api.compare = async (b) => {
      body = b;
      return { trials: 1, seed: 1, horizonMonths: 1, baseline: {} as Summary, variants: [], meta: { elapsedMs: 0 } };
    };
    const app = createApp({ api: e.api });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.store.set({ seed: 5, auto: false, trials: 300 });
    app.pinBaseline();
    app.setField('reps.seats', 12);
    app.snapshotVariant();
    app.cancelRun();
    await app.runCompare();
    const b = body as { seed: number; trials: number; compare: { baseline: { reps: { seats: number } }; variants: { name: string; scenario: { reps: { seats: number } } }[] } };
    expect(b.seed).toBe(5);
    expect(b.trials).toBe(300);
    expect(b.compare.baseline.reps.seats).toBe(8);
    expect(b.compare.variants[0].scenario.reps.seats).toBe(12);
  });

  it('trainer: the engine reproduces the 1 + 3f multiple on the two-tier team', async () => {
    const e = engineApi();
    const app = createApp({ api: e.api });
    app.setTrainerF(1);
    await vi.runAllTimersAsync();
    const { baseline, current } = app.store.get().trainer;
    expect(baseline && current).toBeTruthy();
    expect(baseline!.reps.top20Share.p50).toBeCloseTo(0.8, 1);
    // 1000 trials of a 20-rep year: the ratio's standard error is well under 1%
    expect(current!.revenue.total.mean / baseline!.revenue.total.mean).toBeGreaterThan(3.85);
    expect(current!.revenue.total.mean / baseline!.revenue.total.mean).toBeLessThan(4.15);
    expect(e.calls.every((c) => c.req.seed === app.store.get().seed)).toBe(true);
  });

  it('editable drops the derived reps.seats when territories are listed', () => {
    const resolved = parseScenario({ territories: [{ name: 'A', seats: 3 }, { name: 'B', seats: 2 }], reps: { opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 } });
    const ed = editable(resolved as never) as { reps: Record<string, unknown> };
    expect('seats' in ed.reps).toBe(false);
    expect(() => parseScenario({ ...ed, territories: [{ name: 'A', seats: 9 }] })).not.toThrow();
  });
});

describe('trials: auto', () => {
  it('is the default: the run names no trial count, the progress carries the precision so far and runs to the projected trials; a fixed count is one pick away', async () => {
    const reqs: RunRequest[] = [];
    const s = parseScenario(SMALL_SCENARIO);
    const report = (trials: number, met: boolean) => ({ spec: 'revenue=0.5%', trials, maxTrials: 100_000, met, projected: met ? trials : 900, targets: [{ name: 'revenue' as const, target: 0.005, reached: met ? 0.004 : 0.02, met }] });
    const seen: { done: number; total: number; precision?: unknown }[] = [];
    const api: Api = {
      ...realApi,
      stream: async (req, opts = {}) => {
        reqs.push(req);
        const trials = typeof req.trials === 'number' ? req.trials : 300;
        if (req.trials === 'auto') opts.onProgress?.({ done: 200, total: 100_000, precision: report(200, false) });
        const summary = summarize(s, simulate(s, { trials, seed: 1 }), { seed: 1 });
        return req.trials === 'auto' ? { ...summary, precision: report(300, true) } : summary;
      },
    };
    const app = createApp({ api });
    app.replaceScenario(SMALL_SCENARIO, false);
    expect(app.store.get().auto).toBe(true);
    const stop = app.store.subscribe((st) => {
      if (st.progress) seen.push(st.progress);
    });
    await app.run();
    stop();
    // the bar ran to the engine's projection of the trials the run needs, not to the cap
    expect(seen).toContainEqual({ done: 200, total: 900, precision: report(200, false) });
    // a quick fixed run puts a picture up first (a precision run sends no partial Summaries), then the run to the precision
    expect(reqs.map((r) => r.trials)).toEqual([AUTO_PREVIEW_TRIALS, 'auto']);
    const st = app.store.get();
    expect(st.summary!.trials).toBe(300);
    expect(st.progress).toMatchObject({ done: 300, total: 300, precision: { met: true } });
    expect(isStale(st)).toBe(false);
    app.setTrials(500);
    await vi.waitFor(() => expect(reqs.at(-1)!.trials).toBe(500));
    expect(app.store.get()).toMatchObject({ auto: false, trials: 500 });
    app.setTrials('auto');
    await vi.waitFor(() => expect(reqs.at(-1)!.trials).toBe('auto'));
    expect(app.store.get().auto).toBe(true);
  });
});

describe('trials: auto with precision targets of the user\'s (salesim run --precision)', () => {
  it('sends the targets with the auto run, shows earlier results as stale when they change, and not with a fixed count', async () => {
    const reqs: RunRequest[] = [];
    const s = parseScenario(SMALL_SCENARIO);
    const api: Api = {
      ...realApi,
      stream: async (req) => {
        reqs.push(req);
        const summary = summarize(s, simulate(s, { trials: typeof req.trials === 'number' ? req.trials : 300, seed: 1 }), { seed: 1 });
        return req.trials === 'auto' ? { ...summary, precision: { spec: req.precision ?? 'default', trials: 300, maxTrials: 100_000, met: true, targets: [] } } : summary;
      },
    };
    const app = createApp({ api });
    app.replaceScenario(SMALL_SCENARIO, false);
    await app.run();
    expect(reqs.at(-1)).not.toHaveProperty('precision');
    app.store.set({ precision: 'p_plan=0.005' });
    expect(isStale(app.store.get())).toBe(true);
    app.setPrecision(' p_plan=0.005 ');
    await vi.waitFor(() => expect(reqs.at(-1)).toMatchObject({ trials: 'auto', precision: 'p_plan=0.005' }));
    await vi.waitFor(() => expect(app.store.get().running).toBe(false));
    expect(isStale(app.store.get())).toBe(false);
    app.setTrials(500);
    await vi.waitFor(() => expect(reqs.at(-1)!.trials).toBe(500));
    expect(reqs.at(-1)).not.toHaveProperty('precision');
  });
});
