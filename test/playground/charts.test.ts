// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fanChart, fanRows, planByMonth } from '../../playground/src/charts/fan.js';
import { histogramBins, histogramChart } from '../../playground/src/charts/histogram.js';
import { lorenzChart } from '../../playground/src/charts/lorenz.js';
import { headcountChart, headcountRows } from '../../playground/src/charts/headcount.js';
import { tornadoChart, tornadoRows } from '../../playground/src/charts/tornado.js';
import { compareFanChart, differenceChart } from '../../playground/src/charts/compare.js';
import { formatMoney } from '../../playground/src/format.js';
import { engineSummary, SMALL_SCENARIO } from './fixtures.js';

const summary = engineSummary({ ...SMALL_SCENARIO, horizonMonths: 18 });
const svgOf = (el: Element) => (el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')!);
const marks = (el: Element, kind: string) => svgOf(el).querySelectorAll(`g[aria-label="${kind}"] > *`);

describe('fan chart', () => {
  it('draws both bands, the median and the plan from the engine summary', () => {
    const el = fanChart(summary, { width: 640 });
    const svg = svgOf(el);
    expect(svg.getAttribute('width')).toBe('640');
    expect(svg.getAttribute('aria-label')).toBe('Fan chart of monthly revenue');
    expect(marks(el, 'area')).toHaveLength(2);
    expect(marks(el, 'line')).toHaveLength(2); // median + plan
    expect(fanRows(summary).map((r) => r.p50)).toEqual(summary.revenue.monthly.map((s) => s.p50));
  });

  it("draws the engine's monthly plan, and the pieces add up to the plan", () => {
    const plan = planByMonth(summary);
    expect(plan).toHaveLength(18);
    const total = plan.reduce((a, p) => a + p.plan, 0);
    expect(total).toBeCloseTo(summary.plan!.target, 6);
    expect(plan.map((p) => p.plan)).toEqual(summary.plan!.monthly);
    const y1 = plan.slice(0, 12).reduce((a, p) => a + p.plan, 0);
    expect(y1).toBeCloseTo(summary.plan!.annual[0].target, 6);
  });
  it('falls back to spreading each plan year over its months for summaries without a monthly plan', () => {
    const old = { ...summary, plan: { ...summary.plan!, monthly: undefined as unknown as number[] } };
    const plan = planByMonth(old);
    const y1 = summary.plan!.annual[0].target / 12;
    expect(plan[0].plan).toBeCloseTo(y1, 9);
    expect(plan[11].plan).toBeCloseTo(y1, 9);
  });

  it('has no plan line without a quota', () => {
    const { quota: _q, ...noQuota } = SMALL_SCENARIO;
    const s = engineSummary(noQuota, 50);
    expect(planByMonth(s)).toEqual([]);
    expect(marks(fanChart(s, { width: 500 }), 'line')).toHaveLength(1);
  });
});

describe('histograms', () => {
  it('draws one bar per engine bin and the plan marker', () => {
    const h = summary.revenue.histogram;
    const bins = histogramBins(h);
    expect(bins).toHaveLength(h.counts.length);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(summary.trials);
    bins.forEach((b, i) => expect([b.x1, b.x2]).toEqual([h.edges[i], h.edges[i + 1]]));
    const el = histogramChart(h, { width: 400, label: 'Total revenue', format: formatMoney, marker: { value: summary.plan!.target, label: 'Plan' }, ariaLabel: 'Revenue' });
    expect(marks(el, 'rect')).toHaveLength(h.counts.length);
    expect(marks(el, 'rule')).toHaveLength(2); // y = 0 and the plan
    expect(svgOf(el).textContent).toContain('Plan');
  });
});

describe('Lorenz, headcount, tornado, compare', () => {
  it('Lorenz draws one line per series plus the diagonal', () => {
    const el = lorenzChart(
      [
        { name: 'a', points: summary.reps.lorenz },
        { name: 'b', points: summary.reps.lorenz },
      ],
      { width: 300 },
    );
    expect(marks(el, 'line')).toHaveLength(3);
  });

  it('headcount stacks productive, ramping and vacant means', () => {
    const rows = headcountRows(summary);
    expect(rows).toHaveLength(3 * 18);
    expect(rows.filter((r) => r.kind === 'vacant').map((r) => r.seats)).toEqual(summary.headcount.vacant.map((s) => s.mean));
    expect(marks(headcountChart(summary, { width: 400 }), 'area')).toHaveLength(3);
  });

  it('tornado keeps the engine order and draws a bar per parameter', () => {
    const params = [
      { path: 'reps.winRate.mean', low: 0.2, high: 0.3, swing: { mean: 2e6, p50: 1.9e6, planProbability: 0.4 } },
      { path: 'reps.cycleMonths', low: 2.4, high: 3.6, swing: { mean: -8e5, p50: -7e5, planProbability: -0.1 } },
      { path: 'leadership.tenureMonths.mean', low: 15.2, high: 22.8, swing: { mean: 0, p50: 0, planProbability: 0 } },
    ];
    expect(tornadoRows(params).map((r) => r.label)).toEqual(['Mean win rate (20% → 30%)', 'Sales cycle (2.4 mo → 3.6 mo)', 'Mean leader tenure (15.2 mo → 22.8 mo)']);
    const el = tornadoChart({ parameters: params }, { width: 600 });
    expect(marks(el, 'bar')).toHaveLength(3);
    // with the engine's low/high outputs: two bars per parameter out from the base
    const base = { mean: 4e7, p50: 4e7, planProbability: 0.5 };
    const two = params.map((p) => ({ ...p, lowOutput: { ...base, mean: base.mean - p.swing.mean / 2 }, highOutput: { ...base, mean: base.mean + p.swing.mean / 2 } }));
    const el2 = tornadoChart({ base, parameters: two }, { width: 600 });
    expect(marks(el2, 'bar')).toHaveLength(6);
    expect(svgOf(el2).textContent).toContain('base $40M');
    // a user's range above the base value (both ends on one side): the farther bar first, the nearer over it, both seen
    const above = [{ ...two[0], lowOutput: { ...base, mean: base.mean + 1e6 }, highOutput: { ...base, mean: base.mean + 3e6 } }];
    const rects = [...svgOf(tornadoChart({ base, parameters: above }, { width: 600 })).querySelectorAll('g[aria-label="bar"] rect')];
    const widths = rects.map((r) => Number(r.getAttribute('width')));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeGreaterThan(widths[1]);
    expect(widths[1]).toBeGreaterThan(0);
  });

  it('compare draws one panel per variant with the baseline in each; differences fall back to percentile boxes', () => {
    const other = engineSummary({ ...SMALL_SCENARIO, horizonMonths: 18, reps: { ...SMALL_SCENARIO.reps, seats: 10 } });
    const el = compareFanChart(
      [
        { name: 'A', summary },
        { name: 'B', summary: other },
        { name: 'C', summary: other },
      ],
      { width: 600 },
    );
    // two panels (B vs A, C vs A), each with the baseline's band and the variant's
    expect(svgOf(el).querySelectorAll('g[aria-label="area"] path')).toHaveLength(4);
    expect(svgOf(el).textContent).toContain('B vs A');
    expect(svgOf(el).textContent).toContain('C vs A');
    const stats = summary.revenue.total;
    const d = differenceChart([{ name: 'B', total: stats, color: '#c00' }], { width: 600 });
    expect(marks(d, 'bar')).toHaveLength(1);
    expect(marks(d, 'tick')).toHaveLength(1);
    const withHist = differenceChart([{ name: 'B', total: stats, histogram: summary.revenue.histogram, color: '#c00' }], { width: 600 });
    // one facet per variant: the bars sit one group deeper
    expect(svgOf(withHist).querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(summary.revenue.histogram.counts.length);
    expect(svgOf(withHist).textContent).toContain('baseline');
    expect(svgOf(withHist).textContent).toMatch(/median [+-]?\$/);
  });
});
