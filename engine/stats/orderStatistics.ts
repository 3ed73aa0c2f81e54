/**
 * Exact order statistics of a column without sorting, reordering or copying it (a pooled attainment
 * column holds ~40 million Float32 values at 100,000 trials: a Float64 copy alone would be 320 MB).
 *
 * The value at each needed rank is narrowed down by passes over the column that keep only a few counts.
 * A node is a set of values contiguous in sorted order (`count` values, `below` smaller ones): a bucket
 * of the caller's first counting pass, then a sub-bucket, then a value interval. A node small enough is
 * gathered (its values copied to a small buffer and sorted); a larger one is refined: one pass counts its
 * values into K ordered sub-buckets (the key is monotone in the value) keeping each one's smallest and
 * largest value, and the sub-bucket holding the rank becomes the next node, the value interval [min, max].
 * A node whose min equals its max is a run of ties (the exact zeros of attainment) and is resolved without
 * gathering. Memory is O(first-pass buckets + K x ranks + gathered values), never the column's size; on
 * the usual data the column is read twice in all (with the caller's counting pass), three times when a
 * needed bucket is too full to gather.
 *
 * Sub-buckets: within a first-pass bucket, K equal-width parts of it (by the fraction of the bucket key);
 * within a value interval, the next 12 bits below the common prefix of the values' order-preserving
 * 64-bit keys, so every such refinement separates the interval's min from its max and at most
 * ceil(64 / 12) follow one another, whatever the distribution.
 */

/** sub-buckets of a refined node */
const K = 4096;
/** bits of a sub-bucket index */
const KBITS = 12;
/** the smallest gathering budget, in values */
const MIN_BUDGET = 1 << 16;
/** node kinds, in the order a rank's node goes through them */
const BUCKET = 0,
  SUB = 1,
  INTERVAL = 2;

/** The bits of a double, as two 32-bit halves (index of the high half by platform endianness). */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/**
 * The caller's first counting pass: with x = (v - lo) * scale, v is counted in bucket 0 if x = 0, else in
 * bucket min(trunc(x) + 1, counts.length - 1). With scale >= 1, bucket 0 holds exactly the values equal
 * to lo (a run of ties at the minimum, resolved from the counts alone).
 */
export interface FirstPass {
  scale: number;
  counts: Int32Array;
}

export interface OrderStatisticsOptions {
  /** the bucket counts of a pass the caller made anyway (keyed as FirstPass says): narrowing starts there */
  first?: FirstPass;
  /** at most this many values are gathered at once (default: max(65536, n / 64)) */
  budget?: number;
}

/**
 * Writes to out[i] the value a full ascending sort of a[0..n) would put at index ranks[i] (ranks:
 * ascending integers in [0, n)). The values must be finite and lie in [lo, hi], their smallest and
 * largest. `a` is read, never reordered or copied whole. With `opts.first`, the narrowing starts from
 * the caller's buckets; without it, from the whole interval [lo, hi]. Throws on bad arguments, and when
 * a pass does not find the values it counted before (values outside [lo, hi], counts of other values).
 * @example
 * const out = new Float64Array(3);
 * orderStatistics(Float32Array.of(0, 5, 0, 0, 2, 9, 0), 7, 0, 9, [0, 3, 6], out); Array.from(out) // [0, 0, 9]
 */
