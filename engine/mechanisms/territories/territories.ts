/**
 * Territories and market capacity. A territory with potential F (qualified opportunities per month the
 * market can yield) turns the reps' combined demand D into F (1 - exp(-D / F)) opportunities, shared
 * pro rata; unlimited potential yields D. Hiring into a saturated territory has diminishing returns and a
 * vacant territory yields nothing.
 */
import type { Scenario } from '../../scenario.js';
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

/** Where each seat sits and when it opens: initial seats first (territory order), then hiring-plan seats in plan order. */
export interface SeatLayout {
  seats: number;
  initialSeats: number;
  territory: Int32Array;
  /** month the seat's requisition opens (0 = seated at the start) */
  opens: Int32Array;
}

/**
 * Lays out every seat the scenario can ever use.
 * @example // seatLayout(s).seats === initial seats + planned seats
 */
export function seatLayout(s: Scenario): SeatLayout {
  const initialSeats = s.territories.reduce((a, t) => a + t.seats, 0);
  const plan = s.hiring?.plan ?? [];
  // the seats it lays out: as engine/seatCount.ts counts them (the hiring plan's are the registry's only `seats`),
  // counted here so that the layout, which the coverage plan's hook reads, does not import the registry
  const seats = plan.reduce((a, p) => a + p.seats, initialSeats);
  const territory = new Int32Array(seats);
  const opens = new Int32Array(seats);
  let k = 0;
  s.territories.forEach((t, ti) => {
    for (let i = 0; i < t.seats; i++) territory[k++] = ti;
  });
  for (const p of plan) {
    const ti = p.territory === undefined ? 0 : s.territories.findIndex((t) => t.name === p.territory);
    for (let i = 0; i < p.seats; i++) {
      territory[k] = ti;
      opens[k++] = p.month;
    }
  }
  return { seats, initialSeats, territory, opens };
}

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
