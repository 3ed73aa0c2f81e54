import { pearson } from './pearson.js';
import { ranks } from './ranks.js';

/**
 * Spearman rank correlation (Pearson correlation of the ranks, ties averaged).
 * @example spearman([1, 2, 3, 4], [1, 4, 9, 16]) // 1
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(ranks(x), ranks(y));
}

/**
 * Standard error of a sample rank correlation r from n pairs: (1 - r²) sqrt(1.06 / (n - 3)) (the
 * Fieller-Hartley-Pearson variance of Fisher's z for Spearman's rho, mapped back by the delta method).
 * @example spearmanSe(0, 109) // 0.1
 */
export function spearmanSe(r: number, n: number): number {
  return n > 3 ? (1 - r * r) * Math.sqrt(1.06 / (n - 3)) : NaN;
}
