import { describe, expect, it } from 'vitest';
import { parseScenario, seatCount } from '../../engine/index.js';
import { seatLayout } from '../../engine/mechanisms/territories/territories.js';

const reps = { opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1000 };

describe('seatCount', () => {
  it('is the initial seats when there is no hiring plan', () => {
    expect(seatCount(parseScenario({ reps: { ...reps, seats: 7 } }))).toBe(7);
    expect(seatCount(parseScenario({ reps: { ...reps, seats: 0 } }))).toBe(0);
  });
  it("adds every territory's seats and every planned hire; backfill adds none", () => {
    const s = parseScenario({
      territories: [
        { name: 'A', seats: 2 },
        { name: 'B', seats: 1 },
      ],
      reps,
      hiring: { backfill: true, plan: [{ month: 3, seats: 2, territory: 'B' }, { month: 6, seats: 4 }] },
    });
    expect(seatCount(s)).toBe(9);
  });
  it('is the number of seats the engine lays out', () => {
    const s = parseScenario({ horizonMonths: 24, reps: { ...reps, seats: 12 }, hiring: { plan: [{ month: 1, seats: 10 }, { month: 13, seats: 3 }] } });
    expect(seatCount(s)).toBe(25);
    expect(seatLayout(s).seats).toBe(seatCount(s));
  });
});
