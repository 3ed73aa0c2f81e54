/**
 * Exact order statistics without sorting: Floyd-Rivest selection, and the type-7 quantiles of several
 * probabilities at once by selecting only the ranks they need (divide and conquer over the ranks, so
 * the work is about n log(ranks) instead of n log n). Results are identical to interpolating the
 * sorted values (`quantileSorted`).
 */
import { orderStatistics } from './orderStatistics.js';

/**
 * Rearranges `a[left..right]` so that a[k] is the value a full ascending sort would put there, every
 * value before it is <= a[k] and every value after it is >= a[k] (Floyd and Rivest, 1975).
 * @example const a = Float64Array.of(5, 1, 4, 2, 3); floydRivest(a, 2, 0, 4); a[2] // 3
 */
export function floydRivest(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      floydRivest(a, k, newLeft, newRight);
    }
    const t = a[k];
    let i = left;
    let j = right;
    a[k] = a[left];
    a[left] = t;
    if (a[right] > t) {
      a[left] = a[right];
      a[right] = t;
    }
    while (i < j) {
      const x = a[i];
      a[i] = a[j];
      a[j] = x;
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) {
      const x = a[left];
      a[left] = a[j];
      a[j] = x;
    } else {
      j++;
      const x = a[j];
      a[j] = a[right];
      a[right] = x;
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** Smallest value of a[left..right]. */
function minOf(a: Float64Array, left: number, right: number): number {
  let m = a[left];
  for (let i = left + 1; i <= right; i++) if (a[i] < m) m = a[i];
  return m;
}

/**
 * Puts the order statistics of the ascending `ranks` (distinct, within [left, right]) in place.
 */
function multiSelect(a: Float64Array, ranks: Int32Array, r0: number, r1: number, left: number, right: number): void {
  if (r0 > r1) return;
  const mid = (r0 + r1) >> 1;
  const k = ranks[mid];
  floydRivest(a, k, left, right);
  multiSelect(a, ranks, r0, mid - 1, left, k - 1);
  multiSelect(a, ranks, mid + 1, r1, k + 1, right);
}

/**
 * Type-7 quantiles (linear interpolation, as `quantileSorted` on the sorted values) of `a[0..n)` for
 * each probability in `ps`, written to `out`. Reorders `a` (the values themselves are kept). The values
 * must not be NaN.
 * @example
 * const out = new Float64Array(2);
 * quantilesSelect(Float64Array.of(4, 1, 3, 2), 4, [0.5, 1], out); Array.from(out) // [2.5, 4]
 */
export function quantilesSelect(a: Float64Array, n: number, ps: ArrayLike<number>, out: Float64Array): void {
  if (n === 0) throw new RangeError('quantilesSelect: no values');
  const m = ps.length;
  const los = new Int32Array(m);
  const rs: number[] = [];
  for (let i = 0; i < m; i++) {
    const p = ps[i];
    if (!(p >= 0 && p <= 1)) throw new RangeError('quantilesSelect: p must be between 0 and 1');
    const lo = Math.floor((n - 1) * p);
    los[i] = lo;
    rs.push(lo);
  }
  const ranks = Int32Array.from(new Set(rs)).sort();
  multiSelect(a, ranks, 0, ranks.length - 1, 0, n - 1);
  for (let i = 0; i < m; i++) {
    const h = (n - 1) * ps[i];
    const lo = los[i];
    const vlo = a[lo];
    if (lo + 1 >= n) {
      out[i] = vlo + (h - lo) * (vlo - vlo);
      continue;
    }
    // the next order statistic: a selected rank if it is one, else the minimum of the block above lo
    let next = lo + 1;
    let vhi: number;
    const nextSelected = ranks.indexOf(next) >= 0;
    if (nextSelected) vhi = a[next];
    else {
      let end = n - 1;
      for (let r = 0; r < ranks.length; r++) if (ranks[r] > lo) {
        end = ranks[r] - 1;
        break;
      }
      vhi = minOf(a, next, end);
      next = -1;
    }
    out[i] = vlo + (h - lo) * (vhi - vlo);
  }
}

/** buckets of the counting pass: 4096, or about n / 16 for large columns (at most 2^20) */
const MIN_BUCKETS = 4096;
const MAX_BUCKETS = 1 << 20;
/** counts of the usual size, reused (larger ones are not kept) */
const bucketCounts = new Int32Array(MIN_BUCKETS + 2);

/**
 * Counts the values per bucket (x = (v - lo) * scale; bucket 0 for x = 0, else trunc(x) + 1: the value
 * lo has a bucket of its own), counts.length - 1 at most; returns the sum of squared deviations from
 * `mean`, in order.
 */
function countPass(a: ArrayLike<number>, n: number, lo: number, scale: number, mean: number, counts: Int32Array): number {
  const top = counts.length - 1;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    const d = v - mean;
    ss += d * d;
    const x = (v - lo) * scale;
    let b = (x | 0) + +(x > 0);
    if (b > top) b = top;
    counts[b]++;
  }
  return ss;
}

