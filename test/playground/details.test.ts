// @vitest-environment happy-dom
/**
 * Figures the Summary has and no chart showed are readable: <sim-details> tables (plan by month, P(plan)
 * SE, revenue per territory, top 20% vs other 80%, cost by programme, leader by month, referrals), and
 * switched-off blocks say "not modelled" instead of showing 0 as if measured.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { costLabel } from '../../playground/src/components/sim-details.js';
import '../../playground/src/components/sim-kpis.js';
import { formatMoney, formatPct } from '../../playground/src/format.js';
import { parseScenario, simulate, summarize, type Summary } from '../../engine/index.js';

const preset = (id: string) => parse(readFileSync(join(import.meta.dirname, '../../scenarios', `${id}.yaml`), 'utf8'));
const run = (input: unknown, horizon?: number): Summary => {
  const s = parseScenario(horizon ? { ...(input as object), horizonMonths: horizon } : input);
  return summarize(s, simulate(s, { trials: 60, seed: 3 }), { seed: 3 });
};
async function mount(tag: string, summary: Summary): Promise<ShadowRoot> {
  const el = document.createElement(tag) as HTMLElement & { summary: Summary; updateComplete: Promise<unknown> };
  el.summary = summary;
  document.body.append(el);
  await el.updateComplete;
  return el.shadowRoot!;
}
const text = (root: ShadowRoot, id: string) => root.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<sim-details>', () => {
  beforeEach(() => document.body.replaceChildren());

  it('shows the plan by month, SE of P(plan), territories, top vs other reps, costs by programme and the leader by month', async () => {
    const s = run(preset('hiring-vs-enablement.enable'));
    const root = await mount('sim-details', s);
    const plan = text(root, 'details-plan');
    expect(plan).toContain(`± ${formatPct(s.diagnostics.planProbabilityStdError)}`);
    expect(root.querySelectorAll('[data-testid=details-plan] tbody tr')).toHaveLength(s.horizonMonths);
    expect(plan).toContain(formatMoney(s.plan!.monthly[0]));
    for (const t of s.territories) expect(text(root, 'details-territories')).toContain(t.name);
    expect(text(root, 'details-top-vs-bottom')).toContain(formatMoney(s.reps.topVsBottom.top20.revenuePerRep.p50));
    expect(s.cost.breakdown.enablement.mean).toBeGreaterThan(0);
    for (const [k, st] of Object.entries(s.cost.breakdown)) if (st.mean > 0) expect(text(root, 'details-costs').replace(/\s/g, '')).toContain(`${costLabel(k)}${formatMoney(st.mean)}`.replace(/\s/g, ''));
    const sub = await mount('sim-details', run(preset('reps-marketing-nurture.nurture')));
    for (const k of ['Marketing (leads)', 'Nurture programme']) expect(text(sub, 'details-costs')).toContain(k);
  });

  it("lists the assumptions the scenario uses (path, value, plausible range, why), as salesim run --assumptions does", async () => {
    const s = run(preset('people'), 6);
    expect(s.assumptions.length).toBeGreaterThan(0);
    const root = await mount('sim-details', s);
    const rows = [...root.querySelectorAll('[data-testid=details-assumptions] tbody tr')];
    expect(rows).toHaveLength(s.assumptions.length);
    const sig = (x: number) => String(+x.toPrecision(4));
    s.assumptions.forEach((a, i) => {
      const cells = [...rows[i].querySelectorAll('th, td')].map((td) => td.textContent!.trim());
      expect(cells).toEqual([a.path, a.distribution ? `uncertain (median ${sig(a.value)})` : sig(a.value), `${sig(a.range[0])} – ${sig(a.range[1])}`, a.why]);
    });
    const bare = await mount('sim-details', run({ horizonMonths: 6, reps: { seats: 4, opportunitiesPerMonth: 3, winRate: 0.25, dealSize: 1000 } }));
    expect(text(bare, 'details-assumptions')).toContain('The scenario uses no registered assumption.');
  });

  it('leader presence by month with a leadership block; referrals with customers', async () => {
    const s = run(preset('leadership-churn.tenure-19'));
    const root = await mount('sim-details', s);
    expect(root.querySelectorAll('[data-testid=details-leadership] tbody tr')).toHaveLength(s.horizonMonths);
    expect(text(root, 'details-leadership')).toContain(formatPct(s.leadership.presentByMonth[0], 0));
    const sub = run(preset('subscription'));
    const r2 = await mount('sim-details', sub);
    expect(r2.querySelectorAll('[data-testid=details-referrals] tbody tr')).toHaveLength(sub.horizonMonths);
  });

  it('switched-off blocks say not modelled, in the details and the headline cards', async () => {
    const s = run({ name: 'bare', horizonMonths: 6, reps: { seats: 4, opportunitiesPerMonth: 3, winRate: 0.25, dealSize: 1000 } });
    const root = await mount('sim-details', s);
    expect(text(root, 'details-leadership')).toContain('not modelled');
    expect(text(root, 'details-costs')).toContain('not modelled');
    const kpis = await mount('sim-kpis', s);
    expect(text(kpis, 'kpi-leader-changes')).toContain('not modelled');
    expect(text(kpis, 'kpi-cost')).toContain('not modelled');
    expect(text(kpis, 'kpi-leader-changes')).not.toMatch(/\b0\.00\b/);
  });

  it('labels a subscription scenario\'s revenue as bookings', async () => {
    const kpis = await mount('sim-kpis', run(preset('subscription')));
    expect(text(kpis, 'kpi-revenue')).toMatch(/^ ?Bookings, P50/);
    const plain = await mount('sim-kpis', run(preset('baseline')));
    expect(text(plain, 'kpi-revenue')).toMatch(/^ ?Revenue, P50/);
  });
});
