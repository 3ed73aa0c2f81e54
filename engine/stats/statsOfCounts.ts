import type { Stats } from '../types.js';
import { PERCENTILES } from './percentiles.js';

/**
 * Stats of `n` integer values given as counts (counts[v] = how many values equal v, summing to n):
 * the mean and the exact type-7 percentiles equal `stats` of the values themselves (integer sums are
 * exact in any order); the sd is summed by value instead of value by value, so it may differ from
 * `stats` in the last bits. One sweep over the counts finds every needed order statistic.
 * @example
 * const s = statsOfCounts(Int32Array.of(1, 2, 1), 4); // counts of the values 0, 1, 1, 2
 * s.mean // 1
 * s.p50 // 1
 * s.sd // ≈ Math.sqrt(2 / 3)
 */
export function statsOfCounts(counts: Int32Array, n: number): Stats {
  const R = counts.length;
  let sum = 0;
  for (let v = 1; v < R; v++) sum += counts[v] * v;
  const mean = sum / n;
  let ss = 0;
  for (let v = 0; v < R; v++) {
    if (counts[v] === 0) continue;
    const d = v - mean;
    ss += counts[v] * d * d;
  }
  // the ranks needed: floor(h) and the next one for each percentile (the last rank at most)
  const P = PERCENTILES.length;
  const ranks = new Float64Array(2 * P);
  for (let j = 0; j < P; j++) {
    const r = Math.floor((n - 1) * PERCENTILES[j]);
    ranks[2 * j] = r;
    ranks[2 * j + 1] = r + 1 < n ? r + 1 : r;
  }
  // the value of each rank, ascending: the first v whose cumulative count passes it
  const sorted = ranks.slice().sort();
  const vals = new Float64Array(sorted.length).fill(R - 1);
  let acc = 0,
    i = 0;
  for (let v = 0; v < R && i < sorted.length; v++) {
    acc += counts[v];
    while (i < sorted.length && acc > sorted[i]) vals[i++] = v;
  }
  const at = (r: number): number => vals[sorted.indexOf(r)];
  const q = new Float64Array(P);
  for (let j = 0; j < P; j++) {
    const h = (n - 1) * PERCENTILES[j];
    const x = at(ranks[2 * j]);
    q[j] = x + (h - Math.floor(h)) * (at(ranks[2 * j + 1]) - x);
  }
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, p5: q[0], p10: q[1], p25: q[2], p50: q[3], p75: q[4], p90: q[5], p95: q[6] };
}
