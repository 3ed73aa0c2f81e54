// @vitest-environment happy-dom
/**
 * Goal seek shows the bracket so far while it runs: the values the client reports (the server's
 * /api/solve/stream or the workers) are listed sorted with their figure, the bracket between the
 * largest miss and the smallest meet, and the header says how many values were tried.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { SolvePoint, SolveResult } from '../../engine/index.js';
import { createApp, setApp } from '../../playground/src/app.js';
import { api as realApi } from '../../playground/src/api.js';
import { bracketSoFar } from '../../playground/src/components/sim-goal-progress.js';
import { formatPct } from '../../playground/src/format.js';
import '../../playground/src/components/sim-goal.js';

const noNetwork = { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] };
const pt = (x: number, value: number, met: boolean): SolvePoint => ({ x, value, ci: [value - 0.05, value + 0.05], met });

describe('goal seek progress', () => {
  it('bracketSoFar: the largest miss and the smallest meet', () => {
    expect(bracketSoFar([])).toEqual({ miss: null, meet: null });
    expect(bracketSoFar([pt(1, 0.1, false), pt(30, 0.9, true), pt(15, 0.7, true), pt(8, 0.5, false)])).toEqual({ miss: 8, meet: 15 });
  });

  it('<sim-goal> lists the values tried while the search runs, and the header counts them', async () => {
    let onPoint: ((p: SolvePoint) => void) | undefined;
    let finish: ((r: SolveResult) => void) | undefined;
    const app = createApp({ api: noNetwork });
    setApp(app);
    // <sim-goal> calls the page's client (api.ts) directly
    const original = realApi.solve;
    realApi.solve = (_body, _signal, report) => {
      onPoint = report;
      return new Promise<SolveResult>((r) => (finish = r));
    };
    onTestFinished(() => {
      realApi.solve = original;
    });
    const el = document.createElement('sim-goal') as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(el);
    await el.updateComplete;
    const form = el.shadowRoot!.querySelector('form')!;
    (form.querySelector('input[name=target]') as HTMLInputElement).value = '80%';
    form.querySelector('input[name=target]')!.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await expect.poll(() => onPoint).toBeDefined();
    onPoint!(pt(1, 0.1, false));
    onPoint!(pt(30, 0.95, true));
    onPoint!(pt(15, 0.82, true));
    await el.updateComplete;
    const prog = el.shadowRoot!.querySelector('sim-goal-progress') as HTMLElement & { updateComplete: Promise<unknown> };
    await prog.updateComplete;
    const text = prog.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('3 values tried so far. The answer lies between 1 (misses) and 15 (meets) so far.');
    const rows = [...prog.shadowRoot!.querySelectorAll('[data-testid=goal-progress-row]')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([`1${formatPct(0.1)}${formatPct(0.05)} – ${formatPct(0.15)}no`, `15${formatPct(0.82)}${formatPct(0.77)} – ${formatPct(0.87)}yes`, `30${formatPct(0.95)}${formatPct(0.9)} – ${formatPct(1)}yes`]);
    expect(app.store.get().activity?.label).toMatch(/^Goal seek: .+ for P\(plan\) >= 0\.8: 3 values tried, the last 15 \(meets\)…$/);
    finish!({ vary: 'x', target: { stat: 'P', metric: 'plan', op: '>=', value: 0.8, text: 'P(plan) >= 0.8' }, trials: 10, seed: 1, range: [1, 30], integer: true, direction: 'smallest', answer: pt(15, 0.82, true), neighbours: [], evaluations: [], withinNoise: false, message: 'm', plan: 1 } as SolveResult);
    await expect.poll(() => el.shadowRoot!.querySelector('sim-goal-progress')).toBeNull();
    expect(app.store.get().activity).toBeNull();
  });
});

describe('goal seek until decided (salesim solve --precision bracket)', () => {
  it("asks for precision 'bracket' with its cap instead of trials, and says whether the answer was decided", async () => {
    const { GOAL_MAX_TRIALS } = await import('../../playground/src/components/sim-goal.js');
    const app = createApp({ api: noNetwork });
    setApp(app);
    const bodies: Record<string, unknown>[] = [];
    const reports: unknown[] = [];
    const original = realApi.solve;
    realApi.solve = async (body, _signal, report) => {
      bodies.push(body as unknown as Record<string, unknown>);
      reports.push(report);
      const r = { vary: 'reps.seats', target: { stat: 'P', metric: 'plan', op: '>=', value: 0.8, text: 'P(plan) >= 0.8' }, trials: 2000, seed: 1, range: [1, 10], integer: true, direction: 'smallest', answer: pt(7, 0.85, true), neighbours: [pt(6, 0.7, false)], evaluations: [pt(7, 0.85, true)], withinNoise: false, message: 'x', plan: 1 };
      return { ...r, precision: { spec: 'bracket', trials: 2000, maxTrials: GOAL_MAX_TRIALS, met: true, targets: [{ name: 'bracket', target: 0, reached: 0, met: true }] } } as unknown as SolveResult;
    };
    onTestFinished(() => {
      realApi.solve = original;
    });
    const el = document.createElement('sim-goal') as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const box = root.querySelector<HTMLInputElement>('[data-testid=goal-until-decided]')!;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await el.updateComplete;
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await expect.poll(() => root.querySelector('[data-testid=goal-precision]')?.textContent ?? '').toContain('Decided at 2,000 trials');
    expect(bodies[0]).toMatchObject({ precision: 'bracket', maxTrials: GOAL_MAX_TRIALS });
    expect(bodies[0]).not.toHaveProperty('trials');
    expect(reports[0]).toBeUndefined(); // a search until decided reports no value-by-value progress
    el.remove();
  });
});
