/**
 * A win rate's distribution over the seats: a scalar, a Beta(mean, concentration) or exact tiers, compiled to
 * tiers. The kernel's, since the core's win rate (reps.winRate) and a new hire's (hiring.newHireWinRate) are
 * both one, and a rep's track record updates one (team/record.ts).
 */
import type { WinRateSpec } from '../scenario.js';

/** A compiled win rate: tiers (a scalar or Beta is one tier of share 1). */
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
