import type { Stats } from '../types.js';
import { quantileSorted } from './quantile.js';
import { quantilesBucket } from './select.js';

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

/** Reused scratch for the finite values (kept only while small, so a huge column does not stay resident). */
let scratch = new Float64Array(0);
const KEEP_SCRATCH = 1 << 20;
let countScratch = new Int32Array(0);
/** Integer-valued columns whose range is at most this (and at most n) take the counting path. */
const MAX_COUNT_RANGE = 1 << 16;

/** As `stats`, but null when there is no finite value. */
export function statsOrNull(values: ArrayLike<number>): Stats | null {
  const n0 = values.length;
  let xs = scratch;
  if (xs.length < n0) {
    xs = new Float64Array(n0);
    if (n0 <= KEEP_SCRATCH) scratch = xs;
  }
  let n = 0;
  let sum = 0;
  let lo = Infinity,
    hi = -Infinity;
  let integers = true;
  for (let i = 0; i < n0; i++) {
    const v = values[i];
    if (v === v && v !== Infinity && v !== -Infinity) {
      xs[n++] = v;
      sum += v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if ((v | 0) !== v) integers = false;
    }
  }
  if (n === 0) return null;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    ss += d * d;
  }
  // exact type-7 percentiles without a sort: counting for small-range integers (head counts), else
  // selection; both identical to interpolating the sorted values
  const q = new Float64Array(PS.length);
  if (lo === hi) q.fill(lo + 0);
  else if (integers && hi - lo < MAX_COUNT_RANGE && hi - lo < n) quantilesCounting(xs, n, lo, hi, q);
  else quantilesBucket(xs, n, lo, hi, PS, q);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, p5: q[0], p10: q[1], p25: q[2], p50: q[3], p75: q[4], p90: q[5], p95: q[6] };
}

/** Type-7 quantiles of integer values in [lo, hi] by counting (the order statistic at rank r is the value whose cumulative count passes r). */
function quantilesCounting(xs: Float64Array, n: number, lo: number, hi: number, out: Float64Array): void {
  const R = hi - lo + 1;
  if (countScratch.length < R) countScratch = new Int32Array(R);
  const counts = countScratch;
  counts.fill(0, 0, R);
  for (let i = 0; i < n; i++) counts[(xs[i] - lo) | 0]++;
  for (let j = 0; j < PS.length; j++) {
    const h = (n - 1) * PS[j];
    const r = Math.floor(h);
    const a = orderStat(counts, R, r) + lo;
    const b = r + 1 < n ? orderStat(counts, R, r + 1) + lo : a;
    out[j] = a + (h - r) * (b - a);
  }
}

/** The value index (0-based into counts) of the order statistic with 0-based rank r. */
function orderStat(counts: Int32Array, R: number, r: number): number {
  let acc = 0;
  for (let v = 0; v < R; v++) {
    acc += counts[v];
    if (acc > r) return v;
  }
  return R - 1;
}

/** Head-count columns with values in [0, INT_CAP) take the one-pass counting path of `statsIntColumns`. */
const INT_CAP = 1024;

/**
 * `stats` of every column of a row-major (rows x cols) array whose values are all integers in
 * [0, 1024) (head counts), in one row-major pass that counts values per column: no column extraction,
 * no sort. The mean and the percentiles equal `stats` of each column exactly (integer sums are exact in
 * any order); the sd is summed by value instead of by trial, so it may differ from `stats` in the last
 * bits. Returns null (the caller takes the general path) when a value is negative, fractional, NaN or
 * too large.
 * @example statsIntColumns(Float64Array.of(1, 2, 3, 4), 2, 2)![1].p50 // 3
 */
export function statsIntColumns(a: ArrayLike<number>, rows: number, cols: number): Stats[] | null {
  if (rows === 0 || cols === 0) return null;
  const counts = new Int32Array(INT_CAP * cols);
  const n = rows * cols;
  for (let i = 0, m = 0; i < n; i++) {
    const v = a[i];
    if (!(v >= 0 && v < INT_CAP) || (v | 0) !== v) return null;
    counts[m * INT_CAP + v]++;
    if (++m === cols) m = 0;
  }
  const out: Stats[] = [];
  const q = new Float64Array(PS.length);
  for (let m = 0; m < cols; m++) {
    const c = counts.subarray(m * INT_CAP, (m + 1) * INT_CAP);
    let sum = 0;
    for (let v = 1; v < INT_CAP; v++) sum += c[v] * v;
    const mean = sum / rows;
    let ss = 0;
    for (let v = 0; v < INT_CAP; v++) {
      if (c[v] === 0) continue;
      const d = v - mean;
      ss += c[v] * d * d;
    }
    for (let j = 0; j < PS.length; j++) {
      const h = (rows - 1) * PS[j];
      const r = Math.floor(h);
      const x = orderStat(c, INT_CAP, r);
      const y = r + 1 < rows ? orderStat(c, INT_CAP, r + 1) : x;
      q[j] = x + (h - r) * (y - x);
    }
    out.push({ mean, sd: rows > 1 ? Math.sqrt(ss / (rows - 1)) : 0, p5: q[0], p10: q[1], p25: q[2], p50: q[3], p75: q[4], p90: q[5], p95: q[6] });
  }
  return out;
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
