// @vitest-environment happy-dom
/** <sim-assumptions> shows the engine's assumption analysis of a comparison: verdict, shares, break-evens. */
import { describe, expect, it } from 'vitest';
import '../../playground/src/components/sim-assumptions.js';
import type { SimAssumptions } from '../../playground/src/components/sim-assumptions.js';
import { compareAssumptions, parseScenario } from '../../engine/index.js';

describe('<sim-assumptions>', () => {
  it('renders P(beats) over the assumptions, the variance shares and each break-even text of the engine', async () => {
    const reps = { seats: 6, opportunitiesPerMonth: 4, winRate: { tiers: [{ share: 0.2, mean: 0.4, concentration: 50 }, { share: 0.8, mean: 0.2, concentration: 50 }] }, dealSize: 10000 };
    const base = parseScenario({ horizonMonths: 6, reps });
    const prog = parseScenario({ horizonMonths: 6, reps, enablement: [{ gapClosed: 0.25, cost: { perRepPerMonth: 1500 } }] });
    const a = compareAssumptions(base, [{ name: 'programme', scenario: prog }], { metric: 'margin', n: 32, breakEvenTrials: 60, seed: 1 });
    const el = document.createElement('sim-assumptions') as SimAssumptions;
    el.analysis = JSON.parse(JSON.stringify(a));
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('[data-testid=assumption-verdict]')!.textContent).toMatch(/Beats the baseline in\s+\d+\.?\d*%/);
    const texts = [...root.querySelectorAll('[data-testid=break-even]')].map((x) => x.textContent);
    expect(texts).toEqual(a.variants[0].breakEvens.map((b) => b.text));
    expect(texts.length).toBeGreaterThan(0);
    el.analysis = null;
    await el.updateComplete;
    expect(root.querySelector('[data-testid=compare-assumptions]')).toBeNull();
  }, 60000);
});
