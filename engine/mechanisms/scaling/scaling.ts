/**
 * What gets harder as the team grows (the optional `scaling` block). Without it nothing does: doubling the
 * seats doubles the opportunities, and every hire is drawn from the same win rates however many are hired
 * at once. With it, two effects, each an assumption with a range (./assumptions.ts):
 *
 * - Coordination drag. With n reps seated at the month's start (after step 1's hires) and reference size
 *   n0, every rep's new opportunities are x f(n) = max(0, 1 - dragPerDoubling x log2(n / n0)) when n > n0
 *   (else 1): more internal coordination, account conflicts and thinner territories per rep. It applies to
 *   the opportunities a rep creates (step 4), after the territory's saturation.
 * - Hiring quality under volume. Of the hires seated in a month (step 1, in seat order), those beyond
 *   recruitingCapacity are rushed: the win rate drawn for each is x rushedWinRate for as long as they hold
 *   the seat.
 *
 * Step 1b (after step 1's hires): the month's factor and the rushed hires. Step 4 reads the factor.
 * Sources: none is cited for either size; each is an assumption with a range that includes no effect.
 */
import type { Scenario } from '../../scenario.js';
import { SEATED, type SeatState } from '../../kernel/state.js';
import { stats } from '../../stats/stats.js';
import type { TextSection } from '../../kernel/outputs.js';
import type { CompiledScaling, ScalingState, ScalingSummary } from './types.js';

/**
 * The coordination factor of a seated team of n against reference n0: 1 up to n0, then
 * max(0, 1 - drag x log2(n / n0)) (non-increasing in n).
 * @example coordinationFactor(40, 20, 0.05) // 0.95
 */
export function coordinationFactor(n: number, n0: number, drag: number): number {
  if (!(n0 > 0)) throw new RangeError(`coordinationFactor: the reference team must be > 0 (got ${n0})`);
  if (!(drag >= 0)) throw new RangeError(`coordinationFactor: the drag must be >= 0 (got ${drag})`);
  if (n <= n0) return 1;
  const f = 1 - drag * Math.log2(n / n0);
  return f > 0 ? f : 0;
}

/** Compiles the block (null when absent); `initialSeats` the seats held at the start. */
export function compileScaling(s: Scenario, initialSeats: number): CompiledScaling | null {
  const g = s.scaling;
  if (!g) return null;
  return { reference: g.referenceSeats ?? Math.max(1, initialSeats), drag: g.dragPerDoubling, capacity: g.recruitingCapacity ?? Infinity, rushed: g.rushedWinRate };
}

/** The per-trial state. */
export function createScalingState(): ScalingState {
  return { factor: 1, rushedHires: 0, lost: 0, peakSeated: 0 };
}

/** Trial start. */
export function scalingBegin(ss: ScalingState): void {
  ss.factor = 1;
  ss.rushedHires = ss.lost = ss.peakSeated = 0;
}

/**
 * Step 1b of month m: the seated team's coordination factor for the month, and the month's hires beyond
 * the recruiting capacity (seat order) marked rushed: their base win rate x rushedWinRate.
 */
export function scalingMonth(st: SeatState, g: CompiledScaling, ss: ScalingState, m: number): void {
  let seated = 0,
    hired = 0;
  for (let s = 0; s < st.N; s++) {
    if (st.status[s] !== SEATED) continue;
    seated++;
    if (st.isHire[s] === 1 && st.start[s] === m && ++hired > g.capacity) {
      st.base[s] *= g.rushed;
      ss.rushedHires++;
    }
  }
  if (seated > ss.peakSeated) ss.peakSeated = seated;
  ss.factor = coordinationFactor(seated, g.reference, g.drag);
  ss.lost += 1 - ss.factor;
}

/** Trial end: the trial's figures into row `row`. */
export function scalingEnd(ss: ScalingState, out: { rushedHires: Float64Array; dragShare: Float64Array; peakSeated: Float64Array }, row: number, H: number): void {
  out.rushedHires[row] = ss.rushedHires;
  out.dragShare[row] = ss.lost / H;
  out.peakSeated[row] = ss.peakSeated;
}

/** The Summary's section. */
export function scalingSummary(src: { scalar(key: 'rushedHires' | 'dragShare' | 'peakSeated'): ArrayLike<number> }, reference: number | null): ScalingSummary {
  return { referenceSeats: reference, rushedHires: stats(src.scalar('rushedHires')), dragShare: stats(src.scalar('dragShare')), peakSeated: stats(src.scalar('peakSeated')) };
}

/** Its rows in `salesim run`'s readable report. */
export const TEXT: TextSection<ScalingSummary> = {
  title: 'growth limits, per trial',
  rows: (g) => [
    g.referenceSeats === null ? { label: 'no drag up to', off: 'the seats at the start' } : { label: 'no drag up to (seats)', unit: 'count', value: g.referenceSeats },
    { label: 'rushed hires', unit: 'count', stats: g.rushedHires },
    { label: 'opportunities lost to drag', unit: 'share', stats: g.dragShare },
    { label: 'largest team', unit: 'count', stats: g.peakSeated },
  ],
};
