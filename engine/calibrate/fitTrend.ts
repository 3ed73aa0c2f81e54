/**
 * Trends over the window in the win rate and the deal size (issue 27: "calibrate estimates a trend where the
 * data show one"), for the optional drift block (engine/mechanisms/drift).
 *
 * - Win rate: a binomial GLM with a logit link on the deals decided (won or lost) in each window month t,
 *   logit p(t) = a + b (t - t̄) (t̄ the decided-weighted mean month), fitted by Newton-Raphson (IRLS), SE of b
 *   from the observed information. Tested against b = 0 (one pooled rate) by a likelihood ratio, chi-square
 *   with 1 df.
 * - Deal size: a Gaussian GLM (least squares) on the log of each won amount, ln x = a + b (t - t̄); the
 *   likelihood ratio n ln(RSS0 / RSS1), chi-square with 1 df; SE of b = s / sqrt(Sxx).
 *
 * A trend is kept only when p < TREND_ALPHA. Kept, it goes into the scenario as the drift block's trend over
 * the forecast horizon H: with forecast month m at window month W - 1 + m, the factor of month m relative to
 * month 1 is f(m) = level(W - 1 + m) / level(W), written as { change: f(H) - 1, overMonths: H - 1 } (the
 * drift block's linear trend through the fitted curve's ends: exact for the deal size's first order and for
 * small win-rate changes); its SE by the delta method in b (the level a is the fitted rate's own SE) is
 * written as a normal distribution of `change` (truncated to the field's range). The level the scenario
 * starts from is moved from the window's pooled value to the fitted value of the month after the window,
 * level(W) / pooled (`level`), so the trend is not counted twice. Not fitted: a trend in the no-decision
 * rate (reported as not tested) and random walks (fitDrift.ts models drift of the opportunity rate).
 */
import { gammaP } from '../random/gammaCdf.js';
import { param, type FittedParameter } from './parameter.js';
import type { Distribution } from '../uncertainty/distribution.js';

/** Significance level at which a trend is kept. */
export const TREND_ALPHA = 0.01;

/** One fitted trend (slope per month on the link scale) and its test. */
export interface TrendFit {
  /** slope b per month (logit for the win rate, log for the deal size) and its SE */
  slope: number;
  slopeSe: number;
  /** intercept at the centre month t̄ (window month index, 0 = the window's first) */
  intercept: number;
  center: number;
  /** the pooled value over the window (wins / decided, or exp(mean log amount)) */
  pooled: number;
  lr: number;
  pValue: number;
  kept: boolean;
  test: string;
  /** observations used (decided deals or won amounts) and window months */
  n: number;
  months: number;
}

/** The drift trend written for a kept fit over a horizon: change, its SE, overMonths, and the starting level / pooled. */
export interface TrendDrift {
  change: number;
  changeSe: number;
  overMonths: number;
  level: number;
}

/** p-value of a likelihood ratio against a chi-square with 1 df. */
function chi2p1(lr: number): number {
  return lr > 0 ? 1 - gammaP(0.5, lr / 2) : 1;
}

const expit = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The win-rate trend from deals decided in window months 0..months-1 (null under 6 months with decided deals,
 * or without both wins and losses).
 * @example fitWinTrend([{ t: 0, won: true }, { t: 1, won: false }], 2) // null (too short)
 */
export function fitWinTrend(deals: ReadonlyArray<{ t: number; won: boolean }>, months: number): TrendFit | null {
  const w = new Float64Array(months);
  const n = new Float64Array(months);
  for (const d of deals) {
    if (d.t < 0 || d.t >= months) continue;
    n[d.t]++;
    if (d.won) w[d.t]++;
  }
  let N = 0,
    W = 0,
    tbar = 0,
    used = 0;
  for (let t = 0; t < months; t++) {
    N += n[t];
    W += w[t];
    tbar += t * n[t];
    if (n[t] > 0) used++;
  }
  if (used < 6 || W === 0 || W === N) return null;
  tbar /= N;
  const p0 = W / N;
  const ll = (a: number, b: number) => {
    let s = 0;
    for (let t = 0; t < months; t++) {
      if (n[t] === 0) continue;
      const z = a + b * (t - tbar);
      // log p = -log(1 + e^-z), log(1 - p) = -log(1 + e^z), computed stably
      const lp = -(z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z)));
      const lq = -(z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
      s += w[t] * lp + (n[t] - w[t]) * lq;
    }
    return s;
  };
  let a = Math.log(p0 / (1 - p0)),
    b = 0;
  let iab = 0,
    ibb = 0,
    iaa = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0,
      gb = 0;
    iaa = iab = ibb = 0;
    for (let t = 0; t < months; t++) {
      if (n[t] === 0) continue;
      const x = t - tbar;
      const p = expit(a + b * x);
      const r = w[t] - n[t] * p;
      const v = n[t] * p * (1 - p);
      ga += r;
      gb += r * x;
      iaa += v;
      iab += v * x;
      ibb += v * x * x;
    }
    const det = iaa * ibb - iab * iab;
    if (!(det > 0)) break;
    const da = (ibb * ga - iab * gb) / det;
    const db = (iaa * gb - iab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) < 1e-12 && Math.abs(db) < 1e-12) break;
  }
  const det = iaa * ibb - iab * iab;
  const slopeSe = det > 0 ? Math.sqrt(iaa / det) : Infinity;
  const lr = Math.max(0, 2 * (ll(a, b) - ll(Math.log(p0 / (1 - p0)), 0)));
  const pValue = chi2p1(lr);
  return { slope: b, slopeSe, intercept: a, center: tbar, pooled: p0, lr, pValue, kept: pValue < TREND_ALPHA, test: `logit-binomial GLM on the month, likelihood ratio ${sig(lr)} vs one rate (chi-square 1 df)`, n: N, months: used };
}

