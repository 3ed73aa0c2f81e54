/**
 * One column of a Latin hypercube over n trials: trial t gets (stratum[t] + jitter[t]) / n, where
 * `stratum` is a permutation of 0..n-1 and jitter[t] in (0, 1), so each of the n equal-probability
 * strata of (0, 1) holds exactly one draw.
 * @example latinHypercube(Int32Array.from([1, 0]), Float64Array.from([0.5, 0.5])) // [0.75, 0.25]
 */
export function latinHypercube(stratum: Int32Array, jitter: ArrayLike<number>): Float64Array {
  const n = stratum.length;
  if (jitter.length !== n) throw new RangeError('latinHypercube: one jitter per trial');
  const u = new Float64Array(n);
  for (let t = 0; t < n; t++) u[t] = (stratum[t] + jitter[t]) / n;
  return u;
}
