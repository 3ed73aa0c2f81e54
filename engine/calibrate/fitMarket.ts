/**
 * A market that moves: growth of opportunity supply and month-of-year multipliers, fitted to the
 * opportunities created each calendar month of the window against the seated (ramp-weighted) rep-months
 * of that month. Counts are Poisson with
 *
 *   log E[C_m] = log E_m + a + b t_m + g_moy(m),   t_m = years since the window's first month,
 *
 * (g_January = 0), fitted by Newton-Raphson (Poisson GLM). Two nested tests, each a likelihood-ratio test
 * made robust to overdispersion as a quasi-Poisson F test (F = (LR / df) / phi, phi = Pearson X^2 / residual
 * df of the full model, at least 1):
 *  - growth: the model with seasonality (when tested) and growth against the one without growth (df 1);
 *  - seasonality (windows of 24 months or more, so each month of year is seen twice): the model with growth
 *    and seasonality against growth alone (df 11).
 * A term is kept when its p-value is below MARKET_ALPHA; with neither, the scenario has no market block.
 * annualGrowth = exp(b) - 1; the multipliers are exp(g) / mean(exp(g)) (mean 1); SEs by the delta method
 * from the inverse information times phi.
 */
import { fSurvival } from '../stats/special.js';

/** Significance level of the market tests. */
export const MARKET_ALPHA = 0.01;

/** One calendar month: opportunities created and seated rep-months (ramp-weighted). */
export interface MonthCount {
  month: number;
  created: number;
  exposure: number;
}

/** One test of the market fit. */
export interface MarketTest {
  term: 'growth' | 'seasonality';
  test: string;
  lr: number;
  df: number;
  dispersion: number;
  f: number;
  pValue: number;
  kept: boolean;
}

/** The market fit. */
export interface MarketFit {
  tests: MarketTest[];
  growth: boolean;
  seasonality: boolean;
  annualGrowth: number;
  annualGrowthSe: number | null;
  /** 12 multipliers, January first, mean 1 (all 1 when seasonality is not kept) */
  multipliers: number[];
  multipliersSe: (number | null)[];
  /** the deseasonalised rate per exposure month at calendar month `at`, and its SE */
  rateAt: (at: number) => { rate: number; se: number };
}

interface Glm {
  beta: number[];
  cov: number[][];
  logLik: number;
  pearson: number;
}

/** Poisson GLM with log link and offset by Newton-Raphson; X rows are the covariates of each month. */
function poissonGlm(y: number[], offset: number[], X: number[][]): Glm {
  const n = y.length;
  const p = X[0].length;
  const beta = new Array<number>(p).fill(0);
  const ySum = y.reduce((a, b) => a + b, 0);
  const eSum = offset.reduce((a, o) => a + Math.exp(o), 0);
  beta[0] = Math.log(Math.max(ySum, 0.5) / eSum);
  let info: number[][] = [];
  for (let iter = 0; iter < 100; iter++) {
    const grad = new Array<number>(p).fill(0);
    info = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < n; i++) {
      let eta = offset[i];
      for (let j = 0; j < p; j++) eta += X[i][j] * beta[j];
      const mu = Math.exp(eta);
      for (let j = 0; j < p; j++) {
        grad[j] += (y[i] - mu) * X[i][j];
        for (let k = 0; k < p; k++) info[j][k] += mu * X[i][j] * X[i][k];
      }
    }
    const step = solve(info, grad);
    if (!step.every(Number.isFinite)) break;
    let max = 0;
    for (let j = 0; j < p; j++) {
      beta[j] += step[j];
      max = Math.max(max, Math.abs(step[j]));
    }
    if (max < 1e-10) break;
  }
  let logLik = 0;
  let pearson = 0;
  for (let i = 0; i < n; i++) {
    let eta = offset[i];
    for (let j = 0; j < p; j++) eta += X[i][j] * beta[j];
    const mu = Math.exp(eta);
    logLik += y[i] * eta - mu; // log y! omitted: the same in every model
    pearson += (y[i] - mu) ** 2 / mu;
  }
  return { beta, cov: invert(info), logLik, pearson };
}

/** Solves A x = b (Gaussian elimination with partial pivoting). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

function invert(A: number[][]): number[][] {
  const n = A.length;
  return Array.from({ length: n }, (_, i) => solve(A, Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))).map((col, i, cols) => cols.map((c) => c[i]));
}

/**
 * Fits and tests the market over the months of the window (`from` = its first month index).
 * @example fitMarket(months, from).growth // true when supply grew beyond chance
 */
