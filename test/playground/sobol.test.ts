// @vitest-environment happy-dom
/**
 * <sim-sobol> (in the Sensitivity view): the engine's Sobol indices over the scenario's assumptions, as
 * salesim sensitivity --sobol --metric M --draws N prints them, asked with the editor's scenario and seed.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioIndices } from '../../engine/index.js';
import { createApp, setApp } from '../../playground/src/app.js';
import { api as realApi } from '../../playground/src/api.js';
import type { SobolRequest } from '../../playground/src/client/types.js';
import '../../playground/src/components/sim-sobol.js';
import type { SimSobol } from '../../playground/src/components/sim-sobol.js';
import { formatPct } from '../../playground/src/format.js';

const noNetwork = { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] };
const SCENARIO = {
  horizonMonths: 6,
  reps: { seats: 6, opportunitiesPerMonth: 4, winRate: { tiers: [{ share: 0.2, mean: 0.4, concentration: 50 }, { share: 0.8, mean: 0.2, concentration: 50 }] }, dealSize: 10000 },
  enablement: [{ gapClosed: 0.25, cost: { perRepPerMonth: 1500 } }],
};

describe('<sim-sobol>', () => {
  it("asks for the metric and draws chosen with the editor's scenario and seed, and shows the engine's share and indices", async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    app.replaceScenario(SCENARIO, false);
    app.cancelRun();
    app.store.set({ seed: 9 });
    const sent: SobolRequest[] = [];
    const el = document.createElement('sim-sobol') as SimSobol;
    el.api = {
      sobol: async (req) => {
        sent.push(req);
        return JSON.parse(JSON.stringify(scenarioIndices(parseScenario(req.scenario as object), { metric: req.metric, n: req.draws ?? 256, seed: req.seed })));
      },
    };
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const metric = root.querySelector<HTMLSelectElement>('[data-testid=sobol-metric]')!;
    metric.value = 'margin';
    metric.dispatchEvent(new Event('change'));
    const draws = root.querySelector<HTMLInputElement>('[data-testid=sobol-draws]')!;
    draws.value = '16';
    draws.dispatchEvent(new Event('change'));
    await el.run();
    await el.updateComplete;
    expect(sent).toEqual([{ scenario: app.store.get().scenario, seed: 9, metric: 'margin', draws: 16 }]);
    const r = el.result!;
    expect(r.indices.length).toBeGreaterThan(0);
    expect(root.querySelector('[data-testid=sobol-share]')!.textContent).toContain(formatPct(r.assumptionsShare));
    const rows = [...root.querySelectorAll('[data-testid=sobol-table] tbody tr')];
    expect(rows).toHaveLength(r.indices.length);
    expect(rows[0].textContent).toContain(r.indices[0].path);
    expect(rows[0].textContent).toContain(formatPct(r.indices[0].total));
    el.remove();
  });

  it("says so when the scenario uses no assumption, and shows the server's message on a refusal", async () => {
    setApp(createApp({ api: noNetwork }));
    const el = document.createElement('sim-sobol') as SimSobol;
    el.api = { sobol: async (req) => JSON.parse(JSON.stringify(scenarioIndices(parseScenario({ horizonMonths: 3, reps: { seats: 2, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1000 } }), { n: req.draws ?? 8 }))) };
    document.body.append(el);
    await el.run();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-testid=sobol-share]')!.textContent).toContain('uses no assumption to vary');
    const { ApiError } = await import('../../playground/src/api.js');
    el.api = { sobol: async () => Promise.reject(new ApiError(400, [{ path: 'sobol.metric', rule: 'x', message: 'sobol.metric: plan needs a plan' }])) };
    await el.run();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-testid=sobol-error]')!.textContent).toBe('sobol.metric: plan needs a plan');
    el.remove();
  });
});
