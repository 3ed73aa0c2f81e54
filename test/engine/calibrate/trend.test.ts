/**
 * Calibrate estimates a win-rate and deal-size trend where the data show one (engine/calibrate/fitTrend.ts):
 * - the GLM fits recover a known slope within 3 SE, and keep no trend more often than the stated alpha
 *   allows when there is none (rejection share within alpha + 3 binomial SE over 300 trend-free data sets);
 * - end to end, a synthetic export whose win rate falls on a known logistic curve and whose amounts grow by a
 *   known factor a month gives a drift block with both trends (within 3 SE of the truth), their SEs as
 *   normal distributions of the changes, and starting levels moved to the month after the window; an export
 *   without a trend gets no drift block (p >= alpha).
 */
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { calibrate } from '../../../engine/calibrate/calibrate.js';
import { TREND_ALPHA, fitDealTrend, fitWinTrend, trendDrift } from '../../../engine/calibrate/fitTrend.js';
import { parseScenario, simulate } from '../../../engine/index.js';

/** A small seeded generator for test data (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const expit = (z: number) => 1 / (1 + Math.exp(-z));
const normal = (u: () => number) => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());

describe('fitWinTrend and fitDealTrend', () => {
  it('recover a known slope within 3 SE', () => {
    const u = rng(7);
    const b = -0.04;
    const deals: { t: number; won: boolean }[] = [];
    for (let t = 0; t < 24; t++) for (let i = 0; i < 200; i++) deals.push({ t, won: u() < expit(-0.8 + b * t) });
    const f = fitWinTrend(deals, 24)!;
    expect(f.kept).toBe(true);
    expect(Math.abs(f.slope - b), `${f.slope} ± ${f.slopeSe}`).toBeLessThanOrEqual(3 * f.slopeSe);
    // the SE matches the Fisher information at the truth (within 10%)
    let info = 0;
    for (let t = 0; t < 24; t++) info += 200 * expit(-0.8 + b * t) * (1 - expit(-0.8 + b * t)) * (t - f.center) ** 2;
    expect(f.slopeSe * Math.sqrt(info)).toBeCloseTo(1, 1);
    const c = 0.02;
    const wins: { t: number; amount: number }[] = [];
    for (let t = 0; t < 24; t++) for (let i = 0; i < 60; i++) wins.push({ t, amount: Math.exp(10 + c * t + 0.7 * normal(u)) });
    const g = fitDealTrend(wins, 24)!;
    expect(g.kept).toBe(true);
    expect(Math.abs(g.slope - c), `${g.slope} ± ${g.slopeSe}`).toBeLessThanOrEqual(3 * g.slopeSe);
    // the drift written: the deal factor over H months is exp(b (H - 1)); its level the fitted curve after the window
    const d = trendDrift(g, 'deal', 24, 12);
    expect(d.change).toBeCloseTo(Math.exp(g.slope * 11) - 1, 12);
    expect(d.level).toBeCloseTo(Math.exp(g.slope * (24 - g.center)), 12);
  });

  it('keep no trend at most at the stated alpha when there is none', () => {
    const u = rng(11);
    const R = 300;
    let winKept = 0,
      dealKept = 0;
    for (let r = 0; r < R; r++) {
      const deals: { t: number; won: boolean }[] = [];
      const wins: { t: number; amount: number }[] = [];
      for (let t = 0; t < 18; t++) {
        for (let i = 0; i < 40; i++) deals.push({ t, won: u() < 0.3 });
        for (let i = 0; i < 12; i++) wins.push({ t, amount: Math.exp(10 + 0.7 * normal(u)) });
      }
      if (fitWinTrend(deals, 18)!.kept) winKept++;
      if (fitDealTrend(wins, 18)!.kept) dealKept++;
    }
    const bound = TREND_ALPHA + 3 * Math.sqrt((TREND_ALPHA * (1 - TREND_ALPHA)) / R);
    expect(winKept / R).toBeLessThanOrEqual(bound);
    expect(dealKept / R).toBeLessThanOrEqual(bound);
  });

  it('need six months with data', () => {
    expect(fitWinTrend([{ t: 0, won: true }, { t: 1, won: false }], 2)).toBeNull();
    expect(fitDealTrend([{ t: 0, amount: 5 }], 12)).toBeNull();
  });
});

const REPS = { seats: 50, opportunitiesPerMonth: 5, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2, noDecisionRate: 0.1 };
const monthOf = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/** The export with won deals thinned to a logistic trend of slope b (from the pooled rate) and amounts x exp(c t). */
function withTrend(csv: string, b: number, c: number, seed: number): string {
  const lines = csv.trim().split('\n');
  const rows = lines.slice(1).map((l) => l.split(','));
  const closes = rows.filter((r) => r[3]).map((r) => monthOf(r[3]));
  const from = Math.min(...closes);
  const decided = rows.filter((r) => r[4] === 'Closed Won' || r[4] === 'Closed Lost');
  const p = decided.filter((r) => r[4] === 'Closed Won').length / decided.length;
  const L0 = Math.log(p / (1 - p));
  const u = rng(seed);
  for (const r of rows) {
    if (r[4] !== 'Closed Won') continue;
    const t = monthOf(r[3]) - from;
    if (u() >= expit(L0 + b * t) / p) {
      r[4] = 'Closed Lost';
      r[5] = '';
    } else r[5] = (Number(r[5]) * Math.exp(c * t)).toFixed(2);
  }
  return [lines[0], ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

describe('calibrate with trends', () => {
  it('with --trend, writes a drift block with the win-rate and deal-size trends of a history that has them; without it, reports them only', () => {
    const b = -0.03,
      c = 0.02;
    const h = synthesize({ reps: REPS }, { months: 24, seed: 5 });
    const reported = calibrate(withTrend(h.opportunities, b, c, 9), { horizonMonths: 12 });
    expect(reported.report.trend.winRate!.kept && reported.report.trend.dealSize!.kept).toBe(true);
    expect(reported.report.trend.written).toEqual({ winRate: null, dealSize: null });
    expect(reported.scenario.drift).toBeUndefined();
    expect(reported.report.warnings.filter((w) => w.includes('reported, not written')).length).toBe(2);
    const { scenario, report } = calibrate(withTrend(h.opportunities, b, c, 9), { horizonMonths: 12, trend: true });
    const w = report.trend.winRate!;
    const d = report.trend.dealSize!;
    expect(w.kept && d.kept).toBe(true);
    expect(Math.abs(w.slope - b), `win slope ${w.slope} ± ${w.slopeSe}`).toBeLessThanOrEqual(3 * w.slopeSe);
    expect(Math.abs(d.slope - c), `deal slope ${d.slope} ± ${d.slopeSe}`).toBeLessThanOrEqual(3 * d.slopeSe);
    const drift = scenario.drift as { winRate: { change: number; overMonths: number }; dealSize: { change: number } };
    const wd = report.trend.written.winRate!;
    // the truth's change over the horizon (the same curve at the true slope) within 3 SE of the written change
    const truth = trendDrift({ ...w, slope: b }, 'win', report.window.months, 12).change;
    expect(Math.abs(drift.winRate.change - truth), `${drift.winRate.change} vs ${truth} ± ${wd.changeSe}`).toBeLessThanOrEqual(3 * wd.changeSe + 0.001);
    expect(drift.winRate.change).toBeLessThan(0);
    expect(drift.winRate.overMonths).toBe(11);
    expect(Math.abs(drift.dealSize.change - (Math.exp(c * 11) - 1))).toBeLessThanOrEqual(3 * report.trend.written.dealSize!.changeSe + 0.001);
    // the SEs as distributions drawn per trial; the level starts at the month after the window
    const unc = (scenario.uncertainty as { parameters: { path: string; distribution: { normal?: { sd: number } } }[] }).parameters;
    expect(unc.find((p) => p.path === 'drift.winRate.change')?.distribution.normal?.sd).toBeGreaterThan(0);
    expect(unc.find((p) => p.path === 'drift.dealSize.change')?.distribution.normal?.sd).toBeGreaterThan(0);
    expect(wd.level).toBeLessThan(1);
    expect(report.parameters.map((p) => p.path)).toEqual(expect.arrayContaining(['drift.winRate.change', 'drift.dealSize.change']));
    // the scenario runs with its drawn trends
    const r = simulate(parseScenario(scenario), { trials: 20, seed: 1 });
    expect(r.trials).toBe(20);
  });

  it('writes no drift block for a history without a trend, stating the tests', () => {
    const { scenario, report } = calibrate(synthesize({ reps: REPS }, { months: 24, seed: 6 }).opportunities, { trend: true });
    expect(report.trend.winRate!.pValue).toBeGreaterThanOrEqual(TREND_ALPHA);
    expect(report.trend.dealSize!.pValue).toBeGreaterThanOrEqual(TREND_ALPHA);
    expect(report.trend.written).toEqual({ winRate: null, dealSize: null });
    expect(scenario.drift).toBeUndefined();
  });
});
