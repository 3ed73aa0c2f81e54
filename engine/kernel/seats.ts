/**
 * The seat layout: where each seat a scenario can ever use sits and when it opens, and the territories the
 * seats sit in (their names, initial seats and potential, in the scenario's order). Every territory holds
 * seats of the core, so the layout is the kernel's: the core's compile, quota by potential, the customers'
 * and marketing's spread over territories and the Summary's revenue by territory read it, not the
 * territories block.
 */
import type { Scenario } from '../scenario.js';

/** Where each seat sits and when it opens: initial seats first (territory order), then hiring-plan seats in plan order. */
export interface SeatLayout {
  seats: number;
  initialSeats: number;
  territory: Int32Array;
  /** month the seat's requisition opens (0 = seated at the start) */
  opens: Int32Array;
  /** each territory's name */
  names: string[];
  /** each territory's initial seats */
  initial: number[];
  /** each territory's potential (qualified opportunities a month its market can yield; null = unlimited) */
  potential: (number | null)[];
}

/**
 * Lays out every seat the scenario can ever use (engine/seatCount.ts counts the same seats).
 * @example // seatLayout(s).seats === initial seats + planned seats
 */
export function seatLayout(s: Scenario): SeatLayout {
  const T = s.territories;
  const initialSeats = T.reduce((a, t) => a + t.seats, 0);
  const plan = s.hiring?.plan ?? [];
  const seats = plan.reduce((a, p) => a + p.seats, initialSeats);
  const territory = new Int32Array(seats);
  const opens = new Int32Array(seats);
  let k = 0;
  T.forEach((t, ti) => {
    for (let i = 0; i < t.seats; i++) territory[k++] = ti;
  });
  for (const p of plan) {
    const ti = p.territory === undefined ? 0 : T.findIndex((t) => t.name === p.territory);
    for (let i = 0; i < p.seats; i++) {
      territory[k] = ti;
      opens[k++] = p.month;
    }
  }
  return { seats, initialSeats, territory, opens, names: T.map((t) => t.name), initial: T.map((t) => t.seats), potential: T.map((t) => t.potential) };
}
