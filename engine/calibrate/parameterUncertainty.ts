/**
 * What the data cannot tell (issue 25): the fitted rates written as distributions, for the scenario's
 * `uncertainty.parameters` (engine/uncertainty/*), so that every trial of a forecast or back-test draws them
 * and a short window widens the bands by itself.
 *
 * - a probability estimated from d events in n trials (no-decision rate, each age's resolution chance): the
 *   Jeffreys posterior Beta(d + 1/2, n - d + 1/2), written { beta: { mean: (d + 1/2) / (n + 1), concentration:
 *   n + 1 } } (near zero, not zero, where nothing happened: an age at which no deal ever resolved);
 * - the win rate's mean (beta-binomial ML): a Beta with the ML mean and the variance of its standard error,
 *   concentration m (1 - m) / SE^2 - 1;
 * - a positive rate or scale with a standard error (opportunities per rep-month, the deal size median, the cycle):
 *   a lognormal with the estimate as median and sigma = SE / estimate (the delta method on the log; for the
 *   Poisson rate this is the large-count form of its gamma posterior).
 *
 * Not covered: empirical deal sizes (a price list is taken as known), the market's growth and seasonality,
 * the spread of win rates between reps (its concentration), attrition and ramp.
 */
import type { Distribution } from '../uncertainty/distribution.js';

export interface UncertainInput {
  path: string;
  distribution: Distribution;
}

/**
 * The Jeffreys posterior of d events in n trials, or null when n = 0.
 * @example jeffreysBeta(3, 10) // { beta: { mean: 3.5 / 11, concentration: 11 } }
 */
export function jeffreysBeta(d: number, n: number): Distribution | null {
  if (!(n > 0)) return null;
  return { beta: { mean: (d + 0.5) / (n + 1), concentration: n + 1 } };
}

/**
 * A Beta with mean m and standard deviation se, or null when it does not exist (se too large or m at a bound).
 * @example betaFromSe(0.3, 0.03).beta.concentration // 0.21 / 0.0009 - 1 ≈ 232.3
 */
export function betaFromSe(m: number, se: number | null): Distribution | null {
  if (se === null || !(se > 0) || !(m > 0 && m < 1)) return null;
  const c = (m * (1 - m)) / (se * se) - 1;
  return c > 0 ? { beta: { mean: m, concentration: c } } : null;
}

/**
 * A lognormal with median x and sigma se / x, or null without a positive estimate and SE.
 * @example lognormalFromSe(4, 0.2) // { lognormal: { median: 4, sigma: 0.05 } }
 */
export function lognormalFromSe(x: number, se: number | null): Distribution | null {
  if (se === null || !(x > 0) || !(se > 0) || !Number.isFinite(se)) return null;
  return { lognormal: { median: x, sigma: se / x } };
}
