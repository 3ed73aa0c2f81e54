/**
 * Jansen's estimators of first-order and total Sobol indices from Saltelli's plan (Saltelli et al.
 * 2010, table 2, estimators (b) and (f); Jansen 1999):
 *
 *   V    = variance of the 2n outputs f(A), f(B)
 *   S_i  = (V - 1/(2n) sum_j (f(B)_j - f(AB_i)_j)^2) / V
 *   ST_i = 1/(2n) sum_j (f(A)_j - f(AB_i)_j)^2 / V
 *
 * f(B) and f(AB_i) share only input i, so half their mean squared difference is V - V_i; f(A) and
 * f(AB_i) share every input but i, so half theirs is E[Var(Y | X_~i)] = V_Ti.
 */

/** Indices of one resample: rows `rows` (indices into 0..n-1, repeats allowed) of the stacked outputs. */
export interface JansenEstimate {
  mean: number;
  variance: number;
  first: Float64Array;
  total: Float64Array;
}

/**
 * Jansen's estimates from the stacked outputs y = [f(A); f(B); f(AB_1); ...; f(AB_k)] (n each), over
 * the rows listed in `rows` (all rows when omitted; a bootstrap passes a resample).
 * @example jansen(Float64Array.from([0, 1, 1, 0, 1, 0]), 2, 1).total[0] // 1: the only input is everything
 */
export function jansen(y: ArrayLike<number>, n: number, k: number, rows?: ArrayLike<number>): JansenEstimate {
  const m = rows ? rows.length : n;
  const at = (r: number) => (rows ? rows[r] : r);
  let s = 0;
  for (let r = 0; r < m; r++) s += y[at(r)] + y[n + at(r)];
  const mean = s / (2 * m);
  let v = 0;
  for (let r = 0; r < m; r++) {
    const a = y[at(r)] - mean;
    const b = y[n + at(r)] - mean;
    v += a * a + b * b;
  }
  const variance = v / (2 * m - 1);
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const o = (2 + i) * n;
    let sb = 0,
      sa = 0;
    for (let r = 0; r < m; r++) {
      const j = at(r);
      const db = y[n + j] - y[o + j];
      const da = y[j] - y[o + j];
      sb += db * db;
      sa += da * da;
    }
    first[i] = variance > 0 ? (variance - sb / (2 * m)) / variance : 0;
    total[i] = variance > 0 ? sa / (2 * m) / variance : 0;
  }
  return { mean, variance, first, total };
}