export function orderStatistics(
  a: Float64Array<ArrayBufferLike> | Float32Array<ArrayBufferLike>,
  n: number,
  lo: number,
  hi: number,
  ranks: ArrayLike<number>,
  out: Float64Array,
  opts: OrderStatisticsOptions = {},
): void {
  const first = opts.first;
  const R = ranks.length;
  if (!(Number.isInteger(n) && n >= 1 && n <= a.length)) throw new RangeError('orderStatistics: n must be an integer in [1, a.length]');
  if (!(lo - lo === 0 && hi - hi === 0 && lo <= hi)) throw new RangeError('orderStatistics: lo and hi must be finite, lo <= hi');
  if (out.length < R) throw new RangeError('orderStatistics: out is shorter than ranks');
  for (let i = 0; i < R; i++) {
    const r = ranks[i];
    if (!(Number.isInteger(r) && r >= 0 && r < n && (i === 0 || r > ranks[i - 1]))) throw new RangeError('orderStatistics: ranks must be ascending integers in [0, n)');
  }
  const budget = opts.budget ?? Math.max(MIN_BUDGET, n >> 6);
  if (!(Number.isInteger(budget) && budget >= 1)) throw new RangeError('orderStatistics: budget must be a positive integer');
  if (first && !(first.scale > 0 && first.scale < Infinity && first.counts.length >= 2)) throw new RangeError('orderStatistics: bad first pass');
  // each rank's node: kind, `below`, `count`, value bounds, and its bucket (BUCKET) or counting cell (SUB)
  const kind = new Uint8Array(R).fill(first ? BUCKET : INTERVAL);
  const below = new Float64Array(R);
  const count = new Float64Array(R).fill(n);
  const nLo = new Float64Array(R).fill(lo);
  const nHi = new Float64Array(R).fill(hi);
  const cell = new Int32Array(R);
  const done = new Uint8Array(R);
  let left = R;
  const resolve = (i: number, v: number): void => {
    out[i] = v;
    done[i] = 1;
    left--;
  };
  if (first) {
    const counts = first.counts;
    let acc = 0,
      i = 0;
    for (let b = 0; b < counts.length; b++) {
      const c = counts[b];
      while (i < R && ranks[i] < acc + c) {
        below[i] = acc;
        count[i] = c;
        cell[i++] = b;
      }
      acc += c;
    }
    if (acc !== n) throw new RangeError('orderStatistics: the first pass counts do not add up to n');
    // bucket 0: the values equal to lo, when no x of a larger value can round to 0
    if (first.scale >= 1) for (let i = 0; i < R && cell[i] === 0; i++) resolve(i, lo);
  }
  /** the bucket -> block table of the last bucket refinement (its SUB nodes' cells are block * K + part) */
  let slot = new Int32Array(0);
  let slotBlocks = 0;
  while (left > 0) {
    for (let i = 0; i < R; i++) if (!done[i] && kind[i] !== BUCKET && nLo[i] === nHi[i]) resolve(i, nLo[i]);
    if (left === 0) break;
    // this round narrows the nodes of the earliest kind still pending; nodes[m] = a rank of node m
    let k = INTERVAL;
    for (let i = 0; i < R; i++) if (!done[i] && kind[i] < k) k = kind[i];
    const rankNode = new Int32Array(R).fill(-1);
    const nodes: number[] = [];
    for (let i = 0; i < R; i++) {
      if (done[i] || kind[i] !== k) continue;
      const M = nodes.length;
      if (M > 0 && below[nodes[M - 1]] === below[i]) rankNode[i] = M - 1;
      else {
        rankNode[i] = M;
        nodes.push(i);
      }
    }
    const M = nodes.length;
    // gathered: the smallest nodes while the budget lasts (a bucket round gathers all or refines all)
    const at = new Int32Array(M).fill(-1);
    let total = 0;
    const byCount = Array.from({ length: M }, (_, m) => m).sort((x, y) => count[nodes[x]] - count[nodes[y]]);
    for (const m of byCount) {
      const c = count[nodes[m]];
      if (total + c > budget) break;
      at[m] = total;
      total += c;
    }
    if (k === BUCKET && at.includes(-1)) {
      // some bucket is too full: count every needed bucket into parts (one pass, no branch on the bucket)
      slot = new Int32Array(first!.counts.length);
      slotBlocks = M + 1;
      for (let m = 0; m < M; m++) slot[cell[nodes[m]]] = m + 1;
      const cnt = new Int32Array((M + 1) * K);
      const mins = new Float64Array((M + 1) * K).fill(Infinity);
      const maxs = new Float64Array((M + 1) * K).fill(-Infinity);
      partsPass(a, n, lo, first!.scale, first!.counts.length - 1, slot, cnt, mins, maxs);
      for (let m = 0; m < M; m++) {
        let seen = 0;
        for (let d = (m + 1) * K; d < (m + 2) * K; d++) seen += cnt[d];
        if (seen !== count[nodes[m]]) throw new RangeError('orderStatistics: values not finite or outside [lo, hi]');
      }
      for (let i = 0; i < R; i++) {
        if (rankNode[i] < 0) continue;
        let d = (rankNode[i] + 1) * K,
          acc = 0;
        const t = ranks[i] - below[i];
        while (acc + cnt[d] <= t) acc += cnt[d++];
        kind[i] = SUB;
        below[i] += acc;
        count[i] = cnt[d];
        nLo[i] = mins[d];
        nHi[i] = maxs[d];
        cell[i] = d;
      }
      continue;
    }
    // nodes over the budget: refined (INTERVAL) or, if sub-buckets, refined in a later round
    if (k === SUB)
      for (let i = 0; i < R; i++)
        if (rankNode[i] >= 0 && at[rankNode[i]] < 0) {
          kind[i] = INTERVAL;
          rankNode[i] = -1;
        }
    const g = new Float64Array(total);
    const fill = at.slice();
    let cnt = new Int32Array(0),
      mins = new Float64Array(0),
      maxs = new Float64Array(0);
    const blockOf = new Int32Array(M).fill(-1);
    if (k === BUCKET) {
      const map = new Int32Array(first!.counts.length);
      for (let m = 0; m < M; m++) map[cell[nodes[m]]] = m + 1;
      gatherBucketsPass(a, n, lo, first!.scale, first!.counts.length - 1, map, fill, g);
    } else if (k === SUB) {
      const map = new Int32Array(slotBlocks * K);
      let any = false;
      for (let m = 0; m < M; m++)
        if (at[m] >= 0) {
          map[cell[nodes[m]]] = m + 1;
          any = true;
        }
      if (any) gatherPartsPass(a, n, lo, first!.scale, slot.length - 1, slot, map, fill, g);
    } else {
      let blocks = 0;
      for (let m = 0; m < M; m++) if (at[m] < 0) blockOf[m] = blocks++;
      cnt = new Int32Array(blocks * K);
      mins = new Float64Array(blocks * K).fill(Infinity);
      maxs = new Float64Array(blocks * K).fill(-Infinity);
      const iLo = new Float64Array(M),
        iHi = new Float64Array(M),
        shift = new Int32Array(M),
        role = new Int32Array(M);
      for (let m = 0; m < M; m++) {
        iLo[m] = nLo[nodes[m]];
        iHi[m] = nHi[nodes[m]];
        shift[m] = digitShift(iLo[m], iHi[m]);
        role[m] = at[m] >= 0 ? m + 1 : -(blockOf[m] + 1);
      }
      intervalPass(a, n, M, iLo, iHi, role, shift, fill, g, cnt, mins, maxs);
    }
    // every node's values must have been seen; then each rank's value, or its sub-bucket as its next node
    for (let m = 0; m < M; m++) {
      const c = count[nodes[m]];
      let seen = -1;
      if (at[m] >= 0) seen = fill[m] - at[m];
      else if (blockOf[m] >= 0) {
        seen = 0;
        for (let d = blockOf[m] * K; d < (blockOf[m] + 1) * K; d++) seen += cnt[d];
      } else continue;
      if (seen !== c) throw new RangeError('orderStatistics: values not finite or outside [lo, hi]');
      if (at[m] >= 0 && c > 1) g.subarray(at[m], at[m] + c).sort();
    }
    for (let i = 0; i < R; i++) {
      const m = rankNode[i];
      if (m < 0) continue;
      const t = ranks[i] - below[i];
      if (at[m] >= 0) {
        resolve(i, g[at[m] + t]);
        continue;
      }
      let d = blockOf[m] * K,
        acc = 0;
      while (acc + cnt[d] <= t) acc += cnt[d++];
      below[i] += acc;
      count[i] = cnt[d];
      nLo[i] = mins[d];
      nHi[i] = maxs[d];
    }
  }
}

