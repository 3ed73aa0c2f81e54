import { gamma } from './gamma.js';

/**
 * A Beta draw by mean and concentration (a = mean x k, b = (1 - mean) x k), as a ratio of gammas.
 * Variance mean (1 - mean) / (k + 1).
 * @example
 * const S = createStreams(1);
 * seedStream(S, 0, 1, 2, 3); // stream 0, from trial key (1, 2) and stream id 3
 * const p = betaMeanConcentration(S, 0, 0.25, 8);
 * p > 0 && p < 1 // true
 */
export function betaMeanConcentration(S: Int32Array, i: number, mean: number, concentration: number): number {
  if (mean <= 0) return 0;
  if (mean >= 1) return 1;
  // a shape that underflows to 0 (mean or concentration near the smallest doubles): the Beta's limit
  if (mean * concentration === 0) return 0;
  if ((1 - mean) * concentration === 0) return 1;
  const x = gamma(S, i, mean * concentration, 1);
  const y = gamma(S, i, (1 - mean) * concentration, 1);
  const s = x + y;
  return s > 0 ? x / s : mean;
}