/**
 * The deal-size trend from won amounts in window months 0..months-1 (null under 6 months with wins or under 10 amounts).
 * @example fitDealTrend([{ t: 0, amount: 100 }], 12) // null
 */
export function fitDealTrend(wins: ReadonlyArray<{ t: number; amount: number }>, months: number): TrendFit | null {
  const xs: number[] = [];
  const ys: number[] = [];
  const seen = new Set<number>();
  for (const d of wins) {
    if (d.t < 0 || d.t >= months || !(d.amount > 0)) continue;
    xs.push(d.t);
    ys.push(Math.log(d.amount));
    seen.add(d.t);
  }
  const n = xs.length;
  if (seen.size < 6 || n < 10) return null;
  let mx = 0,
    my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0,
    sxy = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
    syy += (ys[i] - my) ** 2;
  }
  if (!(sxx > 0) || !(syy > 0)) return null;
  const b = sxy / sxx;
  const rss1 = Math.max(syy - b * sxy, 1e-300);
  const lr = Math.max(0, n * Math.log(syy / rss1));
  const pValue = chi2p1(lr);
  const slopeSe = Math.sqrt(rss1 / (n - 2) / sxx);
  return { slope: b, slopeSe, intercept: my, center: mx, pooled: Math.exp(my), lr, pValue, kept: pValue < TREND_ALPHA, test: `Gaussian GLM of log amounts on the month, likelihood ratio ${sig(lr)} vs no trend (chi-square 1 df)`, n, months: seen.size };
}

/**
 * The drift block's trend for a kept fit, over an H-month horizon after a W-month window (`kind` says the link).
 * @example winTrendDrift(fit, 24, 12).change // f(H) - 1
 */
export function trendDrift(f: TrendFit, kind: 'win' | 'deal', W: number, H: number): TrendDrift {
  const x1 = W - f.center;
  const x2 = W - 1 + H - f.center;
  if (kind === 'deal') {
    const r = Math.exp(f.slope * (H - 1));
    return { change: r - 1, changeSe: r * (H - 1) * f.slopeSe, overMonths: Math.max(1, H - 1), level: Math.exp(f.slope * x1) };
  }
  const p1 = expit(f.intercept + f.slope * x1);
  const p2 = expit(f.intercept + f.slope * x2);
  const r = p2 / p1;
  // d ln p / d b = x (1 - p): the delta method in b
  const dr = r * (x2 * (1 - p2) - x1 * (1 - p1));
  return { change: r - 1, changeSe: Math.abs(dr) * f.slopeSe, overMonths: Math.max(1, H - 1), level: p1 / f.pooled };
}

/** What calibrate reports of the trends: each fit (null: too little data) and the drift written (null: not kept). */
export interface TrendReport {
  winRate: TrendFit | null;
  dealSize: TrendFit | null;
  written: { winRate: TrendDrift | null; dealSize: TrendDrift | null };
  alpha: number;
}

/** Everything calibrate needs to write the trends: the drift block, the starting levels, parameters, distributions, warnings. */
export interface Trends {
  report: TrendReport;
  /** the scenario's drift block (null when no trend is kept) */
  drift: Record<string, unknown> | null;
  /** factors moving the pooled win rate and median deal size to the fitted level of the month after the window (1: no trend) */
  winLevel: number;
  dealLevel: number;
  params: FittedParameter[];
  uncertain: { path: string; distribution: Distribution }[];
  warnings: string[];
}

/**
 * Fits both trends on the deals decided in the window [from, from + months - 1] and, with `write`, writes what
 * is kept for an H-month horizon. With empirical deal sizes the deal-size trend is reported, not written (the
 * amounts are used as they are). Without `write` (calibrate's default) a kept trend is reported only: a trend
 * over a past window is evidence that it happened, not that it continues, and extrapolating one that does not
 * continue moves the whole forecast (calibrate --trend writes it).
 * @example // fitTrends(closed, from, 24, 12, false, true).drift
 */
