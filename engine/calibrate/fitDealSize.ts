/**
 * Deal size of won deals: lognormal by maximum likelihood (mu = mean of log amounts, sigma = their
 * root-mean-square deviation; median = exp(mu)). Standard errors: SE(median) = median x sigma / sqrt(n)
 * (delta method), SE(sigma) = sigma / sqrt(2n).
 *
 * A per-rep deal-size multiplier (the engine's `repDealSizeSpread` s, a mean-1 lognormal
 * exp(sZ - s^2/2)) is fitted only when a one-way ANOVA F test on log amounts by owner rejects "no rep
 * effect" at p < 0.01; then s^2 is the method-of-moments between-rep variance, sigma the within-rep
 * sigma, and the median is exp(grand mean + s^2/2) so that the multiplier's mean-1 convention holds.
 */
import { mean, standardDeviation, sumNthPowerDeviations } from 'simple-statistics';
import { fSurvival } from '../stats/special.js';
import { andersonDarling, type NormalityTest } from './normality.js';

/** The fitted deal-size distribution. */
export interface DealSizeFit {
  median: number;
  medianSe: number;
  sigma: number;
  sigmaSe: number;
  spread: number;
  spreadSe: number | null;
  spreadTestP: number | null;
  n: number;
}

/**
 * Fits the deal-size lognormal from won deals' amounts grouped by owner.
 * @example fitDealSize(new Map([['a', [100, 200, 400]]])).median // ≈ 200
 */
export function fitDealSize(byOwner: Map<string, number[]>): DealSizeFit {
  const groups = [...byOwner.values()].map((xs) => xs.filter((x) => x > 0).map(Math.log)).filter((g) => g.length > 0);
  const all = groups.flat();
  const n = all.length;
  // ML: the mean and the population (divide-by-n) standard deviation of the logs
  const mu = n > 0 ? mean(all) : NaN;
  const sigma = n > 0 ? standardDeviation(all) : NaN;
  const plain: DealSizeFit = {
    median: Math.exp(mu),
    medianSe: (Math.exp(mu) * sigma) / Math.sqrt(n),
    sigma,
    sigmaSe: sigma / Math.sqrt(2 * n),
    spread: 0,
    spreadSe: null,
    spreadTestP: null,
    n,
  };
  const k = groups.length;
  if (k < 3 || n - k < 3) return plain;
  let ssw = 0;
  let ssb = 0;
  let sumSq = 0;
  for (const g of groups) {
    const m = mean(g);
    ssw += sumNthPowerDeviations(g, 2);
    ssb += g.length * (m - mu) ** 2;
    sumSq += g.length * g.length;
  }
  const msw = ssw / (n - k);
  const msb = ssb / (k - 1);
  const p = fSurvival(msb / msw, k - 1, n - k);
  plain.spreadTestP = p;
  if (!(p < 0.01)) return plain;
  const n0 = (n - sumSq / n) / (k - 1);
  const s2 = Math.max(0, (msb - msw) / n0);
  const s = Math.sqrt(s2);
  const varS2 = (2 / (n0 * n0)) * ((msb * msb) / (k - 1) + (msw * msw) / (n - k));
  const sw = Math.sqrt(msw);
  const median = Math.exp(mu + s2 / 2);
  // the grand mean's variance under the random-effects model: about msb / n
  return {
    median,
    medianSe: median * Math.sqrt(msb / n),
    sigma: sw,
    sigmaSe: sw / Math.sqrt(2 * (n - k)),
    spread: s,
    spreadSe: s > 0 ? Math.sqrt(varS2) / (2 * s) : null,
    spreadTestP: p,
    n,
  };
}

/** Significance level of the lognormal test: below it the empirical distribution is written. */
export const LOGNORMAL_ALPHA = 0.01;

/** Which deal-size distribution the fitted scenario uses, and why. */
export interface DealSizeChoice {
  distribution: 'lognormal' | 'empirical';
  test: NormalityTest & { alpha: number; rejected: boolean };
  /** mean of the won amounts and its standard error sd / sqrt(n) */
  meanWon: number;
  meanWonSe: number;
  /** the lognormal fit's mean, median x exp(sigma^2 / 2) (the rep multiplier has mean 1) */
  meanLognormal: number;
  /** the fitted scenario's mean deal size */
  meanFitted: number;
  reason: string;
}

/**
 * Tests the lognormal on the won amounts (Anderson-Darling on log amounts) and chooses the scenario's
 * deal-size distribution: the lognormal when the test does not reject it at LOGNORMAL_ALPHA and its mean is
 * within one standard error of the mean won amount; otherwise the amounts as they are (`empirical`), whose
 * mean is the mean won amount exactly. Revenue is a sum of amounts, so its mean must be right first.
 * @example chooseDealSize(amounts, fitDealSize(byOwner)).distribution // 'empirical' for a price list
 */
export function chooseDealSize(amounts: readonly number[], fit: DealSizeFit): DealSizeChoice {
  const n = amounts.length;
  let s = 0;
  for (const a of amounts) s += a;
  const meanWon = s / n;
  let v = 0;
  for (const a of amounts) v += (a - meanWon) ** 2;
  const meanWonSe = n > 1 ? Math.sqrt(v / (n - 1) / n) : NaN;
  const meanLognormal = fit.median * Math.exp((fit.sigma * fit.sigma) / 2);
  const ad = andersonDarling(amounts.filter((a) => a > 0).map(Math.log));
  const rejected = ad.pValue < LOGNORMAL_ALPHA;
  const meanOff = !(Math.abs(meanLognormal - meanWon) <= meanWonSe);
  const lognormal = !rejected && !meanOff;
  const pText = ad.adjusted >= 10 ? `p < ${sig(ad.pValue, 2)}` : `p = ${sig(ad.pValue, 2)}`;
  const reason = rejected
    ? `lognormal rejected (Anderson-Darling on log amounts: A² = ${sig(ad.statistic)}, ${pText} < ${LOGNORMAL_ALPHA})`
    : meanOff
      ? `the lognormal's mean ${sig(meanLognormal)} is more than one SE (${sig(meanWonSe)}) from the mean won amount ${sig(meanWon)}`
      : `lognormal not rejected (Anderson-Darling on log amounts: A² = ${sig(ad.statistic)}, ${pText}) and its mean is within one SE of the mean won amount`;
  return {
    distribution: lognormal ? 'lognormal' : 'empirical',
    test: { ...ad, alpha: LOGNORMAL_ALPHA, rejected },
    meanWon,
    meanWonSe,
    meanLognormal,
    meanFitted: lognormal ? meanLognormal : meanWon,
    reason,
  };
}

const sig = (x: number, d = 4) => (Number.isFinite(x) ? Number(x.toPrecision(d)) : x);
