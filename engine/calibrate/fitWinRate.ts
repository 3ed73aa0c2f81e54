/**
 * Empirical-Bayes beta-binomial fit of the team's win-rate distribution. Each rep i has w_i wins out of
 * n_i decided deals (won + lost; no decisions excluded, matching the engine where the win rate applies to
 * decided deals). Reps' rates ~ Beta(mean x k, (1 - mean) x k); the marginal likelihood
 * prod B(w_i + a, n_i - w_i + b) / B(a, b) is maximised over (logit mean, log k) by Nelder-Mead, and
 * standard errors come from the observed information (numerical Hessian), mapped back by the delta method.
 */
import { logGamma } from '../stats/special.js';
import { hessian, invert2, nelderMead } from './optimize.js';

/** Wins and decided deals of one rep. */
export interface RepRecord {
  owner: string;
  wins: number;
  decided: number;
}

/** The fitted Beta and each rep's raw and shrunken (posterior mean) win rate. */
export interface WinRateFit {
  mean: number;
  meanSe: number | null;
  concentration: number;
  concentrationSe: number | null;
  /** true when the likelihood kept rising toward no spread between reps (concentration at its cap) */
  atBound: boolean;
  /** true when the likelihood kept rising toward all-or-nothing reps (concentration at its floor) */
  atLowerBound: boolean;
  logLik: number;
  reps: { owner: string; wins: number; decided: number; raw: number; shrunk: number }[];
}

export const MAX_CONCENTRATION = 10_000;
const MIN_CONCENTRATION = 0.05;

/**
 * Beta-binomial log-likelihood (without the binomial coefficients, which do not depend on the parameters).
 * @example betaBinomialLogLik([{ owner: 'a', wins: 1, decided: 2 }], 0.5, 2) // log B(2,2)/B(1,1) = log(1/6)
 */
export function betaBinomialLogLik(reps: RepRecord[], mean: number, concentration: number): number {
  const a = mean * concentration;
  const b = (1 - mean) * concentration;
  let ll = 0;
  const base = logGamma(concentration) - logGamma(a) - logGamma(b);
  for (const r of reps) {
    if (r.decided === 0) continue;
    ll += logGamma(r.wins + a) + logGamma(r.decided - r.wins + b) - logGamma(r.decided + concentration) + base;
  }
  return ll;
}

const logistic = (t: number) => 1 / (1 + Math.exp(-t));

/**
 * Fits mean and concentration by maximum likelihood.
 * @example fitWinRate(reps).mean // pooled-ish mean win rate
 */
export function fitWinRate(input: RepRecord[]): WinRateFit {
  const reps = input.filter((r) => r.decided > 0);
  const W = reps.reduce((s, r) => s + r.wins, 0);
  const N = reps.reduce((s, r) => s + r.decided, 0);
  const pooled = Math.min(1 - 1e-6, Math.max(1e-6, (W + 0.5) / (N + 1)));
  const lo = Math.log(MIN_CONCENTRATION);
  const hi = Math.log(MAX_CONCENTRATION);
  const negLL = (t: number[]) => {
    const k = Math.exp(Math.min(hi, Math.max(lo, t[1])));
    const m = logistic(t[0]);
    if (!(m > 1e-9 && m < 1 - 1e-9)) return Infinity;
    return -betaBinomialLogLik(reps, m, k);
  };
  let best = { x: [0, 0], value: Infinity };
  for (const k0 of [2, 10, 50, 300]) {
    const r = nelderMead(negLL, [Math.log(pooled / (1 - pooled)), Math.log(k0)], { step: 0.4, tol: 1e-12 });
    if (r.value < best.value) best = r;
  }
  const theta = [best.x[0], Math.min(hi, Math.max(lo, best.x[1]))];
  const mean = logistic(theta[0]);
  const concentration = Math.exp(theta[1]);
  const atBound = theta[1] > hi - 0.5;
  const atLowerBound = theta[1] < lo + 0.5;
  let meanSe: number | null = null;
  let concentrationSe: number | null = null;
  const cov = invert2(hessian(negLL, theta, 1e-4));
  if (cov && !atBound && !atLowerBound) {
    meanSe = mean * (1 - mean) * Math.sqrt(cov[0][0]);
    concentrationSe = concentration * Math.sqrt(cov[1][1]);
  } else {
    // concentration unidentified: the mean's SE from the binomial with the other parameter fixed
    meanSe = Math.sqrt((mean * (1 - mean)) / Math.max(1, N));
  }
  const a = mean * concentration;
  return {
    mean,
    meanSe,
    concentration,
    concentrationSe,
    atBound,
    atLowerBound,
    logLik: -best.value,
    reps: input.map((r) => ({
      owner: r.owner,
      wins: r.wins,
      decided: r.decided,
      raw: r.decided ? r.wins / r.decided : NaN,
      shrunk: (r.wins + a) / (r.decided + concentration),
    })),
  };
}
