/**
 * Counts the values of a column into `counts` (counts[v] += 1 for each value v) when every value is an
 * integer in [0, counts.length): the one pass behind the counting statistics of head-count columns.
 * Returns false, leaving `counts` partly filled, at the first value that is not such an integer
 * (negative, fractional, NaN or too large), so the caller can take the general path instead.
 * @example
 * const counts = new Int32Array(4);
 * countIntegers([0, 2, 2, 3], counts) // true
 * Array.from(counts) // [1, 0, 2, 1]
 * countIntegers([1.5], new Int32Array(4)) // false
 */
export function countIntegers(values: ArrayLike<number>, counts: Int32Array): boolean {
  const cap = counts.length;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!(v >= 0 && v < cap) || (v | 0) !== v) return false;
    counts[v]++;
  }
  return true;
}
