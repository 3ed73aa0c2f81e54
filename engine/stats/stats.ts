import type { Stats } from './statsType.js';
import { quantileSorted } from './quantile.js';
import { quantilesBucket } from './select.js';
import { PERCENTILES as PS } from './percentiles.js';

export { quantileSorted };

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
  const n = finitePass(values, pass);
  if (n === 0) return null;
  const sum = pass[0],
    lo = pass[1],
    hi = pass[2];
  // a float column without NaN or infinities is read where it is; anything else is copied (finite values only)
  let xs: Float64Array<ArrayBufferLike> | Float32Array<ArrayBufferLike>;
  if (n === n0 && (values instanceof Float64Array || values instanceof Float32Array)) xs = values;
  else {
    let buf = scratch;
    if (buf.length < n) {
      buf = new Float64Array(n);
      if (n <= KEEP_SCRATCH) scratch = buf;
    }
    copyFinite(values, buf);
    xs = buf;
  }
  const mean = sum / n;
  // exact type-7 percentiles without a sort: counting for small-range integers (head counts), else
  // buckets (which add up the squared deviations in the same pass); both identical to interpolating the
  // sorted values
  const q = new Float64Array(PS.length);
  let ss: number;
  if (lo !== hi && !(hi - lo < MAX_COUNT_RANGE && hi - lo < n && allIntegers(xs, n))) ss = quantilesBucket(xs, n, lo, hi, PS, q, mean);
  else {
    ss = squaredDeviations(xs, n, mean);
    if (lo === hi) q.fill(lo + 0);
    else quantilesCounting(xs, n, lo, hi, q);
  }
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, p5: q[0], p10: q[1], p25: q[2], p50: q[3], p75: q[4], p90: q[5], p95: q[6] };
}

// The passes over the values are functions of their own: small functions are optimised whole, early and
// with complete type feedback (a loop in a long function runs as on-stack-replaced code that bails out at
// its exit on every call until the whole function is optimised).

/** sum, smallest and largest finite value of the last `finitePass` */
const pass = new Float64Array(3);

/** Counts the finite values; writes their sum (in order), smallest and largest value to out[0..2]. */
function finitePass(values: ArrayLike<number>, out: Float64Array): number {
  let n = 0;
  let sum = 0;
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v === 0) {
      // finite (NaN - NaN and ±Infinity - ±Infinity are NaN)
      n++;
      sum += v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  out[0] = sum;
  out[1] = lo;
  out[2] = hi;
  return n;
}

/** Copies the finite values to `to`, in order. */
function copyFinite(values: ArrayLike<number>, to: Float64Array): void {
  for (let i = 0, j = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v === 0) to[j++] = v;
  }
}

/** Sum of (x - mean)² over xs[0..n), in order. */
function squaredDeviations(xs: ArrayLike<number>, n: number, mean: number): number {
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    ss += d * d;
  }
  return ss;
}

/** Whether xs[0..n) are all integers (in int32 range). */
function allIntegers(xs: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n; i++) if ((xs[i] | 0) !== xs[i]) return false;
  return true;
}

/** Type-7 quantiles of integer values in [lo, hi] by counting (the order statistic at rank r is the value whose cumulative count passes r). */
function quantilesCounting(xs: ArrayLike<number>, n: number, lo: number, hi: number, out: Float64Array): void {
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
 * Equal-width histogram of the finite values over [min, max] (`bins` bins, or given edges: then `bins` is
 * not read and no pass looks for the min and max).
 * @example histogram([0, 1, 2, 3], 3).counts // [1, 1, 2]
 */
export function histogram(values: ArrayLike<number>, bins: number, edges?: number[]): { edges: number[]; counts: number[] } {
  if (!edges) {
    let lo = Infinity,
      hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (lo === Infinity) return { edges: [], counts: [] };
    if (hi === lo) hi = lo + 1;
    edges = Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
  }
  const k = edges.length - 1;
  if (!(k >= 1)) throw new RangeError('histogram: at least one bin');
  const counts = new Float64Array(k);
  binPass(values, edges[0], (edges[k] - edges[0]) / k, counts);
  return { edges, counts: Array.from(counts) };
}

/**
 * Counts each finite value in bin floor((v - e0) / width), clamped to the bins (clamped before it is
 * truncated, which is the same bin; a quotient that is NaN, from edges of no width, counts nowhere).
 */
function binPass(values: ArrayLike<number>, e0: number, width: number, counts: Float64Array): void {
  const last = counts.length - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v !== 0) continue; // NaN or infinite
    const q = (v - e0) / width;
    let b: number;
    if (q >= last) b = last;
    else if (q >= 0) b = q | 0;
    else if (q < 0) b = 0;
    else continue;
    counts[b]++;
  }
}
