/**
 * Top-k membership by value (descending, ties by ascending index) without sorting objects or calling a
 * comparator: the k-th highest value by a typed-array sort of the values, then one pass in index order.
 * The kernel's, as two mechanisms rank by it: the enablement bar (top 20% of seated reps) and the core's top-vs-bottom split of persons.
 */

/**
 * Marks in `top` (1/0) which of the `n` entries `ids[0..n)` (ascending) are among the k highest of
 * `values[id]`, ties broken by the lower id; returns the k-th highest value (Infinity when k = 0).
 * `keys` is scratch of length >= n.
 * @example
 * const top = new Uint8Array(3);
 * topK(Float64Array.of(0.2, 0.4, 0.2), Int32Array.of(0, 1, 2), 3, 2, new Float64Array(3), top); // 0.2
 * Array.from(top) // [1, 1, 0]
 */
export function topK(values: Float64Array, ids: Int32Array, n: number, k: number, keys: Float64Array, top: Uint8Array): number {
  if (k <= 0 || n === 0) {
    top.fill(0, 0, n);
    return Infinity;
  }
  for (let i = 0; i < n; i++) keys[i] = values[ids[i]];
  const sorted = keys.subarray(0, n).sort();
  const thr = sorted[n - k];
  let above = 0;
  for (let i = n - k + 1; i < n; i++) if (sorted[i] > thr) above++;
  let ties = k - above;
  for (let i = 0; i < n; i++) {
    const v = values[ids[i]];
    top[i] = v > thr || (v === thr && ties-- > 0) ? 1 : 0;
  }
  return thr;
}
