/** The number of seats a scenario can ever use: the unit of work of a trial and of the server's budget. */
import type { Scenario } from './scenario.js';
import { MECHANISMS } from './mechanisms/registry.js';

/**
 * Seats a scenario can ever use: the seats each mechanism's block holds (its registry entry's `seats`: every
 * territory's initial seats, every seat of the hiring plan). Backfills reuse a departed rep's seat, so they
 * add none. Reads the resolved scenario (after
 * `parseScenario`, `reps.seats` equals the territories' total).
 * @example
 * seatCount(parseScenario({
 *   territories: [{ name: 'A', seats: 2 }, { name: 'B', seats: 1 }],
 *   reps: { opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1000 },
 *   hiring: { plan: [{ month: 3, seats: 2 }] },
 * })) // 5
 */
export function seatCount(s: Scenario): number {
  let seats = 0;
  for (const m of MECHANISMS) if ('seats' in m) seats += m.seats(s);
  return seats;
}
