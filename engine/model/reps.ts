/**
 * Reps: a win rate, a deal-size multiplier and an arrival rate drawn once per holder of a seat.
 * Win rates are a scalar, a Beta(mean, concentration) or exact tiers (DESIGN.md §7: tiers fill exact
 * counts of the initial seats by largest remainder, assigned by a per-trial permutation; later hires
 * draw a tier with the shares as probabilities).
 */
import type { WinRateSpec } from '../scenario.js';
import { betaMeanConcentration } from '../random/beta.js';
import { nextU } from '../random/streams.js';
import { normal } from '../random/normal.js';

export interface WinRateDist {
  /** tier means and concentrations (a scalar or Beta is one tier of share 1); concentration 0 = exact */
  shares: Float64Array;
  means: Float64Array;
  concentrations: Float64Array;
}

/**
 * Compiles a win-rate spec into tiers.
 * @example compileWinRate(0.25).means[0] // 0.25
 */
export function compileWinRate(spec: WinRateSpec): WinRateDist {
  if (typeof spec === 'number') return { shares: Float64Array.of(1), means: Float64Array.of(spec), concentrations: Float64Array.of(0) };
  if ('tiers' in spec) {
    return {
      shares: Float64Array.from(spec.tiers.map((t) => t.share)),
      means: Float64Array.from(spec.tiers.map((t) => t.mean)),
      concentrations: Float64Array.from(spec.tiers.map((t) => t.concentration ?? 0)),
    };
  }
  return { shares: Float64Array.of(1), means: Float64Array.of(spec.mean), concentrations: Float64Array.of(spec.concentration) };
}

/**
 * Mean win rate of a distribution.
 * @example meanWinRate(compileWinRate({ tiers: [{ share: 0.2, mean: 0.4, concentration: null }, { share: 0.8, mean: 0.1, concentration: null }] })) // 0.16
 */
export function meanWinRate(d: WinRateDist): number {
  let m = 0;
  for (let i = 0; i < d.shares.length; i++) m += d.shares[i] * d.means[i];
  return m;
}

/**
 * Exact tier counts for n seats by largest remainder (ties to the earlier tier).
 * @example Array.from(tierCounts(Float64Array.of(0.2, 0.8), 10)) // [2, 8]
 */
export function tierCounts(shares: Float64Array, n: number): Int32Array {
  const k = shares.length;
  const counts = new Int32Array(k);
  const rema: number[] = [];
  let used = 0;
  for (let i = 0; i < k; i++) {
    const x = shares[i] * n;
    counts[i] = Math.floor(x + 1e-9);
    used += counts[i];
    rema.push(x - counts[i]);
  }
  const order = rema.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; used < n; j++, used++) counts[order[j % k][1]]++;
  return counts;
}

/**
 * Fills `out[0..n)` with tier indices: exact counts, shuffled by the given stream (Fisher-Yates).
 */
export function assignTiers(d: WinRateDist, n: number, S: Int32Array, stream: number, out: Int32Array): void {
  const counts = tierCounts(d.shares, n);
  let k = 0;
  for (let t = 0; t < counts.length; t++) for (let c = 0; c < counts[t]; c++) out[k++] = t;
  if (d.shares.length === 1) return;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(nextU(S, stream) * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
}

/**
 * A tier from one uniform with the shares as probabilities.
 * @example pickTier(compileWinRate(0.3), 0.9) // 0
 */
export function pickTier(d: WinRateDist, u: number): number {
  let acc = 0;
  const k = d.shares.length;
  for (let i = 0; i < k - 1; i++) {
    acc += d.shares[i];
    if (u < acc) return i;
  }
  return k - 1;
}

/**
 * Draws a win rate for a tier (exact mean, or Beta by mean and concentration) from the given stream.
 */
export function drawWinRate(d: WinRateDist, tier: number, S: Int32Array, stream: number): number {
  const c = d.concentrations[tier];
  return c > 0 ? betaMeanConcentration(S, stream, d.means[tier], c) : d.means[tier];
}

/**
 * A mean-1 lognormal deal-size multiplier exp(sZ - s^2/2); consumes one normal even when s = 0, so a
 * spread change does not shift the stream.
 */
export function drawDealMultiplier(S: Int32Array, stream: number, spread: number): number {
  const z = normal(S, stream);
  return spread === 0 ? 1 : Math.exp(spread * z - (spread * spread) / 2);
}
