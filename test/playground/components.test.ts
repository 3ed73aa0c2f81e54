// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp, setApp } from '../../playground/src/app.js';
import { api as realApi } from '../../playground/src/api.js';
import '../../playground/src/components/sim-field.js';
import '../../playground/src/components/sim-editor.js';
import '../../playground/src/components/sim-kpis.js';
import type { SimField } from '../../playground/src/components/sim-field.js';
import type { SimEditor } from '../../playground/src/components/sim-editor.js';
import type { SimKpis } from '../../playground/src/components/sim-kpis.js';
import { formatPct } from '../../playground/src/format.js';
import { engineSummary, SMALL_SCENARIO } from './fixtures.js';

async function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown> = {}): Promise<T> {
  const el = document.createElement(tag) as T & { updateComplete: Promise<unknown> };
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const noNetwork = { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] };

describe('<sim-field>', () => {
  beforeEach(() => document.body.replaceChildren());

  it('shows a share as a percentage with its unit and emits the stored value', async () => {
    const el = await mount<SimField>('sim-field', { path: 'reps.noDecisionRate', label: 'No-decision rate', unit: 'pct', min: 0, max: 1, step: 0.01, value: 0.3 });
    const root = el.shadowRoot!;
    const num = root.querySelector<HTMLInputElement>('input[type=number]')!;
    const range = root.querySelector<HTMLInputElement>('input[type=range]')!;
    expect(num.value).toBe('30');
    expect(range.max).toBe('100');
    expect(root.querySelector('.unit')!.textContent).toBe('%');
    expect(root.querySelector(`label[for="${num.id}"]`)!.textContent).toBe('No-decision rate');
    expect(range.getAttribute('aria-label')).toContain('No-decision rate');
    const got: unknown[] = [];
    el.addEventListener('field-change', (e) => got.push((e as CustomEvent).detail));
    num.value = '45';
    num.dispatchEvent(new Event('change'));
    range.value = '12';
    range.dispatchEvent(new Event('input'));
    expect(got).toEqual([
      { path: 'reps.noDecisionRate', value: 0.45 },
      // the slider marks its changes as a preview (a quick small run first)
      { path: 'reps.noDecisionRate', value: 0.12, preview: true },
    ]);
  });

  it('shows the server error inline, linked to the input', async () => {
    const el = await mount<SimField>('sim-field', { path: 'reps.cycleMonths', label: 'Sales cycle', unit: 'months', value: 0, error: 'must be >= 1' });
    const num = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=number]')!;
    const err = el.shadowRoot!.querySelector('.error')!;
    expect(err.textContent).toBe('must be >= 1');
    expect(num.getAttribute('aria-invalid')).toBe('true');
    expect(num.getAttribute('aria-describedby')).toBe(err.id);
    expect(el.hasAttribute('invalid')).toBe(true);
  });

  it('a nullable field toggles between null and its default', async () => {
    const el = await mount<SimField>('sim-field', { path: 'territories[0].potential', label: 'Potential', unit: 'opps', value: null, nullLabel: 'unlimited', nullDefault: 100 });
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(box.checked).toBe(true);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[type=number]')!.disabled).toBe(true);
    const got: unknown[] = [];
    el.addEventListener('field-change', (e) => got.push((e as CustomEvent).detail.value));
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    expect(got).toEqual([100]);
  });
});

