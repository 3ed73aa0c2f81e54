/** The territories' part in the engine's estimates (their registry entry's `seats`). */
import type { Scenario } from '../../scenario.js';

/** The initial seats, every territory's, in the count of seats a scenario can ever use (engine/seatCount.ts). */
export const SEATS = (s: Scenario): number => {
  let seats = 0;
  for (const t of s.territories) seats += t.seats;
  return seats;
};
