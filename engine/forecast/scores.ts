/**
 * Scores of a forecast distribution (a sample of simulated outcomes) against what happened.
 *
 * - PIT (probability integral transform): the share of the sample below the actual, ties counting half;
 *   uniform on (0, 1) across forecasts when the forecasts are calibrated.
 * - CRPS (continuous ranked probability score, Gneiting & Raftery 2007): E|X - y| - E|X - X'| / 2 over the
 *   sample, in the outcome's units, lower is better; for a point forecast x it is |x - y|.
 * - Central intervals: whether the actual lies inside [P10, P90] and [P25, P75].
 */
import { quantileSorted } from '../stats/quantile.js';
import { gammaP } from '../random/gammaCdf.js';

/** The scores of one forecast. */
export interface DistributionScore {
  actual: number;
  mean: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  pit: number;
  crps: number;
  inside80: boolean;
  inside50: boolean;
}

/**
 * Scores a sample against the actual (the sample is sorted in place).
 * @example scoreSample(Float64Array.from([1, 2, 3, 4]), 2.5).pit // 0.5
 */
export function scoreSample(sample: Float64Array, actual: number): DistributionScore {
  const n = sample.length;
  sample.sort();
  let below = 0,
    ties = 0,
    absErr = 0,
    spread = 0,
    sum = 0;
  for (let i = 0; i < n; i++) {
    const x = sample[i];
    if (x < actual) below++;
    else if (x === actual) ties++;
    absErr += Math.abs(x - actual);
    // sum over pairs |x_i - x_j| = 2 sum_i (2i - n + 1) x_(i) for the sorted sample
    spread += (2 * i - n + 1) * x;
    sum += x;
  }
  const q = (p: number) => quantileSorted(sample, p);
  const p10 = q(0.1),
    p25 = q(0.25),
    p75 = q(0.75),
    p90 = q(0.9);
  return {
    actual,
    mean: sum / n,
    p10,
    p25,
    p50: q(0.5),
    p75,
    p90,
    pit: (below + ties / 2) / n,
    crps: absErr / n - spread / (n * n),
    inside80: actual >= p10 && actual <= p90,
    inside50: actual >= p25 && actual <= p75,
  };
}

/**
 * Counts of PIT values in ten equal bins (a reliability histogram) and the chi-square test of uniformity on
 * them (9 df; with fewer than 5 expected per bin the approximation is rough, and the result says so).
 * @example pitHistogram([0.05, 0.15, 0.95]).counts // [1, 1, 0, 0, 0, 0, 0, 0, 0, 1]
 */
export function pitHistogram(pits: readonly number[]): { counts: number[]; chiSquare: number; df: number; pValue: number; test: string } {
  const counts = new Array<number>(10).fill(0);
  for (const p of pits) counts[Math.min(9, Math.max(0, Math.floor(p * 10)))]++;
  const e = pits.length / 10;
  const chiSquare = e > 0 ? counts.reduce((a, c) => a + (c - e) ** 2 / e, 0) : 0;
  const pValue = e > 0 ? 1 - gammaP(4.5, chiSquare / 2) : 1;
  const test = `chi-square on PIT deciles, 9 df, ${pits.length} forecasts${e < 5 ? ' (under 5 expected per decile: a rough test)' : ''}`;
  return { counts, chiSquare, df: 9, pValue, test };
}

/**
 * The Kolmogorov-Smirnov test of PIT values against the uniform: statistic D and its asymptotic p-value
 * (Kolmogorov distribution with Stephens' small-sample correction).
 * @example ksUniform([0.1, 0.5, 0.9]).d // ≈ 0.233
 */
export function ksUniform(pits: readonly number[]): { d: number; pValue: number; test: string } {
  const x = [...pits].sort((a, b) => a - b);
  const n = x.length;
  let d = 0;
  x.forEach((v, i) => {
    d = Math.max(d, (i + 1) / n - v, v - i / n);
  });
  const t = (Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n)) * d;
  let p = 0;
  for (let k = 1; k <= 100; k++) p += 2 * (k % 2 ? 1 : -1) * Math.exp(-2 * k * k * t * t);
  return { d, pValue: n === 0 ? 1 : Math.min(1, Math.max(0, p)), test: `Kolmogorov-Smirnov against the uniform, ${n} PIT values` };
}
