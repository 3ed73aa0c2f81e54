/**
 * Cholesky factor L (lower triangular, row-major n x n) of a symmetric positive semi-definite matrix,
 * or null when it is not positive semi-definite (a pivot below -1e-10). Zero pivots (a correlation of
 * exactly ±1) give a zero column, so singular PSD matrices factor too.
 * @example cholesky(Float64Array.from([1, 0.5, 0.5, 1]), 2) // [1, 0, 0.5, 0.866…]
 */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= L[j * n + k] * L[j * n + k];
    if (d < -1e-10) return null;
    const ljj = d > 1e-12 ? Math.sqrt(d) : 0;
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (ljj === 0) {
        if (Math.abs(s) > 1e-8) return null;
        L[i * n + j] = 0;
      } else L[i * n + j] = s / ljj;
    }
  }
  return L;
}