/**
 * The shift of the sub-bucket digit of values in [lo, hi] (lo < hi): the 12 bits of their order-preserving
 * keys from the highest bit in which the keys of lo and hi differ (the bits above it are common).
 */
function digitShift(lo: number, hi: number): number {
  f64[0] = lo + 0;
  let ah = u32[HI],
    al = u32[LO];
  if (ah >>> 31) {
    ah = ~ah;
    al = ~al;
  } else ah ^= 0x80000000;
  f64[0] = hi + 0;
  let bh = u32[HI],
    bl = u32[LO];
  if (bh >>> 31) {
    bh = ~bh;
    bl = ~bl;
  } else bh ^= 0x80000000;
  const xh = (ah ^ bh) >>> 0,
    xl = (al ^ bl) >>> 0;
  const top = xh !== 0 ? 63 - Math.clz32(xh) : 31 - Math.clz32(xl);
  return Math.max(0, top - (KBITS - 1));
}

// The passes over the values are functions of their own: small functions are optimised whole, early and
// with complete type feedback. A first-pass bucket is b (see FirstPass); its part is the fraction of x
// above b - 1 (x - trunc(x) below the top bucket) in K equal steps, the last at most: monotone in the value
// within the bucket.

/** First-pass bucket of a scaled value x: 0 for x <= 0, else ceil-like (x | 0) + 1, at most `top`. */
function bucketOf(x: number, top: number): number {
  const b = (x | 0) + +(x > 0);
  return b > top ? top : b;
}