describe('<sim-editor>', () => {
  beforeEach(() => document.body.replaceChildren());

  it('renders every section, places errors by path and lists the rest', async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    app.replaceScenario(SMALL_SCENARIO, false);
    app.cancelRun();
    app.store.set({
      errors: [
        { path: 'reps.cycleMonths', rule: 'must be >= 1', message: 'reps.cycleMonths: must be >= 1' },
        { path: 'attrition.annualRate', rule: 'must be between 0 and 1', message: 'attrition.annualRate: must be between 0 and 1' },
        { path: 'mystery', rule: 'is not a known field', message: 'mystery: is not a known field' },
      ],
    });
    const el = await mount<SimEditor>('sim-editor');
    const root = el.shadowRoot!;
    const titles = [...root.querySelectorAll('summary')].map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
    const expected = ['General', 'Territories', 'Reps & pipeline', 'Hiring & ramp', 'Attrition', 'Performance-based retention', 'Sales leadership', 'Managers', 'Growth limits', 'Enablement', 'Quota & plan', 'Pipeline coverage', 'Coverage response', 'Selling time', 'Stalled deals', 'Customers & ARR', 'Demand generation', 'Market', 'Market drift', 'Costs', 'Compensation plan'];
    expect(titles).toHaveLength(expected.length);
    expected.forEach((t, i) => expect(titles[i].startsWith(t), titles[i]).toBe(true));
    expect(titles[4]).toBe('Attrition 1 error');
    const cycle = root.querySelector<SimField>('sim-field[data-path="reps.cycleMonths"]')!;
    expect(cycle.error).toBe('must be >= 1');
    const attr = root.querySelector<SimField>('sim-field[data-path="attrition.annualRate"]')!;
    // a % box says the rule in %
    expect(attr.error).toBe('must be between 0% and 100%');
    // sections with errors open themselves
    expect(root.querySelector<HTMLDetailsElement>('details[data-section=attrition]')!.open).toBe(true);
    const top = root.querySelector('.errors')!;
    expect(top.textContent).toContain('mystery: is not a known field');
    expect(top.textContent).not.toContain('cycleMonths');
  });

  it('switching an optional block on inserts its defaults; off removes it', async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    app.replaceScenario(SMALL_SCENARIO, false);
    const el = await mount<SimEditor>('sim-editor');
    const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('details[data-section=leadership]')!;
    const sw = details.querySelector<HTMLInputElement>('.switch input[type=checkbox]')!;
    expect(sw.checked).toBe(false);
    sw.checked = true;
    sw.dispatchEvent(new Event('change'));
    expect(app.get('leadership.tenureMonths.mean')).toBe(19);
    await el.updateComplete;
    expect(details.querySelector('sim-field[data-path="leadership.tenureMonths.mean"]')).not.toBeNull();
    const sw2 = details.querySelector<HTMLInputElement>('.switch input[type=checkbox]')!;
    sw2.checked = false;
    sw2.dispatchEvent(new Event('change'));
    expect(app.get('leadership')).toBeUndefined();
    app.cancelRun();
  });

  it('switching on a block that needs others switches them on; an optional sub-block switched off is removed, not nulled; tiers rise', async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    app.replaceScenario(SMALL_SCENARIO, false);
    const el = await mount<SimEditor>('sim-editor');
    const root = el.shadowRoot!;
    const flip = (sel: string, on: boolean) => {
      const sw = root.querySelector<HTMLInputElement>(sel)!;
      sw.checked = on;
      sw.dispatchEvent(new Event('change'));
    };
    // the coverage response needs a coverage rule and a selling-time budget (coverageResponseRules)
    expect(app.get('coverage')).toBeUndefined();
    flip('details[data-section=coverageResponse] .switch input', true);
    expect(app.get('coverageResponse.prospectShare')).toBe(0.5);
    expect(app.get('coverage.policy')).toBe('global');
    expect(app.get('sellingTime.hoursPerOpportunity')).toBe(10);
    // the requirements already present are kept as they are
    expect(app.get('attrition.annualRate')).toBe(0.3);
    flip('details[data-section=retention] .switch input', true);
    expect(app.get('attrition.annualRate')).toBe(0.3);
    expect(app.get('retention.paySlope')).toBe(-3);
    await el.updateComplete;
    // drift.winRate is optional (not nullable): off removes the key
    flip('details[data-section=drift] .switch input', true);
    await el.updateComplete;
    expect(app.get('drift.winRate.overMonths')).toBe(12);
    flip('details[data-section=drift] .sub .switch input', false);
    expect(app.get('drift')).toEqual({});
    // compensation: a second accelerator tier starts above the first
    flip('details[data-section=compensation] .switch input', true);
    await el.updateComplete;
    const addTier = () => [...root.querySelectorAll<HTMLButtonElement>('details[data-section=compensation] button')].find((b) => b.textContent === 'Add accelerator tier')!.click();
    addTier();
    await el.updateComplete;
    addTier();
    expect(app.get('compensation.accelerators')).toEqual([{ above: 1, rate: 1.5 }, { above: 1.25, rate: 2 }]);
    app.cancelRun();
  });

  it('every label is tied to a control', async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    app.replaceScenario({ ...SMALL_SCENARIO, leadership: { tenureMonths: { mean: 19 } }, enablement: [{ name: 'x' }] }, false);
    const el = await mount<SimEditor>('sim-editor');
    const root = el.shadowRoot!;
    for (const label of root.querySelectorAll('label[for]')) expect(root.getElementById(label.getAttribute('for')!), label.textContent!).not.toBeNull();
    for (const control of root.querySelectorAll('select, input')) {
      const id = control.id;
      const labelled = (id && root.querySelector(`label[for="${id}"]`)) || control.closest('label') || control.getAttribute('aria-label');
      expect(labelled, control.outerHTML).toBeTruthy();
    }
    app.cancelRun();
  });
});

