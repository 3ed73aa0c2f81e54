import { normal } from './normal.js';

/**
 * A lognormal draw with the given median and log-scale sigma (one uniform, by inversion).
 * Mean = median * exp(sigma^2 / 2).
 * @example
 * const S = createStreams(1);
 * seedStream(S, 0, 1, 2, 3); // stream 0, from trial key (1, 2) and stream id 3
 * lognormal(S, 0, 25000, 0.8) > 0 // true
 * lognormal(S, 0, 25000, 0) // 25000
 */
export function lognormal(S: Int32Array, i: number, median: number, sigma: number): number {
  return sigma === 0 ? median : median * Math.exp(sigma * normal(S, i));
}
