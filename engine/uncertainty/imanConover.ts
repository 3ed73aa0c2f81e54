import { normalQuantile } from '../random/normal.js';
import { cholesky } from './correlationMatrix.js';
import { pearson } from './pearson.js';

/**
 * Iman-Conover (1982) rank correlation: reorders the values of the columns `cols` of `u` (n rows x k
 * columns, row-major; each column's values are kept, only their order across rows changes, so a Latin
 * hypercube stays one). Scores: van der Waerden normal scores Φ^-1(i / (n + 1)) in the random order
 * `scoreOrder[c]` (a permutation of 0..n-1 per listed column); their sample correlation T = Q Q' is
 * turned into the target C = P P' by R* = R (P Q^-1)'; each column then takes its values in the rank
 * order of R*'s column. `target` is the |cols| x |cols| correlation of the normal scores (row-major).
 * Returns false (and changes nothing) when the scores' correlation matrix is singular (n <= |cols|).
 * @example // imanConover(u, 1000, 2, [0, 1], Float64Array.from([1, 0.5, 0.5, 1]), [perm0, perm1])
 */
export function imanConover(u: Float64Array, n: number, k: number, cols: readonly number[], target: Float64Array, scoreOrder: readonly Int32Array[]): boolean {
  const m = cols.length;
  const vdw = new Float64Array(n);
  for (let i = 0; i < n; i++) vdw[i] = normalQuantile((i + 1) / (n + 1));
  const R = cols.map((_, c) => {
    const col = new Float64Array(n);
    for (let t = 0; t < n; t++) col[t] = vdw[scoreOrder[c][t]];
    return col;
  });
  const T = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) T[a * m + b] = a === b ? 1 : b < a ? T[b * m + a] : pearson(R[a], R[b]);
  const Q = cholesky(T, m);
  const P = cholesky(target, m);
  if (!Q || !P) return false;
  for (let j = 0; j < m; j++) if (!(Q[j * m + j] > 1e-9)) return false;
  // Qinv: inverse of the lower-triangular Q; M = P Qinv (lower triangular)
  const Qi = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    Qi[j * m + j] = 1 / Q[j * m + j];
    for (let i = j + 1; i < m; i++) {
      let s = 0;
      for (let l = j; l < i; l++) s -= Q[i * m + l] * Qi[l * m + j];
      Qi[i * m + j] = s / Q[i * m + i];
    }
  }
  const M = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j <= i; j++) {
    let s = 0;
    for (let l = j; l <= i; l++) s += P[i * m + l] * Qi[l * m + j];
    M[i * m + j] = s;
  }
  const col = new Float64Array(n);
  const sorted = new Float64Array(n);
  for (let c = 0; c < m; c++) {
    for (let t = 0; t < n; t++) {
      let s = 0;
      for (let l = 0; l <= c; l++) s += M[c * m + l] * R[l][t];
      col[t] = s;
    }
    const order = Array.from({ length: n }, (_, t) => t).sort((a, b) => col[a] - col[b] || a - b);
    const j = cols[c];
    for (let t = 0; t < n; t++) sorted[t] = u[t * k + j];
    sorted.sort();
    for (let r = 0; r < n; r++) u[order[r] * k + j] = sorted[r];
  }
  return true;
}
