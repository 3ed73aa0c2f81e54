import { quantileSorted as typeSevenQuantile } from 'simple-statistics';

/**
 * Exact quantile of sorted values, type 7 (linear interpolation between the order statistics at
 * (n - 1) p, as R's default and numpy's 'linear'): simple-statistics `quantileSorted` (the test pins
 * it to type 7), with a zero always +0, as the engine's own percentile algorithms give it.
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('quantileSorted: no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError('quantileSorted: p must be between 0 and 1');
  return typeSevenQuantile(sorted as readonly number[], p) + 0;
}
