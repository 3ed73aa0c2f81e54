// @vitest-environment happy-dom
/**
 * <sim-field> edits distributions: a field switches between a number and each of the six
 * distributions, an uncertain field is marked and shows its parameters (not a number), and every edit
 * changes what runs: a field listed in uncertainty.parameters (the server's resolved form) is taken out
 * of the list and written in place, which the engine parses to the edited distribution.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import '../../playground/src/components/sim-field.js';
import { defaultDistribution, distributionCentre, type SimField } from '../../playground/src/components/sim-field.js';
import { parseScenario, scenarioHash } from '../../engine/index.js';
import { setIn } from '../../playground/src/path.js';

async function mount(props: Record<string, unknown>): Promise<SimField> {
  const el = document.createElement('sim-field') as SimField;
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const events = (el: HTMLElement) => {
  const got: { path: string; value: unknown }[] = [];
  el.addEventListener('field-change', (e) => got.push((e as CustomEvent).detail));
  return got;
};

describe('<sim-field> distributions', () => {
  beforeEach(() => document.body.replaceChildren());

  it('switches a number to each distribution around its value, inside the field range, and back', async () => {
    const el = await mount({ path: 'reps.winRate', label: 'Win rate', unit: 'pct', min: 0, max: 1, step: 0.01, value: 0.3 });
    const root = el.shadowRoot!;
    expect(root.querySelector('[data-testid=uncertain]')).toBeNull();
    const got = events(el);
    const kind = root.querySelector<HTMLSelectElement>('[data-testid=kind]')!;
    for (const k of ['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'beta']) {
      kind.value = k;
      kind.dispatchEvent(new Event('change'));
    }
    expect(got.map((g) => g.value)).toEqual([
      { uniform: [0.24, 0.36] },
      { triangular: [0.24, 0.3, 0.36] },
      { pert: [0.24, 0.3, 0.36] },
      { normal: { mean: 0.3, sd: 0.03 } },
      { lognormal: { median: 0.3, sigma: 0.2 } },
      { beta: { mean: 0.3, concentration: 20 } },
    ]);
    // every one is a distribution the engine takes for this field
    for (const g of got) expect(() => parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 1, winRate: g.value, dealSize: 1 } })).not.toThrow();
    expect(defaultDistribution('uniform', 0.95, 0, 1)).toEqual({ uniform: [0.76, 1] });
  });

  it('marks an uncertain field, shows its parameters in the field units, and edits them', async () => {
    const el = await mount({ path: 'reps.winRate', label: 'Win rate', unit: 'pct', min: 0, max: 1, step: 0.01, value: { pert: [0.2, 0.3, 0.4] } });
    const root = el.shadowRoot!;
    expect(root.querySelector('[data-testid=uncertain]')!.textContent).toBe('uncertain');
    // no plain number box or slider for an uncertain field
    expect(root.querySelector('input[type=range]')).toBeNull();
    const inputs = [...root.querySelectorAll<HTMLInputElement>('[data-testid=distribution] input')];
    expect(inputs.map((i) => i.value)).toEqual(['20', '30', '40']);
    const got = events(el);
    inputs[2].value = '45';
    inputs[2].dispatchEvent(new Event('change'));
    expect(got).toEqual([{ path: 'reps.winRate', value: { pert: [0.2, 0.3, 0.45] } }]);
    const kind = root.querySelector<HTMLSelectElement>('[data-testid=kind]')!;
    kind.value = 'fixed';
    kind.dispatchEvent(new Event('change'));
    expect(got[1]).toEqual({ path: 'reps.winRate', value: distributionCentre({ pert: [0.2, 0.3, 0.4] }) });
  });

  it('an edit to a field of the resolved form (median in place, listed in uncertainty.parameters) changes what runs', async () => {
    const s = parseScenario({ horizonMonths: 6, reps: { seats: 4, opportunitiesPerMonth: { lognormal: { median: 4, sigma: 0.2 } }, winRate: 0.25, dealSize: 1000 } });
    // the resolved form: the median in place and the distribution listed
    expect(s.reps.opportunitiesPerMonth).toBeCloseTo(4, 12);
    const el = await mount({ path: 'reps.opportunitiesPerMonth', label: 'Opportunities', unit: 'none', min: 0, max: 20, step: 0.1, value: s.reps.opportunitiesPerMonth, uncertainParams: s.uncertainty!.parameters });
    const root = el.shadowRoot!;
    expect(root.querySelector('[data-testid=uncertain]')).not.toBeNull();
    const got = events(el);
    const inputs = [...root.querySelectorAll<HTMLInputElement>('[data-testid=distribution] input')];
    inputs[0].value = '6';
    inputs[0].dispatchEvent(new Event('change'));
    // applied as the app does, field by field: the list loses the field, the field holds the edited distribution
    const edited = got.reduce((x, g) => setIn(x, g.path, g.value), JSON.parse(JSON.stringify(s)));
    const after = parseScenario(edited);
    expect(after.uncertainty!.parameters).toEqual([{ path: 'reps.opportunitiesPerMonth', distribution: { lognormal: { median: 6, sigma: 0.2 } } }]);
    expect(scenarioHash(after)).not.toBe(scenarioHash(s));
    // back to a number: no longer uncertain, and the number is what runs
    document.body.replaceChildren();
    const el2 = await mount({ path: 'reps.opportunitiesPerMonth', label: 'Opportunities', unit: 'none', min: 0, max: 20, step: 0.1, value: s.reps.opportunitiesPerMonth, uncertainParams: s.uncertainty!.parameters });
    const got2 = events(el2);
    const kind = el2.shadowRoot!.querySelector<HTMLSelectElement>('[data-testid=kind]')!;
    kind.value = 'fixed';
    kind.dispatchEvent(new Event('change'));
    const fixed = parseScenario(got2.reduce((x, g) => setIn(x, g.path, g.value), JSON.parse(JSON.stringify(s))));
    expect(fixed.uncertainty).toBeUndefined();
    expect(fixed.reps.opportunitiesPerMonth).toBeCloseTo(4, 12);
  });
});