/** Part (0..K-1) of scaled value x within its bucket b. */
function partOf(x: number, b: number): number {
  const d = ((x - (b - 1)) * K) | 0;
  return d > K - 1 ? K - 1 : d;
}

/**
 * Counts every value into part `(slot[bucket] * K + part)` (block 0 collects the buckets not needed and is
 * ignored: no branch on whether a value is needed, which would be mispredicted on skewed data), keeping
 * each part's smallest and largest value.
 */
function partsPass(a: ArrayLike<number>, n: number, lo: number, scale: number, top: number, slot: Int32Array, cnt: Int32Array, mins: Float64Array, maxs: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const v = a[i];
    const x = (v - lo) * scale;
    const b = bucketOf(x, top);
    const d = partOf(x, b);
    const c = slot[b] * K + d;
    cnt[c]++;
    if (v < mins[c]) mins[c] = v;
    if (v > maxs[c]) maxs[c] = v;
  }
}

/** Copies the values of the mapped buckets (map[bucket] = node + 1) to g, node m's from fill[m] on. */
function gatherBucketsPass(a: ArrayLike<number>, n: number, lo: number, scale: number, top: number, map: Int32Array, fill: Int32Array, g: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const v = a[i];
    const x = (v - lo) * scale;
    const b = bucketOf(x, top);
    const m = map[b];
    if (m !== 0) g[fill[m - 1]++] = v;
  }
}

/** Copies the values of the mapped parts (map[slot[bucket] * K + part] = node + 1) to g, node m's from fill[m] on. */
function gatherPartsPass(a: ArrayLike<number>, n: number, lo: number, scale: number, top: number, slot: Int32Array, map: Int32Array, fill: Int32Array, g: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const v = a[i];
    const x = (v - lo) * scale;
    const b = bucketOf(x, top);
    const d = partOf(x, b);
    const m = map[slot[b] * K + d];
    if (m !== 0) g[fill[m - 1]++] = v;
  }
}

/**
 * Over value intervals (disjoint, ascending): gathers the values of gathered intervals (role > 0) and
 * counts those of refined ones (role < 0) by their key digit, keeping each digit's min and max.
 */
function intervalPass(
  a: ArrayLike<number>,
  n: number,
  M: number,
  iLo: Float64Array,
  iHi: Float64Array,
  role: Int32Array,
  shift: Int32Array,
  fill: Int32Array,
  g: Float64Array,
  cnt: Int32Array,
  mins: Float64Array,
  maxs: Float64Array,
): void {
  const spanLo = iLo[0],
    spanHi = iHi[M - 1];
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (!(v >= spanLo && v <= spanHi)) continue;
    let m = 0;
    while (m < M && v > iHi[m]) m++;
    if (m === M || v < iLo[m]) continue;
    const s = role[m];
    if (s > 0) {
      g[fill[s - 1]++] = v;
      continue;
    }
    // the order-preserving key of v (-0 read as +0): sign bit flipped for positives, all bits for negatives
    f64[0] = v + 0;
    let h = u32[HI],
      l = u32[LO];
    if (h >>> 31) {
      h = ~h;
      l = ~l;
    } else h ^= 0x80000000;
    const sh = shift[m];
    const x = sh >= 32 ? h >>> (sh - 32) : sh === 0 ? l : (l >>> sh) | (h << (32 - sh));
    const c = (-s - 1) * K + (x & (K - 1));
    cnt[c]++;
    if (v < mins[c]) mins[c] = v;
    if (v > maxs[c]) maxs[c] = v;
  }
}
