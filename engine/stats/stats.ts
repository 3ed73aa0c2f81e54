import type { Stats } from '../types.js';
import { quantileSorted } from './quantile.js';

export { quantileSorted };

const PS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

/**
 * Mean, sd (n - 1; 0 for one value) and exact type-7 percentiles of the finite values, summed in the
 * given order so a result never depends on how trials were chunked. NaN values (a trial where the
 * quantity is undefined, such as attainment without quota holders) are left out. Returns null when no
 * value is finite.
 * @example stats([1, 2, 3, 4, 5]).p50 // 3
 */
export function stats(values: ArrayLike<number>): Stats {
  const r = statsOrNull(values);
  if (!r) throw new RangeError('stats: no finite values');
  return r;
}

/** As `stats`, but null when there is no finite value. */
export function statsOrNull(values: ArrayLike<number>): Stats | null {
  const n0 = values.length;
  const xs = new Float64Array(n0);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < n0; i++) {
    const v = values[i];
    if (v === v && v !== Infinity && v !== -Infinity) {
      xs[n++] = v;
      sum += v;
    }
  }
  if (n === 0) return null;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    ss += d * d;
  }
  const sorted = xs.subarray(0, n).sort();
  const q = PS.map((p) => quantileSorted(sorted, p));
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, p5: q[0], p10: q[1], p25: q[2], p50: q[3], p75: q[4], p90: q[5], p95: q[6] };
}

/**
 * Wilson score interval for a binomial proportion (95% by default).
 * @example wilson(50, 100)[0] // ≈ 0.4038
 */
export function wilson(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (n <= 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Equal-width histogram of the finite values over [min, max] (`bins` bins, or given edges).
 * @example histogram([0, 1, 2, 3], 3).counts // [1, 1, 2]
 */
export function histogram(values: ArrayLike<number>, bins: number, edges?: number[]): { edges: number[]; counts: number[] } {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!edges) {
    if (lo === Infinity) return { edges: [], counts: [] };
    if (hi === lo) hi = lo + 1;
    edges = Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
  }
  const k = edges.length - 1;
  const counts = new Array<number>(k).fill(0);
  const e0 = edges[0],
    width = (edges[k] - e0) / k;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    let b = Math.floor((v - e0) / width);
    if (b < 0) b = 0;
    if (b >= k) b = k - 1;
    counts[b]++;
  }
  return { edges, counts };
}
