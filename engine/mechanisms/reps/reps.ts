/**
 * Reps: the win-rate tiers of the initial seats (each holder's attributes are drawn by the kernel's
 * seatHolder, engine/kernel/holder.ts; each month's multipliers of a holder's demand and win rate, step 3,
 * are the month loop's seatRates, engine/simulate.ts, as they compose several mechanisms' effects).
 * Win rates are a scalar, a Beta(mean, concentration) or exact tiers (docs/design.md, Semantics: tiers fill exact
 * counts of the initial seats by largest remainder, assigned by a per-trial permutation; later hires
 * draw a tier with the shares as probabilities).
 */
import { nextU } from '../../random/streams.js';
import type { WinRateDist } from '../../kernel/winRate.js';
export { compileWinRate, type WinRateDist } from '../../kernel/winRate.js';


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
