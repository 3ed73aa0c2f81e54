// @vitest-environment happy-dom
/**
 * Compare shows how far it is while it runs: the app keeps the trials done per design the client
 * reports (the server's /api/compare/stream or the workers), the header's activity counts them, and
 * <sim-compare-progress> draws a row per design; when the answer comes the progress goes.
 */
import { describe, expect, it } from 'vitest';
import { createApp, setApp } from '../../playground/src/app.js';
import { api as realApi, type CompareProgress, type CompareResult } from '../../playground/src/api.js';
import '../../playground/src/components/sim-compare-progress.js';
import '../../playground/src/components/sim-compare.js';

const noNetwork = { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] };

describe('compare progress', () => {
  it('the store, the header activity and the view follow the trials done per design', async () => {
    let report: ((p: CompareProgress) => void) | undefined;
    let finish: ((r: CompareResult) => void) | undefined;
    const app = createApp({
      api: {
        ...noNetwork,
        compare: (_body, _signal, onProgress) => {
          report = onProgress;
          return new Promise<CompareResult>((r) => (finish = r));
        },
      },
    });
    setApp(app);
    app.store.set({ trials: 2000, auto: false });
    app.snapshotVariant();
    app.snapshotVariant();
    const done = app.runCompare();
    await expect.poll(() => report).toBeDefined();
    expect(app.store.get().activity?.label).toBe('Comparing 3 designs × 2,000 trials on the same draws: trials done…');
    const p: CompareProgress = { done: 2600, total: 6000, trials: 2000, designs: [{ name: 'Baseline', done: 2000 }, { name: 'hire 2', done: 600 }, { name: 'hire 4', done: 0 }] };
    report!(p);
    expect(app.store.get().compare.progress).toEqual(p);
    expect(app.store.get().activity).toMatchObject({ done: 2600, total: 6000 });

    const el = document.createElement('sim-compare-progress') as HTMLElement & { progress: CompareProgress; updateComplete: Promise<unknown> };
    el.progress = p;
    document.body.append(el);
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('[data-testid=compare-progress-row]')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual(['Baseline (baseline) 2,000 of 2,000', 'hire 2 600 of 2,000', 'hire 4 0 of 2,000']);
    expect(el.shadowRoot!.textContent!.replace(/\s+/g, ' ')).toContain('2,600 of 6,000 trials (43%): running hire 2.');
    const bars = [...el.shadowRoot!.querySelectorAll('.bar > span')].map((b) => (b as HTMLElement).style.width);
    expect(bars).toEqual(['100.0%', '30.0%', '0.0%']);

    finish!({ variants: [] } as unknown as CompareResult);
    await done;
    expect(app.store.get().compare.progress).toBeNull();
    expect(app.store.get().activity).toBeNull();
  });

  it('asks for no progress with the assumption analysis (it cannot count it)', async () => {
    const seen: unknown[] = [];
    const app = createApp({
      api: {
        ...noNetwork,
        compare: async (_body, _signal, onProgress) => {
          seen.push(onProgress);
          return { variants: [] } as unknown as CompareResult;
        },
      },
    });
    setApp(app);
    app.snapshotVariant();
    await app.runCompare({ assumptions: true });
    await app.runCompare();
    expect(seen[0]).toBeUndefined();
    expect(typeof seen[1]).toBe('function');
  });
});

describe('compare with assumptions: what it judges and how many draws (salesim compare --metric, --draws)', () => {
  it('sends the metric and draws chosen, and true for the defaults', async () => {
    const { assumptionsOption } = await import('../../playground/src/components/sim-compare.js');
    expect(assumptionsOption('', 256)).toBe(true);
    expect(assumptionsOption('margin', 256)).toEqual({ metric: 'margin' });
    expect(assumptionsOption('', 64)).toEqual({ draws: 64 });
    const bodies: { assumptions?: unknown }[] = [];
    const app = createApp({
      api: {
        ...noNetwork,
        compare: async (body) => {
          bodies.push(body as { assumptions?: unknown });
          return null as unknown as CompareResult;
        },
      },
    });
    setApp(app);
    app.snapshotVariant();
    const el = document.createElement('sim-compare') as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const metric = root.querySelector<HTMLSelectElement>('[data-testid=compare-assumptions-metric]')!;
    expect([...metric.options].map((o) => o.value)).toEqual(['', 'revenue', 'margin', 'arr', 'plan']);
    root.querySelector<HTMLButtonElement>('[data-testid=compare-assumptions-run]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(bodies[0].assumptions).toBe(true);
    metric.value = 'margin';
    metric.dispatchEvent(new Event('change'));
    const draws = root.querySelector<HTMLInputElement>('[data-testid=compare-assumptions-draws]')!;
    draws.value = '64';
    draws.dispatchEvent(new Event('change'));
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[data-testid=compare-assumptions-run]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(bodies[1].assumptions).toEqual({ metric: 'margin', draws: 64 });
    el.remove();
  });
});
