import { normal } from './normal.js';

/**
 * A lognormal draw with the given median and log-scale sigma (one uniform, by inversion).
 * Mean = median * exp(sigma^2 / 2).
 * @example // size = lognormal(S, i, 25000, 0.8)
 */
export function lognormal(S: Int32Array, i: number, median: number, sigma: number): number {
  return sigma === 0 ? median : median * Math.exp(sigma * normal(S, i));
}
