/**
 * Bounded memory for the Summary's attainment figures (mean, sd, P5..P95, the fixed-edge histogram) of a
 * run too large to keep every person-year attainment (100,000 trials of 100 reps x 3 years: 40 million).
 *
 * Up to `exactUpTo` values every value is kept and the figures are `statsOrNull` / `histogram` of them,
 * bit for bit. Beyond it the structure switches once:
 * - exact counts on a fine fixed grid over every float32 value: 2^20 buckets of 2^12 consecutive float32
 *   bit patterns (ordered by value), so the count of values below any bucket is exact;
 * - exact values kept only in bands of buckets around each percentile: the band spans the percentile's
 *   probability ± 8 of its standard errors among the (then millions of) values seen (BAND_SE), so the
 *   final percentile's order statistics fall inside it; the order statistic at rank r is
 *   then the (r - values below the band)-th smallest kept value: exactly the value a full sort gives;
 *   a band bucket that has held one value only (the reps with no revenue: a quarter of all attainments
 *   are exactly 0, so P5 to P25 can all be 0) keeps that value and its count, not every copy of it, until
 *   a second value arrives in it;
 * - the mean from the sum in trial order (as `stats` adds it: identical), the histogram from counts
 *   (identical), the sd from sums of squares around the first phase's mean (equal to ~1e-12 relative:
 *   not summed in the same order, so not bit for bit).
 * If an order statistic ever falls outside its band (the distribution moved by more than 8 standard
 * errors after millions of values) it is interpolated within its grid bucket (relative error below
 * 2^-11 of the value) and `exact()` says so.
 */
import type { Stats } from '../types.js';
import { statsOrNull, histogram } from './stats.js';
import { PERCENTILES } from './percentiles.js';

/**
 * Half-width of the band of exact values kept around percentile p, in probability, after m values:
 * BAND_SE standard errors of a sample percentile, sqrt(p (1 - p) / m) (0.002 for the median after 4
 * million values). The final percentile differs from the one seen then by sqrt(p (1 - p) (1/m - 1/n)) at
 * most in sd, so it falls outside its band with a probability of about 1e-15.
 */
export const BAND_SE = 8;
const SHIFT = 12;
const BUCKETS = 1 << (32 - SHIFT);

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** An unsigned key monotone in the float32 value (negatives flipped below positives). */
function key(v: number): number {
  f32[0] = v;
  const b = u32[0];
  return (b & 0x80000000 ? ~b : b | 0x80000000) >>> 0;
}
/** The float32 value of a key. */
function valueOf(k: number): number {
  u32[0] = k & 0x80000000 ? k & 0x7fffffff : ~k >>> 0;
  return f32[0];
}

export interface AttainmentSketch {
  /** adds a block's attainments (blocks in trial order) */
  add(values: Float32Array): void;
  /** Stats of the finite values so far (null when none), as `statsOrNull` gives them */
  stats(): Stats | null;
  /** the histogram on the sketch's fixed edges, as `histogram(values, edges.length - 1, edges)` */
  histogram(): { edges: number[]; counts: number[] };
  /** bytes held */
  bytes(): number;
  /** every percentile so far came from exact order statistics (false only after a fallback) */
  exact(): boolean;
}

/** Values kept exactly before the switch (16 MB of float32). */
export const EXACT_UP_TO = 4_000_000;

/**
 * A sketch with a histogram on `edges`.
 * @example const sk = createAttainmentSketch([0, 0.5, 1, 1.5]); sk.add(Float32Array.of(0.5, 1, 2)); sk.stats()?.p50 // 1
 */
