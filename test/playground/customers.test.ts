// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { arrFanChart, arrRows } from '../../playground/src/charts/arr.js';
import { SimCustomers } from '../../playground/src/components/sim-customers.js';
import { engineSummary, SMALL_SCENARIO } from './fixtures.js';

const plain = engineSummary({ ...SMALL_SCENARIO, horizonMonths: 12 });
const subscription = engineSummary({ ...SMALL_SCENARIO, horizonMonths: 18, customers: { annualChurn: 0.1, annualExpansion: 0.1, initial: { count: 100, arr: 20000 } } });

describe('ARR fan chart and retention cards', () => {
  it("draws the engine's ARR percentiles; nothing without a customers block", () => {
    expect(arrRows(plain)).toEqual([]);
    expect(arrFanChart(plain, { width: 600 })).toBeNull();
    expect(arrRows(subscription).map((r) => r.p50)).toEqual(subscription.customers!.arr.monthly.map((s) => s.p50));
    const el = arrFanChart(subscription, { width: 600 })!;
    const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe('Fan chart of ARR');
  });
  it('shows ARR, NRR, customers and unit economics from the Summary, and nothing without the block', async () => {
    expect(customElements.get('sim-customers')).toBe(SimCustomers);
    const el = document.createElement('sim-customers') as SimCustomers;
    el.summary = subscription;
    document.body.append(el);
    await el.updateComplete;
    const nrr = el.shadowRoot!.querySelector('[data-testid=kpi-nrr]')!;
    expect(Number(nrr.getAttribute('data-value'))).toBe(subscription.customers!.nrr[1]!.mean);
    expect(el.shadowRoot!.querySelector('[data-testid=arr-chart]')).not.toBeNull();
    el.summary = plain;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-testid=retention-cards]')).toBeNull();
    el.remove();
  });
});
