/**
 * Compare and sensitivity at parity with the CLI: the tornado's trials and parameters are the user's
 * choice (and its numbers are the engine's for that choice); payback and crossover months lead with
 * "never in N of M" when most trials never get there; long actions tell the header what is going on.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../playground/src/app.js';
import { api as realApi, type Api } from '../../playground/src/api.js';
import { monthCell } from '../../playground/src/components/sim-compare.js';
import { numericPaths } from '../../playground/src/numeric-paths.js';
import { compare, parseScenario, sensitivity } from '../../engine/index.js';
import { SMALL_SCENARIO } from './fixtures.js';

function sensitivityApi() {
  const bodies: { trials: number; params?: { path: string }[]; relative?: number }[] = [];
  const api: Api = {
    ...realApi,
    stream: () => new Promise<never>(() => {}),
    listScenarios: async () => [],
    sensitivity: async (body) => {
      const b = body as { scenario: object; seed: number; trials: number; params?: { path: string; low?: number; high?: number }[]; relative?: number };
      bodies.push(b);
      return sensitivity(parseScenario(b.scenario), { trials: b.trials, seed: b.seed, params: b.params, relative: b.relative }) as never;
    },
  };
  return { api, bodies };
}

describe('sensitivity: trials and parameters chosen', () => {
  it('runs the chosen parameters at the chosen trials, and gives the engine numbers for that choice', async () => {
    const { api, bodies } = sensitivityApi();
    const app = createApp({ api });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.cancelRun();
    app.store.set({ auto: false, trials: 60, seed: 4 });
    await app.runSensitivity();
    const planned = app.store.get().sensitivity.planned!;
    expect(planned.length).toBeGreaterThan(1);
    const paths = [planned[1], 'reps.cycleMonths'].filter((p, i, a) => a.indexOf(p) === i);
    app.setSensitivityChoice({ trials: 80, paths });
    await new Promise((r) => setTimeout(r, 0));
    while (app.store.get().sensitivity.running) await new Promise((r) => setTimeout(r, 20));
    const got = app.store.get().sensitivity;
    expect(got.trials).toBe(80);
    const whole = sensitivity(parseScenario(SMALL_SCENARIO), { trials: 80, seed: 4, params: paths.map((path) => ({ path })) });
    expect(got.result!.parameters.map((p) => [p.path, p.swing.mean])).toEqual(whole.parameters.map((p) => [p.path, p.swing.mean]));
    expect(bodies.at(-1)!.trials).toBe(80);
    expect(app.store.get().activity).toBeNull();
  });

  it('moves each parameter by the chosen share (salesim sensitivity --relative), the engine numbers for that choice', async () => {
    const { api, bodies } = sensitivityApi();
    const app = createApp({ api });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.cancelRun();
    app.store.set({ auto: false, trials: 60, seed: 4 });
    app.setSensitivityChoice({ trials: 60, paths: ['reps.cycleMonths'], relative: 0.5 });
    await new Promise((r) => setTimeout(r, 0));
    while (app.store.get().sensitivity.running) await new Promise((r) => setTimeout(r, 20));
    // the plan asked for it, and the low/high values it gave are ±50% of the value
    expect(bodies[0].relative).toBe(0.5);
    const got = app.store.get().sensitivity.result!.parameters[0];
    const whole = sensitivity(parseScenario(SMALL_SCENARIO), { trials: 60, seed: 4, params: [{ path: 'reps.cycleMonths' }], relative: 0.5 }).parameters[0];
    expect([got.low, got.high, got.swing.mean]).toEqual([whole.low, whole.high, whole.swing.mean]);
    expect(got.high / got.low).toBeCloseTo(1.5 / 0.5, 12);
  });
});

describe('long actions', () => {
  it('the header describes a compare while it runs, and nothing after', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const api: Api = {
      ...realApi,
      stream: () => new Promise<never>(() => {}),
      listScenarios: async () => [],
      compare: async () => {
        await gate;
        const b = parseScenario(SMALL_SCENARIO);
        return compare(b, [{ name: 'v', scenario: b }], { trials: 20, seed: 1 });
      },
    };
    const app = createApp({ api });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.cancelRun();
    app.store.set({ auto: false, trials: 2000 });
    app.snapshotVariant();
    const done = app.runCompare();
    expect(app.store.get().activity?.label).toBe('Comparing 2 designs × 2,000 trials on the same draws: trials done…');
    release();
    await done;
    expect(app.store.get().activity).toBeNull();
  });

  it('shows the latest action still going', () => {
    const app = createApp({ api: { ...realApi, listScenarios: async () => [] } });
    const a = app.startActivity('A');
    const b = app.startActivity('B');
    b.update(2, 5);
    expect(app.store.get().activity).toEqual({ label: 'B', done: 2, total: 5 });
    b.end();
    expect(app.store.get().activity?.label).toBe('A');
    a.end();
    expect(app.store.get().activity).toBeNull();
  });
});

describe('monthCell', () => {
  it('leads with the never count when most trials never pay back', () => {
    expect(monthCell({ p10: 30, p50: 35, p90: 36 }, 1999 / 2000, 2000, 'paid back')).toBe('never in 1,999 of 2,000 trials (P50 35 in the 1 paid back)');
    expect(monthCell(null, 1, 2000, 'paid back')).toBe('never in 2,000 of 2,000 trials');
    expect(monthCell({ p10: 4, p50: 6, p90: 9 }, 0.05, 2000, 'ahead')).toMatch(/^P50 6 \(P10 4–P90 9\); never ahead in 5%/);
  });
});

describe('numericPaths', () => {
  it('lists every numeric field the scenario sets, with editor labels, but not trials, seed or horizon', () => {
    const got = numericPaths({ trials: 1, seed: 2, horizonMonths: 12, reps: { seats: 4, winRate: { mean: 0.2 } }, territories: [{ name: 'A', seats: 3 }] });
    expect(got.map((f) => f.path)).toEqual(['reps.seats', 'reps.winRate.mean', 'territories[0].seats']);
    expect(got.every((f) => f.label.length > 0)).toBe(true);
  });
});

describe('forecast interventions and goal seek from the editor', () => {
  /** RFC 7396 merge patch */
  const merge = (target: unknown, patch: unknown): unknown => {
    if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
    const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete out[k];
      else out[k] = merge(out[k], v);
    }
    return out;
  };
  it('patchFor gives the merge patch that sets exactly that field (lists patched whole)', async () => {
    const { patchFor } = await import('../../playground/src/merge-patch.js');
    const { setIn } = await import('../../playground/src/path.js');
    const s = { reps: { seats: 4, winRate: { mean: 0.2, concentration: 5 } }, territories: [{ name: 'A', seats: 2 }, { name: 'B', seats: 3 }] };
    for (const f of numericPaths(s)) expect(merge(s, patchFor(s, f.path, 9)), f.path).toEqual(setIn(s, f.path, 9));
    expect(patchFor(s, 'reps.winRate.mean', 0.3)).toEqual({ reps: { winRate: { mean: 0.3 } } });
  });
  it('goal seek: "80%" is P(plan) >= 0.8; the levers are the scenario fields plus hire-now', async () => {
    const { goalTarget, leverOptions } = await import('../../playground/src/components/sim-goal.js');
    expect(goalTarget('80%')).toBe('P(plan) >= 0.8');
    expect(goalTarget(' 0.75 ')).toBe('P(plan) >= 0.75');
    expect(goalTarget('mean(revenue) >= 2e7')).toBe('mean(revenue) >= 2e7');
    const levers = leverOptions({ hiring: { plan: [{ month: 1, seats: 2 }] }, reps: { seats: 4 } });
    expect(levers.map((l) => l.path)).toEqual(['hiring.plan[1].seats', 'hiring.plan[0].month', 'hiring.plan[0].seats', 'reps.seats']);
  });
});