describe('<sim-kpis>', () => {
  it('shows the engine plan probability and interval', async () => {
    const summary = engineSummary();
    const el = await mount<SimKpis>('sim-kpis', { summary });
    const card = el.shadowRoot!.querySelector('[data-testid=kpi-plan-probability]')!;
    expect(card.getAttribute('data-value')).toBe(String(summary.plan!.probability));
    expect(card.querySelector('.value')!.textContent).toBe(formatPct(summary.plan!.probability));
    expect(card.querySelector('.sub')!.textContent).toContain(`${formatPct(summary.plan!.ci[0])}–${formatPct(summary.plan!.ci[1])}`);
  });
});

describe('compare table', () => {
  it('never shows a misleading incremental ROI sign', async () => {
    const { incrementalRoi } = await import('../../playground/src/components/sim-compare.js');
    const d = (rev: number, cost: number) => ({ total: { mean: rev }, cost: { mean: cost } });
    // the engine's figure in %, as the CLI prints it; described where the engine has none (no extra spend)
    expect(incrementalRoi({ difference: d(2.5e6, -1.5e5), incrementalRoi: null })).toBe('none: cheaper, more revenue (dominates)');
    expect(incrementalRoi({ difference: d(-1e6, 2e5), incrementalRoi: -6 })).toBe('-600.0% (dearer, less revenue)');
    expect(incrementalRoi({ difference: d(1e6, 5e5), incrementalRoi: 1 })).toBe('100.0%');
    expect(incrementalRoi({ difference: d(-235_600, -51_600), incrementalRoi: null })).toBe('none: no extra spend');
    expect(incrementalRoi({ difference: d(0, 0), incrementalRoi: null })).toBe('none: no extra spend');
  });
});

describe('<sim-chart>', () => {
  it('draws the figure as one accessible image with a legend, or says what is missing', async () => {
    await import('../../playground/src/components/sim-chart.js');
    const { fanChart } = await import('../../playground/src/charts/fan.js');
    const summary = engineSummary();
    const el = await mount<HTMLElement & { draw: unknown; svg(): SVGSVGElement | null; updateComplete: Promise<unknown> }>('sim-chart', {
      heading: 'Monthly revenue',
      legend: [{ label: 'Plan', color: '#c2410c', dashed: true }],
      draw: (w: number) => fanChart(summary, { width: w }),
    });
    const svg = el.svg()!;
    expect(svg).not.toBeNull();
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Fan chart of monthly revenue');
    expect(svg.querySelectorAll('g[aria-label]')).toHaveLength(0);
    expect(svg.querySelectorAll('g[data-mark=area]')).toHaveLength(2);
    expect(el.shadowRoot!.querySelector('.legend')!.textContent).toContain('Plan');
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).toEqual(['Download Monthly revenue as SVG', 'Download Monthly revenue as PNG']);
    el.draw = null;
    await el.updateComplete;
    expect(el.svg()).toBeNull();
    expect(el.shadowRoot!.querySelector('.empty')!.textContent).toBe('Run a scenario to see this chart.');
  });
});
