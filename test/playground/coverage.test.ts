// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp, setApp } from '../../playground/src/app.js';
import { api as realApi } from '../../playground/src/api.js';
import '../../playground/src/components/sim-editor.js';
import '../../playground/src/components/sim-coverage.js';
import type { SimEditor } from '../../playground/src/components/sim-editor.js';
import type { SimCoverage } from '../../playground/src/components/sim-coverage.js';
import { engineSummary } from './fixtures.js';

async function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown> = {}): Promise<T> {
  const el = document.createElement(tag) as T & { updateComplete: Promise<unknown> };
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const noNetwork = { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] };
const COVERED = {
  horizonMonths: 12,
  reps: { seats: 10, opportunitiesPerMonth: 3, winRate: { tiers: [{ share: 0.2, mean: 0.5 }, { share: 0.8, mean: 0.15 }] }, dealSize: 1000 },
  quota: { annualPerRep: 20000 },
  sellingTime: { hoursPerMonth: 70, hoursPerOpportunity: 10, hoursPerPaddedOpportunity: 2, hoursPerOpenOpportunityPerMonth: 3 },
  stalls: {},
};

describe('<sim-coverage>', () => {
  beforeEach(() => document.body.replaceChildren());

  it('shows the engine coverage figures, the two win-rate groups and, under an escalating global rule, the multiple over time', async () => {
    const s = engineSummary({ ...COVERED, coverage: { policy: 'global', multiple: 3, escalation: { step: 1, cap: 6 } } }, 60, 3);
    const el = await mount<SimCoverage>('sim-coverage', { summary: s });
    const root = el.shadowRoot!;
    expect(root.querySelector('[data-testid=coverage-padded] .value')!.textContent).toContain('%');
    expect(root.querySelector('[data-testid=coverage-stalled] .value')!.textContent).toMatch(/%/);
    expect(root.querySelector('[data-testid=coverage-multiple]')).not.toBeNull();
    expect(root.querySelector('[data-testid=coverage-multiple-chart]')).not.toBeNull();
    const rows = [...root.querySelectorAll('[data-testid=coverage-groups] tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(rows.map((r) => r[0])).toEqual(['Revenue per rep', 'Attainment', 'Padded share']);
    // the engine's figures, side by side: the top 20% by win rate attain more than the other 80%
    expect(parseFloat(rows[1][1])).toBeGreaterThan(parseFloat(rows[1][2]));
    // individual: no multiple over time
    const ind = await mount<SimCoverage>('sim-coverage', { summary: engineSummary({ ...COVERED, coverage: { policy: 'individual' } }, 30, 3) });
    expect(ind.shadowRoot!.querySelector('[data-testid=coverage-multiple-chart]')).toBeNull();
    // nothing without coverage figures
    const none = await mount<SimCoverage>('sim-coverage', { summary: engineSummary(undefined, 20, 3) });
    expect(none.shadowRoot!.querySelector('.card')).toBeNull();
  });

  it('the editor hides inputs that do not apply to the chosen policy', async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    app.replaceScenario({ ...COVERED, coverage: { policy: 'individual', paddingQuality: 0.2 } }, false);
    const el = await mount<SimEditor>('sim-editor');
    const section = () => el.shadowRoot!.querySelector<HTMLDetailsElement>('details[data-section=coverage]')!;
    expect(section().querySelector('sim-field[data-path="coverage.multiple"]')).toBeNull();
    expect(section().querySelector('sim-field[data-path="coverage.paddingQuality"]')).not.toBeNull();
    expect(section().textContent).not.toContain('Escalation');
    app.setField('coverage.policy', 'global');
    await el.updateComplete;
    expect(section().querySelector('sim-field[data-path="coverage.multiple"]')).not.toBeNull();
    expect(section().textContent).toContain('Escalation');
    app.setField('coverage.policy', 'none');
    await el.updateComplete;
    expect(section().querySelector('sim-field[data-path="coverage.paddingQuality"]')).toBeNull();
    expect(el.shadowRoot!.querySelector('details[data-section=sellingTime]')).not.toBeNull();
    expect(el.shadowRoot!.querySelector('details[data-section=stalls]')).not.toBeNull();
    app.cancelRun();
  });
});
