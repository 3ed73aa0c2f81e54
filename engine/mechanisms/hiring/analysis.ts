/**
 * The hiring block's part in the engine's analyses (its registry entry's `tornado`, `seek` and `seats`): its
 * parameters in the tornado's default set, the goal seek's "hire now" entry of the plan, and the plan's seats
 * in the count of seats a scenario can ever use.
 */
import type { Scenario } from '../../scenario.js';

/** Ramp months and time to fill (its mean when it is drawn). */
export const TORNADO = {
  order: 2,
  params: (s: Scenario): string[] => (s.hiring ? ['hiring.ramp.months', typeof s.hiring.timeToFillMonths === 'number' ? 'hiring.timeToFillMonths' : 'hiring.timeToFillMonths.mean'] : []),
};

/**
 * A goal seek's decision path into the next entry of hiring.plan (`hiring.plan[n].seats` with n entries)
 * adds that entry as { month: 1, seats: 0 } first: "hire now". Null for any other path.
 * @example SEEK(s, ['hiring', 'plan', 0, 'seats'])?.hiring?.plan // [{ month: 1, seats: 0 }] with an empty plan
 */
export function SEEK(s: Scenario, path: readonly (string | number)[]): Scenario | null {
  if (path[0] === 'hiring' && path[1] === 'plan' && typeof path[2] === 'number' && s.hiring && path[2] === s.hiring.plan.length)
    return { ...s, hiring: { ...s.hiring, plan: [...s.hiring.plan, { month: 1, seats: 0 }] } };
  return null;
}

/**
 * Every seat of the plan (engine/seatCount.ts: the seats a scenario can ever use). Backfills reuse a departed
 * rep's seat, so they add none.
 * @example SEATS(parseScenario({ reps, hiring: { plan: [{ month: 3, seats: 2 }, { month: 6, seats: 1 }] } })) // 3
 */
export function SEATS(s: Scenario): number {
  let seats = 0;
  for (const p of s.hiring?.plan ?? []) seats += p.seats;
  return seats;
}
