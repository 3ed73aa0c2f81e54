/**
 * Inequality of a trial's person revenues, from the piecewise-linear Lorenz curve through
 * (i/n, C_i / C_n) of the ascending values.
 */

/**
 * Writes the exclusive prefix sums of `sorted` into `cum` (cum[i] = sorted[0] + ... + sorted[i-1]) and
 * returns the total. `cum` must hold at least `sorted.length` values.
 * @example
 * const cum = new Float64Array(3);
 * prefixSums(Float64Array.of(1, 2, 3), cum) // 6
 * Array.from(cum) // [0, 1, 3]
 */
export function prefixSums(sorted: ArrayLike<number>, cum: Float64Array): number {
  const n = sorted.length;
  if (cum.length < n) throw new RangeError('prefixSums: cum is shorter than the values');
  let acc = 0;
  for (let i = 0; i < n; i++) {
    cum[i] = acc;
    acc += sorted[i];
  }
  return acc;
}

/**
 * Lorenz curve value at x (0..1) for ascending `sorted` values, their prefix sums `cum` (see
 * `prefixSums`) and total > 0, interpolating linearly; O(1).
 * @example
 * const v = Float64Array.of(0, 0, 0, 0, 1), cum = new Float64Array(5);
 * lorenzAt(v, cum, prefixSums(v, cum), 0.8) // 0
 */
export function lorenzAt(sorted: ArrayLike<number>, cum: ArrayLike<number>, total: number, x: number): number {
  const n = sorted.length;
  const pos = x * n;
  const i = Math.min(n - 1, Math.floor(pos));
  return (cum[i] + (pos - i) * sorted[i]) / total;
}

/**
 * Gini coefficient from the same curve: 1 - sum over persons of (1/n)(L_{i-1} + L_i).
 * @example gini(new Float64Array([1, 1, 1, 1])) // 0
 */
export function gini(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  if (!(total > 0)) return NaN;
  let cum = 0,
    area = 0;
  for (let i = 0; i < n; i++) {
    const prev = cum;
    cum += sorted[i];
    area += (prev + cum) / total;
  }
  return 1 - area / n;
}
