// @vitest-environment happy-dom
/**
 * The back-test's reliability (PIT) histogram (issue 25): the counts and tests come from the engine
 * (`compareToBand` → `scores.pit`), the playground draws them (<sim-pit-histogram>, wired into the Calibrate
 * view), and the words it shows follow from the counts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { backtest, calibrate, ksUniform, pitHistogram, synthesize } from '../../engine/index.js';
import { createApp, setApp } from '../../playground/src/app.js';
import { api as realApi } from '../../playground/src/api.js';
import type { CalibrateApi } from '../../playground/src/calibrate-api.js';
import { pitCaption, pitChart, pitRows, pitVerdict, type PitSummary, type SimPitHistogram } from '../../playground/src/components/sim-pit-histogram.js';
import '../../playground/src/components/sim-calibrate.js';
import { resetCalibrateView, type SimCalibrate } from '../../playground/src/components/sim-calibrate.js';
import { COLORS } from '../../playground/src/theme.js';

const TRUTH = { reps: { seats: 10, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 12 }, dealSize: { median: 15000, sigma: 0.6 }, cycleMonths: 2 } };
const csv = synthesize(TRUTH, { months: 12, start: '2025-01', seed: 3 }).opportunities;

const settle = async (el: { updateComplete: Promise<unknown> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

/** A PIT summary as the engine would give for these values. */
const summary = (pits: number[]): PitSummary => ({ histogram: pitHistogram(pits), ks: ksUniform(pits) });

describe("the engine's PIT histogram of a back-test", () => {
  it("counts each month's PIT in its tenth and tests them, as pitHistogram and ksUniform of the months do", () => {
    const r = backtest(csv, TRUTH, { from: '2025-01', to: '2025-12', trials: 200, seed: 1 });
    const pits = r.months.map((m) => m.pit);
    expect(r.scores.pit.histogram.counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(r.scores.pit.histogram).toEqual(pitHistogram(pits));
    expect(r.scores.pit.ks).toEqual(ksUniform(pits));
    // the bins by hand
    const want = new Array(10).fill(0);
    for (const p of pits) want[Math.min(9, Math.floor(p * 10))]++;
    expect(r.scores.pit.histogram.counts).toEqual(want);
  });
});

describe('pitRows and pitVerdict', () => {
  it('makes ten bins with the tails marked', () => {
    const rows = pitRows([1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(rows).toHaveLength(10);
    expect(rows[9]).toEqual({ from: 0.9, to: 1, count: 2, tail: true, label: '0.9-1.0' });
    expect(rows.filter((r) => r.tail).map((r) => r.label)).toEqual(['0.0-0.1', '0.9-1.0']);
  });

  it('calls a U shape too narrow, a pile below the median an over-forecast, and an even spread consistent', () => {
    const u = summary([...Array(15).fill(0.03), ...Array(15).fill(0.97), 0.5, 0.45]);
    expect(pitVerdict(u)).toMatch(/^not uniform .*the bands are too narrow$/);
    const low = summary(Array.from({ length: 40 }, (_, i) => 0.1 + (0.3 * i) / 40));
    expect(pitVerdict(low)).toMatch(/over-forecasts$/);
    const even = summary(Array.from({ length: 60 }, (_, i) => (i + 0.5) / 60));
    expect(pitVerdict(even)).toMatch(/^consistent with uniform/);
    expect(pitVerdict(summary([]))).toBe('no months to score');
  });
});

describe('pitChart', () => {
  it('draws one bar per bin at its count, the tails in the outside colour, and the expected count as a rule', () => {
    const pits = [0.05, 0.05, 0.15, 0.55, 0.95, 0.96, 0.97];
    const el = pitChart(summary(pits), { width: 500, document });
    const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe('Reliability (PIT) histogram of the back-test months');
    expect(svg.getAttribute('aria-description') ?? svg.querySelector('desc')?.textContent ?? '').toContain('0.0-0.1: 2');
    const rects = [...svg.querySelectorAll('g[aria-label="rect"] > rect')];
    expect(rects).toHaveLength(10);
    const fills = rects.map((r) => r.getAttribute('fill'));
    expect(fills.filter((f) => f === COLORS.bad)).toHaveLength(2);
    // bar heights follow the counts: the 0.9-1.0 bar (3) is three times the 0.1-0.2 bar (1)
    const h = rects.map((r) => Number(r.getAttribute('height')));
    expect(h[9] / h[1]).toBeCloseTo(3, 5);
    expect(h[2]).toBe(0);
    expect(svg.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(1);
  });
});

describe('<sim-pit-histogram> in the Calibrate view', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    resetCalibrateView();
  });

  it("gets the back-test's PIT summary and says what it shows", async () => {
    setApp(createApp({ api: { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] } }));
    const fit = JSON.parse(JSON.stringify(calibrate(csv)));
    const fake: CalibrateApi = {
      calibrate: async () => fit,
      backtest: async (req) => JSON.parse(JSON.stringify(backtest(req.csv, req.scenario as object, { from: req.from, to: req.to, trials: req.trials, seed: req.seed }))),
    };
    const el = document.createElement('sim-calibrate') as SimCalibrate;
    el.api = fake;
    document.body.append(el);
    await el.upload(csv);
    await settle(el);
    const hist = el.shadowRoot!.querySelector('sim-pit-histogram') as SimPitHistogram;
    expect(hist).not.toBeNull();
    expect(hist.pit).toBeNull();
    await el.backtest();
    await settle(el);
    await settle(hist);
    expect(hist.pit).toEqual(el.result!.scores.pit);
    const chart = hist.shadowRoot!.querySelector('sim-chart') as HTMLElement & { caption: string };
    expect(chart.getAttribute('heading')).toBe('Reliability (PIT) histogram of the months');
    expect(chart.caption).toBe(pitCaption(el.result!.scores.pit));
    expect(chart.caption).toContain(`The months' PITs are ${pitVerdict(el.result!.scores.pit)}.`);
    expect(chart.caption).toContain('share of simulated months below what was booked');
  });
});