export function fitTrends(closed: ReadonlyArray<{ closedMonth: number | null; outcome: string; amount: number | null }>, from: number, months: number, H: number, empiricalDeals: boolean, write = true): Trends {
  const decided = closed.filter((o) => o.closedMonth !== null && (o.outcome === 'won' || o.outcome === 'lost')).map((o) => ({ t: o.closedMonth! - from, won: o.outcome === 'won' }));
  const wins = closed.filter((o) => o.closedMonth !== null && o.outcome === 'won' && o.amount !== null).map((o) => ({ t: o.closedMonth! - from, amount: o.amount! }));
  const win = fitWinTrend(decided, months);
  const deal = fitDealTrend(wins, months);
  const winD = win?.kept && H > 1 ? trendDrift(win, 'win', months, H) : null;
  const dealD = deal?.kept && H > 1 && !empiricalDeals ? trendDrift(deal, 'deal', months, H) : null;
  const drift: Record<string, unknown> = {};
  const params: FittedParameter[] = [];
  const uncertain: { path: string; distribution: Distribution }[] = [];
  const warnings: string[] = [];
  const put = (key: 'winRate' | 'dealSize', f: TrendFit, d: TrendDrift, what: string) => {
    const change = Math.min(10, Math.max(-0.99, sig(d.change, 3)));
    drift[key] = { change, overMonths: d.overMonths, startMonth: 1 };
    params.push(param(`drift.${key}.change`, d.change, d.changeSe, `${f.test}, p = ${sig(f.pValue, 2)}; the fitted curve's change over the ${H}-month horizon, SE by the delta method in the slope`));
    if (d.changeSe > 0) uncertain.push({ path: `drift.${key}.change`, distribution: { normal: { mean: change, sd: sig(d.changeSe, 3) } } });
    warnings.push(
      `${what} has a trend over the window (${f.test}: p = ${sig(f.pValue, 2)}): ${sig(d.change * 100, 3)}% ± ${sig(d.changeSe * 100, 2)}% over the ${H}-month horizon if it continues (drift.${key}); the scenario starts from the fitted level of the month after the window, x ${sig(d.level, 3)} of the window's pooled value`,
    );
  };
  const report = { winRate: win, dealSize: deal, written: { winRate: write ? winD : null, dealSize: write ? dealD : null }, alpha: TREND_ALPHA };
  if (!write) {
    for (const [f, d, what] of [[win, winD, 'the win rate'], [deal, dealD, 'the deal size']] as const)
      if (f && d)
        warnings.push(
          `${what} has a trend over the window (${f.test}: p = ${sig(f.pValue, 2)}): ${sig(d.change * 100, 3)}% ± ${sig(d.changeSe * 100, 2)}% over the ${H}-month horizon if it continues; reported, not written (a past trend need not continue; --trend writes it as the drift block)`,
        );
    if (deal?.kept && empiricalDeals) warnings.push(`the deal size has a trend over the window (${deal.test}: p = ${sig(deal.pValue, 2)}), not written: the scenario uses the won amounts as they are (empirical)`);
    return { report, drift: null, winLevel: 1, dealLevel: 1, params: [], uncertain: [], warnings };
  }
  if (win && winD) put('winRate', win, winD, 'the win rate');
  if (deal && dealD) put('dealSize', deal, dealD, 'the deal size');
  if (deal?.kept && empiricalDeals) warnings.push(`the deal size has a trend over the window (${deal.test}: p = ${sig(deal.pValue, 2)}), not written: the scenario uses the won amounts as they are (empirical)`);
  return {
    report,
    drift: Object.keys(drift).length ? drift : null,
    winLevel: winD ? winD.level : 1,
    dealLevel: dealD ? dealD.level : 1,
    params,
    uncertain,
    warnings,
  };
}

/**
 * A scenario's `reps.winRate` (a number, { mean, concentration } or { tiers }) with every mean x `level` (kept below 1).
 * @example scaleWinRate({ mean: 0.3, concentration: 10 }, 0.9) // { mean: 0.27, concentration: 10 }
 */
export function scaleWinRate<T>(winRate: T, level: number): T {
  if (level === 1) return winRate;
  const f = (m: number) => Math.min(0.999, sig(m * level));
  if (typeof winRate === 'number') return f(winRate) as T;
  const w = winRate as { mean?: number; tiers?: { mean: number }[] };
  if (w.tiers) return { ...w, tiers: w.tiers.map((t) => ({ ...t, mean: f(t.mean) })) } as T;
  return { ...w, mean: f(w.mean!) } as T;
}

function sig(x: number, d = 4): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(d)) : x;
}