/** Sum of (a[i] - mean)² over a[0..n), in order. */
function squaredDeviations(a: ArrayLike<number>, n: number, mean: number): number {
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] - mean;
    ss += d * d;
  }
  return ss;
}

/**
 * Type-7 quantiles of finite values in [lo, hi] (lo < hi, their smallest and largest) by a bucket
 * histogram: one counting pass over B equal-width buckets (B grows with n; the bucket index is monotone
 * in the value, so buckets are ordered, and the smallest value has a bucket of its own, so a run of ties
 * at the minimum, such as the exact zeros of attainment, is known from the counts), then
 * `orderStatistics` narrows the buckets holding the needed ranks down to their values (gathering small
 * ones, refining large ones in further passes), so skewed data (a long tail of outliers, most values in a
 * few buckets, many ties) needs neither a sort nor a copy of the values.
 * Identical to interpolating the sorted values. Does not reorder `a` (Float64 or Float32 values).
 * Returns the sum of the squared deviations of the values from `mean`, added in order in the counting
 * pass (a caller that needs the variance saves a pass over the values).
 * @example
 * const out = new Float64Array(1);
 * quantilesBucket(Float64Array.of(3, 1, 2), 3, 1, 3, [0.5], out, 2); // 2 (the squared deviations); out[0] // 2
 */
export function quantilesBucket(
  a: Float64Array<ArrayBufferLike> | Float32Array<ArrayBufferLike>,
  n: number,
  lo: number,
  hi: number,
  ps: ArrayLike<number>,
  out: Float64Array,
  mean = 0,
): number {
  const m = ps.length;
  // ranks needed: floor(h) and floor(h) + 1 (the last at most) for each p, distinct and ascending
  const rs: number[] = [];
  for (let j = 0; j < m; j++) {
    const p = ps[j];
    if (!(p >= 0 && p <= 1)) throw new RangeError('quantilesBucket: p must be between 0 and 1');
    const r = Math.floor((n - 1) * p);
    rs.push(r, Math.min(n - 1, r + 1));
  }
  const ranks = Int32Array.from(new Set(rs)).sort();
  const values = new Float64Array(ranks.length);
  let B = MIN_BUCKETS;
  while (B < MAX_BUCKETS && B < n >> 4) B *= 2;
  const scale = B / (hi - lo);
  let ss: number;
  if (scale > 0 && scale < Infinity) {
    const counts = B === MIN_BUCKETS ? bucketCounts : new Int32Array(B + 2);
    counts.fill(0);
    ss = countPass(a, n, lo, scale, mean, counts);
    orderStatistics(a, n, lo, hi, ranks, values, { first: { scale, counts } });
  } else {
    // a range too wide or too narrow for equal-width buckets: narrowing by the values' bits from the start
    ss = squaredDeviations(a, n, mean);
    orderStatistics(a, n, lo, hi, ranks, values);
  }
  const valueAt = (r: number): number => values[ranks.indexOf(r)];
  for (let j = 0; j < m; j++) {
    const h = (n - 1) * ps[j];
    const r = Math.floor(h);
    const vlo = valueAt(r);
    const vhi = valueAt(Math.min(n - 1, r + 1));
    out[j] = vlo + (h - r) * (vhi - vlo);
  }
  return ss;
}
