/**
 * Small numerical tools for maximum likelihood: Nelder-Mead minimisation and a central-difference
 * Hessian with its inverse (the observed-information covariance) for two parameters.
 */

/**
 * Minimises f from x0 by Nelder-Mead (standard coefficients), to a tolerance on f.
 * @example nelderMead(([a, b]) => (a - 1) ** 2 + (b + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function nelderMead(f: (x: number[]) => number, x0: number[], opts: { step?: number; tol?: number; maxIter?: number } = {}): { x: number[]; value: number } {
  const n = x0.length;
  const step = opts.step ?? 0.5;
  const tol = opts.tol ?? 1e-10;
  const maxIter = opts.maxIter ?? 2000;
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += step;
    simplex.push(p);
  }
  let values = simplex.map(f);
  for (let it = 0; it < maxIter; it++) {
    const order = values.map((v, i) => i).sort((a, b) => values[a] - values[b]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[n] - values[0]) <= tol * (Math.abs(values[0]) + tol)) break;
    const centroid = new Array(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const xr = along(-1);
    const fr = f(xr);
    if (fr < values[0]) {
      const xe = along(-2);
      const fe = f(xe);
      if (fe < fr) [simplex[n], values[n]] = [xe, fe];
      else [simplex[n], values[n]] = [xr, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [xr, fr];
    } else {
      const xc = fr < values[n] ? along(-0.5) : along(0.5);
      const fc = f(xc);
      if (fc < Math.min(fr, values[n])) [simplex[n], values[n]] = [xc, fc];
      else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = f(simplex[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
  return { x: simplex[best], value: values[best] };
}

/**
 * Hessian of f at x by central differences with step h per coordinate.
 * @example hessian(([a, b]) => a * a + 3 * a * b, [1, 1])[0][1] // ≈ 3
 */
export function hessian(f: (x: number[]) => number, x: number[], h = 1e-4): number[][] {
  const n = x.length;
  const H = Array.from({ length: n }, () => new Array(n).fill(0));
  const at = (di: number, si: number, dj: number, sj: number) => {
    const p = x.slice();
    p[di] += si * h;
    p[dj] += sj * h;
    return f(p);
  };
  const f0 = f(x);
  for (let i = 0; i < n; i++) {
    H[i][i] = (at(i, 1, i, 0) - 2 * f0 + at(i, -1, i, 0)) / (h * h);
    for (let j = i + 1; j < n; j++) {
      H[i][j] = H[j][i] = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h);
    }
  }
  return H;
}

/**
 * Inverse of a 2 x 2 matrix; null when singular or not positive definite.
 * @example invert2([[2, 0], [0, 4]]) // [[0.5, 0], [0, 0.25]]
 */
export function invert2(m: number[][]): number[][] | null {
  const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  if (!(det > 0) || !(m[0][0] > 0)) return null;
  return [
    [m[1][1] / det, -m[0][1] / det],
    [-m[1][0] / det, m[0][0] / det],
  ];
}