export function fitMarket(months: MonthCount[], from: number): MarketFit {
  const use = months.filter((m) => m.exposure > 0);
  const n = use.length;
  const y = use.map((m) => m.created);
  const off = use.map((m) => Math.log(m.exposure));
  const t = use.map((m) => (m.month - from) / 12);
  const moy = use.map((m) => m.month % 12);
  const seasonCols = (i: number) => Array.from({ length: 11 }, (_, k) => (moy[i] === k + 1 ? 1 : 0));
  const total = y.reduce((a, b) => a + b, 0);
  // enough months and counts for the tests (and every month of year seen twice with opportunities)
  const canGrow = n >= 12 && total >= 30;
  const canSeason = canGrow && n >= 24 && new Set(moy).size === 12 && Array.from({ length: 12 }, (_, k) => y.filter((_, i) => moy[i] === k).reduce((a, b) => a + b, 0)).every((c) => c > 0);
  if (n === 0) return { tests: [], growth: false, seasonality: false, annualGrowth: 0, annualGrowthSe: null, multipliers: new Array<number>(12).fill(1), multipliersSe: new Array<null>(12).fill(null), rateAt: () => ({ rate: NaN, se: NaN }) };
  const design = (growth: boolean, season: boolean) => use.map((_, i) => [1, ...(growth ? [t[i]] : []), ...(season ? seasonCols(i) : [])]);
  const tests: MarketTest[] = [];
  let growth = false;
  let season = false;
  if (canGrow) {
    const full = poissonGlm(y, off, design(true, canSeason));
    const pFull = 1 + 1 + (canSeason ? 11 : 0);
    const phi = Math.max(1, full.pearson / Math.max(1, n - pFull));
    const test = (term: MarketTest['term'], reduced: Glm, df: number): MarketTest => {
      const lr = Math.max(0, 2 * (full.logLik - reduced.logLik));
      const f = lr / df / phi;
      const pValue = Number.isFinite(f) ? fSurvival(f, df, Math.max(1, n - pFull)) : 1;
      return { term, test: `likelihood ratio (quasi-Poisson F test, dispersion ${+phi.toFixed(3)}) of monthly opportunities created per seated rep-month`, lr, df, dispersion: phi, f, pValue, kept: pValue < MARKET_ALPHA };
    };
    const g = test('growth', poissonGlm(y, off, design(false, canSeason)), 1);
    tests.push(g);
    growth = g.kept;
    if (canSeason) {
      const s = test('seasonality', poissonGlm(y, off, design(true, false)), 11);
      tests.push(s);
      season = s.kept;
    }
  }
  // the chosen model
  const fit = poissonGlm(y, off, design(growth, season));
  const p = fit.beta.length;
  const phi = Math.max(1, fit.pearson / Math.max(1, n - p));
  const cov = fit.cov.map((r) => r.map((v) => v * phi));
  const b = growth ? fit.beta[1] : 0;
  const gIdx = growth ? 2 : 1;
  const gam = [0, ...(season ? fit.beta.slice(gIdx, gIdx + 11) : new Array<number>(11).fill(0))];
  const ex = gam.map(Math.exp);
  const meanEx = ex.reduce((a, v) => a + v, 0) / 12;
  const multipliers = ex.map((v) => v / meanEx);
  const w = ex.map((v) => v / (12 * meanEx));
  const multipliersSe = multipliers.map((sk, k) => {
    if (!season) return null;
    // d s_k / d g_j = s_k (delta_kj - w_j), j = 1..11 (g_0 fixed)
    const grad = Array.from({ length: 11 }, (_, j) => sk * ((k === j + 1 ? 1 : 0) - w[j + 1]));
    let v = 0;
    for (let i = 0; i < 11; i++) for (let j = 0; j < 11; j++) v += grad[i] * grad[j] * cov[gIdx + i][gIdx + j];
    return Math.sqrt(v);
  });
  const rateAt = (at: number) => {
    // log rate = a + b (at - from) / 12 + log mean(exp g); gradient over (a, b, g_1..g_11)
    const tt = (at - from) / 12;
    const logRate = fit.beta[0] + b * tt + Math.log(meanEx);
    const grad = new Array<number>(p).fill(0);
    grad[0] = 1;
    if (growth) grad[1] = tt;
    if (season) for (let j = 0; j < 11; j++) grad[gIdx + j] = w[j + 1];
    let v = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) v += grad[i] * grad[j] * cov[i][j];
    const rate = Math.exp(logRate);
    return { rate, se: rate * Math.sqrt(v) };
  };
  return {
    tests,
    growth,
    seasonality: season,
    annualGrowth: Math.exp(b) - 1,
    annualGrowthSe: growth ? Math.exp(b) * Math.sqrt(cov[1][1]) : null,
    multipliers,
    multipliersSe,
    rateAt,
  };
}