describe('compare answers the current set', () => {
  it('drops an answer for a set of variants that changed while it ran', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const api: Api = {
      ...realApi,
      stream: () => new Promise<never>(() => {}),
      listScenarios: async () => [],
      compare: async () => {
        await gate;
        const b = parseScenario(SMALL_SCENARIO);
        return compare(b, [{ name: 'v', scenario: b }], { trials: 20, seed: 1 });
      },
    };
    const app = createApp({ api });
    app.replaceScenario(SMALL_SCENARIO, false);
    app.cancelRun();
    app.snapshotVariant();
    const done = app.runCompare();
    app.snapshotVariant(); // a second variant arrives while the first set runs
    release();
    await done;
    expect(app.store.get().compare.result).toBeNull();
    expect(app.store.get().compare.running).toBe(false);
  });
});

describe('monthTicks', () => {
  it('keeps month labels at least 30 px apart, inside the horizon, ascending', async () => {
    const { monthTicks } = await import('../../playground/src/charts/month-ticks.js');
    expect(monthTicks(36, 300)).toEqual([6, 12, 18, 24, 30, 36]);
    expect(monthTicks(12, 900)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (let h = 1; h <= 120; h++)
      for (const w of [150, 300, 500, 900, 1400]) {
        const t = monthTicks(h, w);
        expect(t.length).toBeGreaterThan(0);
        expect(t.every((m, i) => m >= 1 && m <= h && (i === 0 || m > t[i - 1]))).toBe(true);
        // spacing: the pixel gap between neighbouring labels
        for (let i = 1; i < t.length; i++) expect(((t[i] - t[i - 1]) / Math.max(1, h - 1)) * w, `${h} months, ${w}px`).toBeGreaterThanOrEqual(h <= 1 ? 0 : 30 * 0.9);
      }
  });
});
