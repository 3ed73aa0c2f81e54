/**
 * Inequality of a trial's person revenues, from the piecewise-linear Lorenz curve through
 * (i/n, C_i / C_n) of the ascending values.
 */

/**
 * Lorenz curve value at x (0..1) for ascending `sorted` values with total `total` > 0, interpolating linearly.
 * @example lorenzAt(new Float64Array([0, 0, 0, 0, 1]), 1, 0.8) // 0
 */
export function lorenzAt(sorted: ArrayLike<number>, total: number, x: number): number {
  const n = sorted.length;
  const pos = x * n;
  const i = Math.min(n - 1, Math.floor(pos));
  let cum = 0;
  for (let j = 0; j < i; j++) cum += sorted[j];
  return (cum + (pos - i) * sorted[i]) / total;
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
