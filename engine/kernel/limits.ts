/**
 * Limits of the kernel's arithmetic that the core's and the mechanisms' runnable checks share (engine/runnable.ts,
 * each mechanism's bounds in its schema.ts): a seat's counts are 32-bit integers.
 */

/** Expected open opportunities one seat may hold (its counts are 32-bit integers). */
export const MAX_OPEN_PER_SEAT = 1e8;

/**
 * Expected deal size of a reps.dealSize (fixed, lognormal or empirical); NaN when unreadable.
 * @example expectedDeal({ median: 100, sigma: 0 }) // 100
 */
export function expectedDeal(d: unknown): number {
  if (typeof d === 'number') return d;
  if (d && typeof d === 'object') {
    const o = d as { median?: number; sigma?: number; empirical?: number[] };
    if (Array.isArray(o.empirical)) return o.empirical.reduce((a, b) => a + b, 0) / Math.max(1, o.empirical.length);
    if (typeof o.median === 'number') return o.median * Math.exp(((o.sigma ?? 0) * (o.sigma ?? 0)) / 2);
  }
  return NaN;
}