export function createAttainmentSketch(edges: number[], exactUpTo = EXACT_UP_TO): AttainmentSketch {
  let kept = new Float32Array(1024);
  let nKept = 0;
  let switched = false;
  // second phase
  let counts: Int32Array | null = null;
  let bandLo: Int32Array = new Int32Array(0); // bucket ranges [lo, hi] of the bands, ascending, disjoint
  let bandHi: Int32Array = new Int32Array(0);
  let n = 0;
  let sum = 0;
  let shift = 0;
  let s1 = 0;
  let s2 = 0;
  const histEdges = edges;
  const histCounts = new Float64Array(edges.length - 1);
  let fellBack = false;
  /** each band's distinct values, sorted, with cumulative counts, and the count of values below the band (built once per stats()) */
  let sortedBands: { values: Float64Array; cum: Float64Array; below: number }[] | null = null;
  /**
   * per band bucket (slot = slotOf[band] + bucket - bandLo[band]): its first value and how many copies of
   * it arrived before any other value did (those copies are not kept); `mixed` once another value came
   */
  let firstV = new Float32Array(0);
  let firstN = new Float64Array(0);
  let mixed = new Uint8Array(0);
  let slotOf = new Int32Array(0);

  /** the slot of bucket b when it lies in a band, else -1 */
  const slotIn = (b: number) => {
    for (let i = 0; i < bandLo.length; i++) if (b >= bandLo[i] && b <= bandHi[i]) return slotOf[i] + b - bandLo[i];
    return -1;
  };
  /** a value of a band bucket: counted while its bucket has held this one value only, else kept */
  const keepBand = (v: number, slot: number) => {
    if (mixed[slot] === 0) {
      if (firstN[slot] === 0) firstV[slot] = v;
      if (firstN[slot] === 0 || Object.is(firstV[slot], v)) {
        firstN[slot]++;
        return;
      }
      mixed[slot] = 1;
    }
    keep(v);
  };
  const keep = (v: number) => {
    if (nKept === kept.length) {
      const k = new Float32Array(kept.length * 2);
      k.set(kept);
      kept = k;
    }
    kept[nKept++] = v;
  };
  const binInto = (v: number) => {
    const k = histCounts.length;
    const last = k - 1;
    const q = (v - histEdges[0]) / ((histEdges[k] - histEdges[0]) / k);
    let b: number;
    if (q >= last) b = last;
    else if (q >= 0) b = q | 0;
    else if (q < 0) b = 0;
    else return;
    histCounts[b]++;
  };

  function switchOver(): void {
    switched = true;
    const all = kept.subarray(0, nKept);
    // the histogram of the first phase (its values in order; counts add up, so the order is immaterial)
    for (let i = 0; i < nKept; i++) binInto(all[i]);
    // the finite values, sorted in place (no copy of the 4 million)
    let m = 0;
    for (let i = 0; i < nKept; i++) if (all[i] - all[i] === 0) all[m++] = all[i];
    const finite = all.subarray(0, m).sort();
    counts = new Int32Array(BUCKETS);
    shift = m > 0 ? sum / n : 0;
    const ranges: [number, number][] = [];
    for (const p of PERCENTILES) {
      if (m === 0) break;
      const half = BAND_SE * Math.sqrt((p * (1 - p)) / m) + 1 / m;
      const a = finite[Math.max(0, Math.floor((m - 1) * Math.max(0, p - half)))];
      const b = finite[Math.min(m - 1, Math.ceil((m - 1) * Math.min(1, p + half)))];
      ranges.push([key(a) >>> SHIFT, key(b) >>> SHIFT]);
    }
    ranges.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    bandLo = Int32Array.from(merged.map((r) => r[0]));
    bandHi = Int32Array.from(merged.map((r) => r[1]));
    slotOf = new Int32Array(merged.length);
    let slots = 0;
    for (let i = 0; i < merged.length; i++) {
      slotOf[i] = slots;
      slots += bandHi[i] - bandLo[i] + 1;
    }
    firstV = new Float32Array(slots);
    firstN = new Float64Array(slots);
    mixed = new Uint8Array(slots);
    kept = new Float32Array(1024);
    nKept = 0;
    for (let i = 0; i < m; i++) {
      const v = finite[i];
      const b = key(v) >>> SHIFT;
      counts[b]++;
      const d = v - shift;
      s1 += d;
      s2 += d * d;
      const slot = slotIn(b);
      if (slot >= 0) keepBand(v, slot);
    }
  }

  return {
    add(values: Float32Array): void {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!switched) {
          keep(v);
          if (v - v === 0) {
            n++;
            sum += v;
          }
          continue;
        }
        if (v - v !== 0) continue;
        n++;
        sum += v;
        const b = key(v) >>> SHIFT;
        counts![b]++;
        const d = v - shift;
        s1 += d;
        s2 += d * d;
        binInto(v);
        const slot = slotIn(b);
        if (slot >= 0) keepBand(v, slot);
      }
      if (!switched && nKept > exactUpTo) switchOver();
    },
    stats(): Stats | null {
      if (!switched) return statsOrNull(kept.subarray(0, nKept));
      if (n === 0) return null;
      const mean = sum / n;
      const ss = s2 - (s1 * s1) / n;
      sortedBands = null;
      const q = PERCENTILES.map((p) => {
        const h = (n - 1) * p;
        const r = Math.floor(h);
        const a = orderStat(r);
        const b = r + 1 < n ? orderStat(r + 1) : a;
        return a + (h - r) * (b - a) + 0;
      });
      return { mean, sd: n > 1 ? Math.sqrt(Math.max(0, ss) / (n - 1)) : 0, p5: q[0], p10: q[1], p25: q[2], p50: q[3], p75: q[4], p90: q[5], p95: q[6] };
    },
    histogram(): { edges: number[]; counts: number[] } {
      if (!switched) return histogram(kept.subarray(0, nKept), histEdges.length - 1, histEdges);
      return { edges: histEdges, counts: Array.from(histCounts) };
    },
    bytes(): number {
      return kept.byteLength + (counts ? counts.byteLength : 0) + firstV.byteLength + firstN.byteLength + mixed.byteLength;
    },
    exact(): boolean {
      return !fellBack;
    },
  };

  function bands(): { values: Float64Array; cum: Float64Array; below: number }[] {
    if (sortedBands) return sortedBands;
    const c = counts!;
    sortedBands = [];
    for (let i = 0; i < bandLo.length; i++) {
      let below = 0;
      for (let x = 0; x < bandLo[i]; x++) below += c[x];
      const inBand = (v: number) => {
        const kb = key(v) >>> SHIFT;
        return kb >= bandLo[i] && kb <= bandHi[i];
      };
      let nk = 0;
      for (let k = 0; k < nKept; k++) if (inBand(kept[k])) nk++;
      const own = new Float32Array(nk);
      for (let k = 0, j = 0; k < nKept; k++) if (inBand(kept[k])) own[j++] = kept[k];
      own.sort();
      // the counted first values of the band's buckets, in bucket order (= value order), merged with the kept ones
      const values = new Float64Array(nk + bandHi[i] - bandLo[i] + 1);
      const cum = new Float64Array(values.length);
      let d = 0;
      let total = 0;
      const push = (v: number, n: number) => {
        total += n;
        if (d > 0 && Object.is(values[d - 1], v)) cum[d - 1] = total;
        else {
          values[d] = v;
          cum[d++] = total;
        }
      };
      let k = 0;
      for (let slot = slotOf[i]; slot <= slotOf[i] + bandHi[i] - bandLo[i]; slot++) {
        if (firstN[slot] === 0) continue;
        const v = firstV[slot];
        const kv = key(v);
        while (k < nk && key(own[k]) < kv) push(own[k++], 1);
        push(v, firstN[slot]);
      }
      while (k < nk) push(own[k++], 1);
      sortedBands.push({ values: values.subarray(0, d), cum: cum.subarray(0, d), below });
    }
    return sortedBands;
  }

  /** The order statistic of 0-based rank r among the finite values (second phase). */
  function orderStat(r: number): number {
    const c = counts!;
    let below = 0;
    let b = 0;
    for (; b < BUCKETS; b++) {
      if (below + c[b] > r) break;
      below += c[b];
    }
    for (let i = 0; i < bandLo.length; i++) {
      if (b < bandLo[i] || b > bandHi[i]) continue;
      const band = bands()[i];
      // the first distinct value whose cumulative count passes the rank within the band
      const local = r - band.below;
      let lo = 0;
      let hi = band.cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (band.cum[mid] > local) hi = mid;
        else lo = mid + 1;
      }
      return band.values[lo];
    }
    fellBack = true;
    const k0 = valueOf((b << SHIFT) >>> 0);
    const k1 = valueOf(((b << SHIFT) | ((1 << SHIFT) - 1)) >>> 0);
    const f = c[b] > 1 ? (r - below) / (c[b] - 1) : 0;
    return k0 + f * (k1 - k0);
  }
}
