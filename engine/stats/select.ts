/**
 * Exact order statistics without sorting: Floyd-Rivest selection, and the type-7 quantiles of several
 * probabilities at once by selecting only the ranks they need (divide and conquer over the ranks, so
 * the work is about n log(ranks) instead of n log n). Results are identical to interpolating the
 * sorted values (`quantileSorted`).
 */

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

const BUCKETS = 4096;
let bucketCounts = new Int32Array(BUCKETS + 1);
let gathered = new Float64Array(1024);

// The two passes over the values are functions of their own: small functions are optimised whole, early
// and with complete type feedback (a loop in a long function runs as on-stack-replaced code that bails
// out at its exit on every call until the whole function is optimised).

/** Counts the values per bucket; returns the sum of squared deviations from `mean`, in order. */
function countPass(a: ArrayLike<number>, n: number, lo: number, scale: number, mean: number, counts: Int32Array): number {
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    const d = v - mean;
    ss += d * d;
    let b = ((v - lo) * scale) | 0;
    if (b > BUCKETS) b = BUCKETS;
    counts[b]++;
  }
  return ss;
}

/** Copies the values of the needed buckets to g, each bucket's from fill[b] on. */
function gatherPass(a: ArrayLike<number>, n: number, lo: number, scale: number, need: Uint8Array, fill: Int32Array, g: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const v = a[i];
    let b = ((v - lo) * scale) | 0;
    if (b > BUCKETS) b = BUCKETS;
    if (need[b]) g[fill[b]++] = v;
  }
}

/**
 * Type-7 quantiles of finite values in [lo, hi] (lo < hi) by a bucket histogram: one counting pass
 * over B equal-width buckets (the bucket index is monotone in the value, so buckets are ordered), then
 * only the values of the buckets holding the needed ranks are gathered and sorted. Identical to
 * interpolating the sorted values. Falls back to selection when the needed buckets hold too many
 * values (very skewed data). Does not reorder `a` (Float64 or Float32 values).
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
  const scale = BUCKETS / (hi - lo);
  let ss = 0;
  if (!(scale > 0 && scale < Infinity)) {
    for (let i = 0; i < n; i++) {
      const d = a[i] - mean;
      ss += d * d;
    }
    quantilesSelect(Float64Array.from(a.subarray(0, n)), n, ps, out);
    return ss;
  }
  const counts = bucketCounts;
  counts.fill(0);
  ss = countPass(a, n, lo, scale, mean, counts);
  // ranks needed: floor(h) and floor(h) + 1 for each p; the buckets that hold them
  const need = new Uint8Array(BUCKETS + 1);
  const start = new Int32Array(BUCKETS + 2);
  for (let b = 0; b <= BUCKETS; b++) start[b + 1] = start[b] + counts[b];
  const bucketOf = (r: number): number => {
    let l = 0,
      h = BUCKETS;
    while (l < h) {
      const mid = (l + h) >> 1;
      if (start[mid + 1] > r) h = mid;
      else l = mid + 1;
    }
    return l;
  };
  let total = 0;
  for (let j = 0; j < m; j++) {
    const r = Math.floor((n - 1) * ps[j]);
    for (const rr of [r, Math.min(n - 1, r + 1)]) {
      const b = bucketOf(rr);
      if (!need[b]) {
        need[b] = 1;
        total += counts[b];
      }
    }
  }
  if (total > (n >> 2) + 1024) {
    // skewed: the needed buckets are too full, select instead (on a copy, so `a` keeps its order)
    quantilesSelect(Float64Array.from(a.subarray(0, n)), n, ps, out);
    return ss;
  }
  // gather the needed buckets' values, grouped by bucket (counting-sort placement), then sort each group
  if (gathered.length < total) gathered = new Float64Array(total);
  const g = gathered;
  const offset = new Int32Array(BUCKETS + 1);
  let o = 0;
  for (let b = 0; b <= BUCKETS; b++) if (need[b]) {
    offset[b] = o;
    o += counts[b];
  }
  gatherPass(a, n, lo, scale, need, offset.slice(), g);
  for (let b = 0; b <= BUCKETS; b++) if (need[b] && counts[b] > 1) g.subarray(offset[b], offset[b] + counts[b]).sort();
  const valueAt = (r: number): number => {
    const b = bucketOf(r);
    return g[offset[b] + (r - start[b])];
  };
  for (let j = 0; j < m; j++) {
    const h = (n - 1) * ps[j];
    const r = Math.floor(h);
    const vlo = valueAt(r);
    const vhi = valueAt(Math.min(n - 1, r + 1));
    out[j] = vlo + (h - r) * (vhi - vlo);
  }
  return ss;
}
