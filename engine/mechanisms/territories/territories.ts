/**
 * Territories and market capacity. A territory with potential F (qualified opportunities per month the
 * market can yield) turns the reps' combined demand D into F (1 - exp(-D / F)) opportunities, shared
 * pro rata; unlimited potential yields D. Hiring into a saturated territory has diminishing returns and a
 * vacant territory yields nothing.
 */
import type { Compiled } from '../../kernel/compiled.js';
import type { SeatState } from '../../kernel/state.js';

/**
 * Opportunities a territory yields for demand D (Infinity = unlimited potential).
 * @example territoryYield(10, 10) // ≈ 6.32
 */
export function territoryYield(potential: number, demand: number): number {
  if (demand <= 0) return 0;
  if (potential === Infinity) return demand;
  return potential * -Math.expm1(-demand / potential);
}

export { seatLayout, type SeatLayout } from '../../kernel/seats.js';

/**
 * Step 4's territory part: each territory's yield per unit of demand this month, F(1 - exp(-D/F)) / D
 * (0 for a territory without demand), from the demands summed in step 3.
 */
export function territoryFactors(st: SeatState, c: Compiled): void {
  for (let t = 0; t < st.T; t++) {
    const D = st.tDemand[t];
    st.tFactor[t] = D > 0 ? territoryYield(c.potential[t], D) / D : 0;
  }
}
