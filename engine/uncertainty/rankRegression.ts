import { cholesky } from './correlationMatrix.js';
import { pearson } from './pearson.js';
import { ranks } from './ranks.js';

/**
 * Standardised rank regression of y on the k columns of X (n x k, row-major): the coefficients of the
 * least-squares fit of rank(y) on rank(x_j), all standardised (SRRC), and its R². For independent
 * inputs SRRC_j² is the share of the variance of rank(y) due to input j and they add up to R²; for
 * correlated inputs they are each input's own share, and do not add up. A constant input gets 0.
 * @example rankRegression(Float64Array.from([1, 2, 3, 4]), 4, 1, Float64Array.from([2, 4, 6, 8])).srrc // [1]
 */
export function rankRegression(X: Float64Array, n: number, k: number, y: ArrayLike<number>): { srrc: number[]; r2: number } {
  const ry = ranks(y);
  const rx: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const col = new Float64Array(n);
    for (let t = 0; t < n; t++) col[t] = X[t * k + j];
    rx.push(ranks(col));
  }
  const live = rx.map((c) => c.some((v) => v !== c[0])).map((b, j) => (b ? j : -1)).filter((j) => j >= 0);
  const m = live.length;
  const srrc = new Array<number>(k).fill(0);
  if (m === 0 || !ry.some((v) => v !== ry[0])) return { srrc, r2: 0 };
  const A = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    b[a] = pearson(rx[live[a]], ry);
    for (let c = 0; c <= a; c++) A[a * m + c] = A[c * m + a] = a === c ? 1 : pearson(rx[live[a]], rx[live[c]]);
  }
  // a tiny ridge keeps exactly collinear inputs solvable
  for (let a = 0; a < m; a++) A[a * m + a] += 1e-10;
  const L = cholesky(A, m);
  if (!L) return { srrc, r2: NaN };
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let l = 0; l < i; l++) s -= L[i * m + l] * z[l];
    z[i] = L[i * m + i] > 0 ? s / L[i * m + i] : 0;
  }
  const beta = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i];
    for (let l = i + 1; l < m; l++) s -= L[l * m + i] * beta[l];
    beta[i] = L[i * m + i] > 0 ? s / L[i * m + i] : 0;
  }
  let r2 = 0;
  for (let a = 0; a < m; a++) {
    srrc[live[a]] = beta[a];
    r2 += beta[a] * b[a];
  }
  return { srrc, r2 };
}
