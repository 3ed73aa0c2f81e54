// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { funnelChart, funnelRows } from '../../playground/src/charts/funnel.js';
import { SimDemand } from '../../playground/src/components/sim-demand.js';
import { SECTIONS, labelForPath, sectionForPath } from '../../playground/src/fields.js';
import { parseScenario } from '../../engine/index.js';
import { engineSummary, SMALL_SCENARIO } from './fixtures.js';

const plain = engineSummary({ ...SMALL_SCENARIO, horizonMonths: 12 });
const demand = engineSummary({ ...SMALL_SCENARIO, horizonMonths: 12, demand: { budgetPerMonth: 10000, costPerLead: 50, qualificationDelayMonths: 1, nurture: { monthlyConversion: 0.05, monthlyExit: 0.1 } } });

describe('demand funnel chart and cards', () => {
  it("draws the engine's monthly means of each stage; nothing without a demand block", () => {
    expect(funnelRows(plain)).toEqual([]);
    expect(funnelChart(plain, { width: 600 })).toBeNull();
    const rows = funnelRows(demand);
    expect(rows.filter((r) => r.stage === 'Leads').map((r) => r.value)).toEqual(demand.demand!.leads.monthly.map((s) => s.mean));
    expect(rows.filter((r) => r.stage === 'Won').map((r) => r.value)).toEqual(demand.demand!.won.monthly.map((s) => s.mean));
    const el = funnelChart(demand, { width: 600 })!;
    const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe('Demand funnel by month');
  });
  it('shows the marketing-sourced share, funnel totals, unit costs and ROI from the Summary, and nothing without the block', async () => {
    expect(customElements.get('sim-demand')).toBe(SimDemand);
    const el = document.createElement('sim-demand') as SimDemand;
    el.summary = demand;
    document.body.append(el);
    await el.updateComplete;
    const share = el.shadowRoot!.querySelector('[data-testid=kpi-marketing-share]')!;
    expect(Number(share.getAttribute('data-value'))).toBe(demand.demand!.shareOfRevenue!.mean);
    expect(el.shadowRoot!.querySelector('[data-testid=kpi-marketing-roi]')!.textContent).toContain('nurture pool');
    expect(el.shadowRoot!.querySelector('[data-testid=funnel-chart]')).not.toBeNull();
    el.summary = plain;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-testid=demand-cards]')).toBeNull();
    el.remove();
  });
  it("the editor's demand section starts from a valid block with the source material's shares, and names its fields", () => {
    const sec = SECTIONS.find((x) => x.block === 'demand')!;
    const s = parseScenario({ ...SMALL_SCENARIO, demand: sec.defaults });
    expect(s.demand).toMatchObject({ qualifiedShare: 0.1, notReadyShare: 0.5 });
    for (const b of sec.subBlocks!) expect(() => parseScenario({ ...SMALL_SCENARIO, demand: { ...(sec.defaults as object), [b.key]: b.defaults } })).not.toThrow();
    expect(sectionForPath('demand.nurture.monthlyExit')).toBe('demand');
    expect(labelForPath('demand.nurture.monthlyExit')).toBe('Nurturing programme: pool leaving / month');
  });
});
