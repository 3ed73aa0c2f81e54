// @vitest-environment happy-dom
/**
 * The Calibrate view takes a lead export: choosing one refits with it (the engine's calibrateWithLeads,
 * the call substituted as the server or the static client answers it), the lead funnel's fit is shown
 * with its standard errors, and the fitted demand block reaches the editor's scenario.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { calibrateWithLeads, synthesize } from '../../engine/index.js';
import { createApp, setApp } from '../../playground/src/app.js';
import { api as realApi } from '../../playground/src/api.js';
import { formatPct } from '../../playground/src/format.js';
import '../../playground/src/components/sim-calibrate.js';
import { resetCalibrateView, type SimCalibrate } from '../../playground/src/components/sim-calibrate.js';
import { leadExport } from '../helpers/leads.js';

const csv = synthesize({ reps: { seats: 6, opportunitiesPerMonth: 3, winRate: 0.3, dealSize: { median: 20000, sigma: 0.5 } } }, { months: 12, start: '2025-01', seed: 2 }).opportunities;
const noNetwork = { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] };
const settle = async (el: SimCalibrate) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

describe('<sim-calibrate> with a lead export', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    resetCalibrateView();
  });

  it('refits with the leads, shows the lead funnel with SEs and puts the demand block in the editor', async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    const calls: (string | null | undefined)[] = [];
    const el = document.createElement('sim-calibrate') as SimCalibrate;
    el.api = {
      calibrate: async (text, roster, _signal, leads) => {
        calls.push(leads);
        return JSON.parse(JSON.stringify(calibrateWithLeads(text, { roster: roster ?? null, mapping: null, from: null, to: null }, leads)));
      },
      backtest: async () => {
        throw new Error('not called');
      },
    };
    document.body.append(el);
    await el.updateComplete;
    await el.upload(csv);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[data-testid="calibrate-leads-report"]')).toBeNull();
    expect((app.store.get().scenario as { demand?: unknown }).demand ?? null).toBeNull();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="calibrate-leads"]')!;
    expect(input.getAttribute('aria-label')).toBe('Lead export (CSV, optional)');
    Object.defineProperty(input, 'files', { value: [new File([leadExport()], 'leads.csv', { type: 'text/csv' })] });
    input.dispatchEvent(new Event('change'));
    await expect.poll(() => calls.length).toBe(2);
    await settle(el);
    expect(calls).toEqual([null, leadExport()]);
    const direct = calibrateWithLeads(csv, { roster: null, mapping: null, from: null, to: null }, leadExport());
    const report = el.shadowRoot!.querySelector('sim-leads-report')!.shadowRoot!.querySelector('[data-testid="calibrate-leads-report"]')!.textContent!.replace(/\s+/g, ' ');
    expect(report).toContain('600 leads over 12 months');
    expect(report).toContain(`${formatPct(0.1)}`);
    expect(report).toContain(formatPct(direct.demandReport!.qualifiedShareStdError));
    expect(report).toContain('1 (longest 1)');
    expect(report).toContain(formatPct(0.5));
    expect(el.shadowRoot!.querySelector('[data-testid="calibrate-leads-name"]')!.textContent).toBe('leads.csv');
    expect((app.store.get().scenario as { demand?: unknown }).demand).toMatchObject({ leadsPerMonth: 50, qualifiedShare: 0.1, qualificationDelayMonths: 1, notReadyShare: 0.5 });
  });
});
